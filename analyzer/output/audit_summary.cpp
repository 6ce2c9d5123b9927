#include "analyzer/output/audit_summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analyzer/model/paths.h"
#include "analyzer/output/summary.h"

namespace pipelint {
namespace {

constexpr const char* kNoTeam = "(no team)";
constexpr size_t kExamplesPerPair = 3;

// A Markdown table cell: no pipes or line breaks.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string team_label(const std::string& team) { return team.empty() ? kNoTeam : team; }

// The team of a finding: its file's team; for other files of a repository (its
// pipelint.yaml, contracts) the team of the repository's first file.
class TeamOfPath {
 public:
  TeamOfPath(const Model& m, const std::string& cwd) {
    for (const auto& f : m.files) {
      by_path_.emplace(f.display_path, f.team);
      std::string root = display_path(f.repo_root, cwd);
      if (!root.ends_with('/')) root += '/';
      by_repo_.emplace(root, f.team);  // files are sorted: the first one wins
    }
  }
  std::string operator()(const std::string& path) const {
    if (auto it = by_path_.find(path); it != by_path_.end()) return team_label(it->second);
    std::string best, team;
    for (const auto& [root, t] : by_repo_)
      if (path.starts_with(root) && root.size() > best.size()) best = root, team = t;
    return team_label(team);
  }

 private:
  std::map<std::string, std::string> by_path_;
  std::map<std::string, std::string> by_repo_;
};

struct Counts {
  std::array<size_t, 3> by_severity{};  // note, warning, error
  std::map<std::string, size_t> by_key;  // rules of a team, or teams of a rule
  size_t total() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
};

std::string key_list(const std::map<std::string, size_t>& m) {
  std::string out;
  for (const auto& [k, n] : m) {
    if (!out.empty()) out += ", ";
    out += n == 1 ? k : fmt::format("{} ×{}", k, n);
  }
  return out;
}

// Report failures that are files, not the repositories left out.
std::vector<FileFailure> files_not_analysed(const AuditSummary& s) {
  std::set<std::string> repos;
  for (const auto& f : s.failed_repositories) repos.insert(f.path);
  std::vector<FileFailure> out;
  for (const auto& f : s.report.failures)
    if (!repos.count(f.path)) out.push_back(f);
  return out;
}

void write_totals(const AuditSummary& s, const Summary& sum, std::ostream& out) {
  size_t pipelines = s.graph.pipelines.size(), tables = 0;
  for (const auto& t : s.graph.tables)
    if (!t.external && !t.unresolved) ++tables;
  out << "| | |\n|---|---|\n";
  out << fmt::format("| repositories | {} analysed, {} failed |\n", s.repositories, s.failed_repositories.size());
  out << fmt::format("| files | {} analysed, {} not analysed |\n", sum.files, files_not_analysed(s).size());
  out << fmt::format("| pipelines | {} |\n| tables | {} |\n", pipelines, tables);
  out << fmt::format("| findings | {}, {}, {} ({} suppressed) |\n\n", count_of(sum.errors, "error"),
                     count_of(sum.warnings, "warning"), count_of(sum.notes, "note"), sum.suppressed);
}

void write_findings(const AuditSummary& s, std::ostream& out) {
  TeamOfPath team_of(s.model, s.report.cwd);
  std::map<std::string, Counts> teams, rules;
  for (const auto& f : s.report.findings) {
    if (f.suppressed) continue;
    std::string team = team_of(f.loc.path);
    auto sev = static_cast<size_t>(f.severity);
    ++teams[team].by_severity[sev];
    ++teams[team].by_key[f.rule];
    ++rules[f.rule].by_severity[sev];
    ++rules[f.rule].by_key[team];
  }
  out << "## Findings per team\n\n";
  if (teams.empty()) out << "No findings.\n\n";
  else {
    out << "| team | errors | warnings | notes | rules |\n|---|---:|---:|---:|---|\n";
    for (const auto& [team, c] : teams)
      out << fmt::format("| {} | {} | {} | {} | {} |\n", cell(team), c.by_severity[2], c.by_severity[1],
                         c.by_severity[0], cell(key_list(c.by_key)));
    out << '\n';
  }
  out << "## Findings per rule\n\n";
  if (rules.empty()) out << "No findings.\n\n";
  else {
    out << "| rule | errors | warnings | notes | teams |\n|---|---:|---:|---:|---|\n";
    for (const auto& [rule, c] : rules)
      out << fmt::format("| {} | {} | {} | {} | {} |\n", rule, c.by_severity[2], c.by_severity[1], c.by_severity[0],
                         cell(key_list(c.by_key)));
    out << '\n';
  }
}

void write_tables(const AuditSummary& s, std::ostream& out) {
  std::map<int, std::string> layers;  // index -> name, in flow order
  struct Row {
    size_t pipelines = 0, owned = 0;
    std::map<int, size_t> by_layer;
  };
  std::map<std::string, Row> rows;
  for (const auto& t : s.graph.tables) {
    if (t.external || t.unresolved) continue;
    if (t.layer >= 0) layers.emplace(t.layer, t.layer_name);
    Row& r = rows[team_label(t.owner)];
    ++r.owned;
    ++r.by_layer[t.layer];
  }
  for (const auto& p : s.graph.pipelines) ++rows[team_label(p.team)].pipelines;
  out << "## Tables per team\n\nTables by owner (namespace.teams `owns`) and layer; pipelines by the team of their file.\n\n";
  if (rows.empty()) {
    out << "No tables.\n\n";
    return;
  }
  out << "| team | pipelines | tables owned |";
  for (const auto& [i, name] : layers) out << ' ' << cell(name) << " |";
  out << " other |\n|---|---:|---:|";
  for (size_t i = 0; i <= layers.size(); ++i) out << "---:|";
  out << '\n';
  for (const auto& [team, r] : rows) {
    out << fmt::format("| {} | {} | {} |", cell(team), r.pipelines, r.owned);
    for (const auto& [i, name] : layers) out << ' ' << (r.by_layer.count(i) ? r.by_layer.at(i) : 0) << " |";
    out << ' ' << (r.by_layer.count(-1) ? r.by_layer.at(-1) : 0) << " |\n";
  }
  out << '\n';
}

void write_cross_team(const AuditSummary& s, std::ostream& out) {
  struct Pair {
    size_t reads = 0;
    std::set<uint32_t> tables, pipelines;
    std::vector<std::string> examples;
  };
  std::map<std::pair<std::string, std::string>, Pair> pairs;  // (reader, owner)
  for (const auto& e : s.graph.edges) {
    if (e.op != Op::Read) continue;
    const GraphPipeline& p = s.graph.pipelines[e.pipeline];
    const GraphTable& t = s.graph.tables[e.table];
    if (p.team.empty() || t.owner.empty() || p.team == t.owner) continue;
    Pair& pair = pairs[{p.team, t.owner}];
    ++pair.reads;
    pair.tables.insert(e.table);
    pair.pipelines.insert(e.pipeline);
    if (pair.examples.size() < kExamplesPerPair) {
      Location at = edge_location(s.model, s.graph, e);
      pair.examples.push_back(fmt::format("`{}:{}` reads `{}`", at.path, at.line, t.name));
    }
  }
  out << "## Cross-team edges\n\nA pipeline of the reading team reads a table the owning team owns.\n\n";
  if (pairs.empty()) {
    out << "None.\n\n";
    return;
  }
  out << "| reading team | owning team | reads | tables | pipelines | examples |\n|---|---|---:|---:|---:|---|\n";
  for (const auto& [teams, p] : pairs) {
    std::string examples;
    for (const auto& ex : p.examples) examples += (examples.empty() ? "" : "<br>") + cell(ex);
    out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", cell(teams.first), cell(teams.second), p.reads,
                       p.tables.size(), p.pipelines.size(), examples);
  }
  out << '\n';
}

void write_failed(const AuditSummary& s, std::ostream& out) {
  out << "## Failed repositories\n\n";
  if (s.failed_repositories.empty()) {
    out << "None: every repository was audited.\n\n";
    return;
  }
  out << "Left out of this audit (their findings and tables are missing from every output):\n\n";
  for (const auto& f : s.failed_repositories) out << "- `" << f.path << "`: " << f.message << '\n';
  out << '\n';
}

void write_unanalysed_files(const AuditSummary& s, std::ostream& out) {
  auto files = files_not_analysed(s);
  if (files.empty()) return;
  out << "## Files not analysed\n\n";
  for (const auto& f : files) out << "- `" << f.path << "`: " << f.message << '\n';
  out << '\n';
}

void write_timings(const AuditSummary& s, std::ostream& out) {
  if (s.timings.empty()) return;
  out << "## Timings\n\n| phase | ms |\n|---|---:|\n";
  for (const auto& [phase, ms] : s.timings) out << fmt::format("| {} | {:.0f} |\n", phase, std::max(0.0, ms));
  out << '\n';
}

}  // namespace

void write_audit_summary(const AuditSummary& s, std::ostream& out) {
  const Summary sum = summarize(s.report);
  out << "# pipelint audit\n\n";
  write_totals(s, sum, out);
  write_findings(s, out);
  write_tables(s, out);
  write_cross_team(s, out);
  write_failed(s, out);
  write_unanalysed_files(s, out);
  write_timings(s, out);
}

}  // namespace pipelint

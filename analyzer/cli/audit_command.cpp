// pipelint audit ROOTS... --config FILE --out-dir DIR: the nightly audit of every
// team repository (docs/audit.md). One analysis of all repositories, then every
// output written to DIR. Nightly default: exit 0 whatever was found (a report,
// not a gate); --fail-on makes findings or failed repositories exit 1.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/cli/progress.h"
#include "analyzer/driver/index_io.h"
#include "analyzer/output/audit_summary.h"
#include "analyzer/output/catalog.h"
#include "analyzer/output/graph_writers.h"
#include "analyzer/output/report.h"
#include "rules/engine/engine.h"

namespace pipelint::cli {
namespace {

namespace fs = std::filesystem;

struct AuditOptions {
  std::vector<std::string> roots;
  std::vector<std::string> excludes;
  std::string config;
  std::string out_dir;
  int jobs = 0;
  bool quiet = false;
  bool timings = false;
  std::vector<std::string> select, ignore;
  std::string fail_on = "never";
  bool exit_zero = false;
};

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point& start) {
  auto now = Clock::now();
  double ms = std::chrono::duration<double, std::milli>(now - start).count();
  start = now;
  return ms;
}

// SARIF %SRCROOT% of an audit: the git checkout holding every root, else the
// roots' common folder (repository paths then start with the repository's name).
std::string audit_source_root(const std::vector<std::string>& roots, const std::string& cwd) {
  fs::path common;
  for (const auto& r : roots) {
    fs::path p = (fs::path(cwd) / r).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    if (common.empty()) {
      common = p.parent_path();
      continue;
    }
    while (!common.empty() && p.lexically_relative(common).string().starts_with(".."))
      common = common.parent_path();
  }
  if (common.empty()) return cwd;
  std::error_code ec;
  for (fs::path p = common; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p.string();
    if (p == p.parent_path()) break;
  }
  return common.string();
}

using FileTimes = std::vector<std::pair<std::string, double>>;
using OutputWriter = std::function<void(std::ostream&)>;

// Writes one output file and returns how long it took, or a negative time after
// printing the reason when it cannot.
double write_output(const fs::path& dir, const char* name, const OutputWriter& write) {
  auto start = Clock::now();
  fs::path path = dir / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) write(out);
  out.flush();
  if (!out) {
    std::cerr << "pipelint: error: cannot write " << path.string() << '\n';
    return -1;
  }
  return ms_since(start);
}

// The outputs are independent: they are written concurrently (within --jobs), each
// to its own file; the times keep the list's order. False when any could not be written.
bool write_outputs(const fs::path& dir, int jobs, const std::vector<std::pair<const char*, OutputWriter>>& outputs,
                   FileTimes& times) {
  std::vector<double> took(outputs.size(), 0);
  tbb::task_arena arena(jobs > 0 ? jobs : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(size_t{0}, outputs.size(), [&](size_t i) {
      took[i] = write_output(dir, outputs[i].first, outputs[i].second);
    }, tbb::simple_partitioner());
  });
  bool ok = true;
  for (size_t i = 0; i < outputs.size(); ++i) {
    ok = ok && took[i] >= 0;
    times.emplace_back(outputs[i].first, took[i]);
  }
  return ok;
}

bool timings_wanted(const AuditOptions& o) {
  const char* env = std::getenv("PIPELINT_TIMINGS");
  return o.timings || (env && std::string(env) == "1");
}

int run_audit(AuditOptions& o) {
  auto started = Clock::now(), phase = started;
  RuleFilter filter;
  filter.select = split_list(o.select);
  filter.ignore = split_list(o.ignore);
  std::vector<std::string> all = filter.select;
  all.insert(all.end(), filter.ignore.begin(), filter.ignore.end());
  if (auto unknown = unknown_selectors(all); !unknown.empty()) {
    std::cerr << "pipelint: error: unknown rule selector '" << unknown.front() << "' (see pipelint rules)\n";
    return 2;
  }
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec || !fs::is_directory(o.out_dir, ec)) {
    std::cerr << "pipelint: error: cannot create the output folder " << o.out_dir << '\n';
    return 2;
  }

  // `repos/*` also matches files beside the repositories (a README): not roots.
  std::vector<std::string> roots;
  for (const auto& r : o.roots) {
    if (fs::is_regular_file(r, ec)) {
      if (!o.quiet) std::cerr << "pipelint: note: " << r << ": not a folder, skipped\n";
      continue;
    }
    roots.push_back(r);
  }
  if (roots.empty()) {
    std::cerr << "pipelint: error: no repository folder among the roots\n";
    return 2;
  }

  ProgressBar bar(!o.quiet);
  AnalyzeOptions opts;
  opts.paths = roots;
  opts.excludes = o.excludes;
  opts.config_path = o.config;
  opts.audit = true;
  opts.jobs = o.jobs;
  opts.cwd = fs::current_path().string();
  if (bar.active())
    opts.progress = [&bar](const AnalyzeProgress& p) {
      bar.update(p.files_done, p.files_total, p.repos_done, p.repos_total);
    };
  Analysis analysis = analyze_paths(opts);
  bar.clear();
  if (!analysis.error.empty()) {
    std::cerr << "pipelint: error: " << analysis.error << '\n';
    return 2;
  }
  phase = Clock::now();
  for (const auto& f : analysis.failed_repositories)
    std::cerr << "pipelint: warning: repository " << f.path << " left out of the audit: " << f.message << '\n';
  print_failures(analysis.failures, o.quiet);

  const Model& model = analysis.model;
  bar.stage("building the platform graph");
  const PlatformGraph& graph = platform_graph(model);
  double graph_ms = ms_since(phase);
  bar.stage("running the rules");
  Report report;
  report.findings = run_rules(model, filter);
  double rules_ms = ms_since(phase);

  report.failures = analysis.failures;
  for (const auto& f : analysis.failed_repositories)
    report.failures.push_back({f.path, "repository left out of the audit: " + f.message});
  std::sort(report.failures.begin(), report.failures.end(),
            [](const FileFailure& a, const FileFailure& b) { return a.path < b.path; });
  report.files_analyzed = model.files.size() + model.contracts.size();
  report.cwd = opts.cwd;
  report.srcroot = audit_source_root(roots, report.cwd);
  report.command = "audit";
  report.tool_version = PIPELINT_VERSION;
  // No command line in the SARIF invocation: the output folder would make
  // otherwise identical audits differ.

  bar.stage("writing " + o.out_dir);
  fs::path dir = o.out_dir;
  // One source cache per writer that reads sources: SourceProvider is not thread-safe.
  SourceProvider sarif_sources(report.cwd), json_sources(report.cwd);
  GraphView view = whole_graph(model, graph);
  const std::vector<CatalogRow> catalog = catalog_rows(model);  // once for the three formats
  const std::vector<std::pair<const char*, OutputWriter>> outputs{
      {"findings.sarif", [&](std::ostream& out) { write_sarif(report, sarif_sources, out); }},
      {"findings.json", [&](std::ostream& out) { write_json(report, json_sources, out); }},
      {"index.json", [&](std::ostream& out) { out << write_index(model, PIPELINT_VERSION); }},
      {"catalog.md", [&](std::ostream& out) { write_catalog_markdown(catalog, out); }},
      {"catalog.json", [&](std::ostream& out) { write_catalog_json(catalog, out); }},
      {"catalog.html", [&](std::ostream& out) { write_catalog_html(catalog, out); }},
      {"lineage.mmd", [&](std::ostream& out) { write_graph_mermaid(model, graph, view, out); }},
      {"lineage.dot", [&](std::ostream& out) { write_graph_dot(model, graph, view, out); }},
  };
  FileTimes file_times;
  bool ok = write_outputs(dir, o.jobs, outputs, file_times);
  double write_ms = ms_since(phase);

  const bool timings = timings_wanted(o);  // on stderr; in summary.md only with --timings
  std::vector<std::pair<std::string, double>> phases{
      {"discovery", analysis.times.discovery}, {"parse", analysis.times.parse}, {"link", analysis.times.link},
      {"model", analysis.times.model},         {"graph", graph_ms},             {"rules", rules_ms},
      {"write", write_ms}};
  std::vector<FileFailure> failed;
  for (const auto& f : analysis.failed_repositories) failed.push_back({f.path, f.message});
  AuditSummary summary{model, graph, report, failed, analysis.repositories, {}};
  if (o.timings) summary.timings = phases;
  double summary_ms = write_output(dir, "summary.md", [&](std::ostream& out) { write_audit_summary(summary, out); });
  ok = ok && summary_ms >= 0;
  file_times.emplace_back("summary.md", summary_ms);
  bar.clear();
  if (!ok) return 2;

  if (timings) {
    std::ostringstream line;
    line << "pipelint: timings (ms):";
    for (const auto& [name, ms] : phases) line << ' ' << name << '=' << static_cast<long long>(ms + 0.5);
    double total = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    line << " total=" << static_cast<long long>(total + 0.5);
    std::cerr << line.str() << '\n';
    line.str("");
    line << "pipelint: write times (ms):";
    for (const auto& [name, ms] : file_times) line << ' ' << name << '=' << static_cast<long long>(ms + 0.5);
    std::cerr << line.str() << '\n';
  }
  if (!o.quiet) {
    size_t shown = 0;
    for (const auto& f : report.findings) shown += f.suppressed ? 0 : 1;
    std::cerr << "pipelint: audited " << analysis.repositories << " repositories ("
              << analysis.failed_repositories.size() << " failed), " << shown << " findings; outputs in " << o.out_dir
              << '\n';
  }

  if (o.exit_zero || o.fail_on == "never") return 0;
  if (!analysis.failed_repositories.empty()) return 1;
  Severity threshold = o.fail_on == "warning" ? Severity::Warning
                       : o.fail_on == "note"  ? Severity::Note
                                              : Severity::Error;
  for (const auto& f : report.findings)
    if (!f.suppressed && f.severity >= threshold) return 1;
  return 0;
}

}  // namespace

Command add_audit_command(CLI::App& app) {
  auto o = std::make_shared<AuditOptions>();
  auto* cmd = app.add_subcommand("audit",
                                 "the whole-platform audit: every repository, all outputs in a folder (docs/audit.md)");
  cmd->add_option("roots", o->roots, "repository folders (e.g. repos/*)")->required();
  cmd->add_option("--config", o->config,
                  "platform pipelint.yaml: registry and namespace of the audit, and the configuration of "
                  "repositories without their own");
  cmd->add_option("--out-dir", o->out_dir, "folder for the outputs (created)")->required();
  cmd->add_option("--exclude", o->excludes, "glob of files or folders to skip (repeatable)");
  cmd->add_option("-j,--jobs", o->jobs, "parser threads (default: all cores)")->check(CLI::NonNegativeNumber);
  cmd->add_flag("-q,--quiet", o->quiet, "no progress bar, no notes about skipped files");
  cmd->add_flag("--timings", o->timings,
                "print phase times to stderr and add them to summary.md (PIPELINT_TIMINGS=1: stderr only)");
  cmd->add_option("--select", o->select, "rule ids or prefixes to run (replaces the configured selection)");
  cmd->add_option("--ignore", o->ignore, "rule ids or prefixes to skip");
  cmd->add_option("--fail-on", o->fail_on,
                  "exit 1 on findings at or above this severity, or on a failed repository (default: never)")
      ->check(CLI::IsMember({"never", "error", "warning", "note"}));
  cmd->add_flag("--exit-zero", o->exit_zero, "exit 0 even with --fail-on");
  return {cmd, [o] { return run_audit(*o); }};
}

}  // namespace pipelint::cli

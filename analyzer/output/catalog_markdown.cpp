// `pipelint catalog --format md` and audit's catalog.md: contents grouped by
// owning team, then one section per table.
#include <map>
#include <set>

#include "analyzer/output/catalog.h"
#include "analyzer/output/catalog_rows.h"
#include "parsers/common/utf8.h"

namespace pipelint {
namespace {

// Text that renders literally inside a table cell or a heading.
std::string md(const std::string& raw) {
  std::string out;
  for (char c : utf8::printable(raw)) {
    switch (c) {
      case '\n': case '\r': case '\t': out += ' '; break;
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~': case '!':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string or_dash(const std::string& s) { return s.empty() ? "—" : md(s); }

// Already-escaped parts joined with ", "; a dash when there are none.
std::string joined(const std::vector<std::string>& parts) {
  if (parts.empty()) return "—";
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

// Anchor ids: the name reduced to [a-z0-9-], made unique with a counter.
std::vector<std::string> anchors(const std::vector<CatalogRow>& rows) {
  std::vector<std::string> out;
  std::map<std::string, int> used;
  for (const auto& r : rows) {
    std::string slug = "t-";
    for (char c : r.name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      slug += keep ? c : '-';
    }
    int n = used[slug]++;
    out.push_back(n == 0 ? slug : slug + "-" + std::to_string(n + 1));
  }
  return out;
}

std::string join_names(const std::vector<std::string>& names, const std::map<std::string, std::string>& anchor_of) {
  if (names.empty()) return "—";
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    auto it = anchor_of.find(n);
    if (it == anchor_of.end()) {
      out += md(n);
      continue;
    }
    out += '[';
    out += md(n);
    out += "](#";
    out += it->second;
    out += ')';
  }
  return out;
}

std::string kind_text(const CatalogRow& r) {
  std::string k = r.is_path ? "storage path" : "table";
  if (r.external) k += ", external";
  if (r.unresolved) k += ", unresolved name";
  return k;
}

std::string sla_part(const char* label, const std::optional<CatalogSla>& s) {
  if (!s) return "";
  std::string out = label;
  out += ' ';
  out += md(s->text);
  if (!s->element.empty()) {
    out += " (";
    out += md(s->element);
    out += ')';
  }
  return out;
}

std::string sla_text(const CatalogContract& c) {
  std::string out;
  for (const std::string& part : {sla_part("latency", c.latency), sla_part("frequency", c.frequency),
                                  sla_part("retention", c.retention)}) {
    if (part.empty()) continue;
    if (!out.empty()) out += "; ";
    out += part;
  }
  return out.empty() ? "—" : out;
}

std::string contract_text(const CatalogContract& c) {
  std::string out = md(c.path);
  std::string facts;
  auto add = [&](const std::string& label, const std::string& value) {
    if (value.empty()) return;
    if (!facts.empty()) facts += ", ";
    facts += label;
    facts += md(value);
  };
  add("id ", c.id);
  add("version ", c.version);
  add("status ", c.status);
  add("team ", c.team);
  if (!facts.empty()) out += " (" + facts + ")";
  for (const auto& other : c.also_in) {
    out += "; also ";
    out += md(other);
  }
  return out;
}

void write_accesses(const char* title, const std::vector<CatalogAccess>& list, std::ostream& out) {
  out << "**" << title << "**";
  if (list.empty()) {
    out << ": none found.\n\n";
    return;
  }
  out << "\n\n| pipeline | location | mode | team | run by |\n|---|---|---|---|---|\n";
  for (const auto& a : list) {
    std::vector<std::string> modes, runs;
    for (const auto& mode : a.modes) modes.push_back(md(mode));
    for (const auto& r : a.runs) runs.push_back(md(r.dag) + " › " + md(r.task));
    out << "| " << md(a.pipeline) << " | " << a.line << ':' << a.col << " | " << joined(modes) << " | " << or_dash(a.team)
        << " | " << joined(runs) << " |\n";
  }
  out << '\n';
}

void write_columns(const CatalogContract& c, std::ostream& out) {
  if (c.columns.empty()) return;
  out << "**Columns** (contract)\n\n| column | type | required | classification |\n|---|---|---|---|\n";
  for (const auto& col : c.columns) {
    std::string type = col.physical_type.empty() ? col.logical_type : col.physical_type;
    out << "| " << md(col.name) << (col.primary_key ? " (key)" : "") << " | " << or_dash(type) << " | "
        << (col.required ? "yes" : "no") << " | " << or_dash(col.classification) << " |\n";
  }
  out << '\n';
}

void write_row(const CatalogRow& r, const std::string& anchor, const std::map<std::string, std::string>& anchor_of,
               std::ostream& out) {
  out << "<a id=\"" << anchor << "\"></a>\n\n### " << md(r.name) << "\n\n| | |\n|---|---|\n";
  out << "| owner | " << or_dash(r.owner) << " |\n";
  out << "| layer | " << or_dash(r.layer) << " |\n";
  out << "| kind | " << kind_text(r) << " |\n";
  out << "| contract | " << (r.contract ? contract_text(*r.contract) : "—") << " |\n";
  out << "| SLA | " << (r.contract ? sla_text(*r.contract) : "—") << " |\n";
  out << "| upstream | " << join_names(r.upstream, anchor_of) << " |\n";
  out << "| downstream | " << join_names(r.downstream, anchor_of) << " |\n\n";
  write_accesses("Producers", r.producers, out);
  write_accesses("Consumers", r.consumers, out);
  if (r.contract) write_columns(*r.contract, out);
}

}  // namespace

void write_catalog_markdown(const std::vector<CatalogRow>& rows, std::ostream& out) {
  const std::vector<CatalogTeam> teams = catalog_teams(rows);
  const std::vector<std::string> ids = anchors(rows);
  std::map<std::string, std::string> anchor_of;
  size_t with_contract = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    anchor_of.emplace(rows[i].name, ids[i]);
    if (rows[i].contract) ++with_contract;
  }
  out << "# Platform catalog\n\n" << rows.size() << (rows.size() == 1 ? " table" : " tables") << ", "
      << with_contract << " covered by a data contract.\n\n## Contents\n\n";
  for (const auto& team : teams) {
    out << "**" << (team.team.empty() ? "No owning team" : md(team.team)) << "** (" << team.rows.size() << ")\n\n";
    for (size_t i : team.rows) {
      const CatalogRow& r = rows[i];
      out << "- [" << md(r.name) << "](#" << ids[i] << ")";
      if (!r.layer.empty()) out << " · " << md(r.layer);
      if (r.contract) out << " · contract";
      out << '\n';
    }
    out << '\n';
  }
  out << "## Tables\n\n";
  for (size_t i = 0; i < rows.size(); ++i) write_row(rows[i], ids[i], anchor_of, out);
}

}  // namespace pipelint

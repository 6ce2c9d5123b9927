#include <algorithm>
#include <cctype>
#include <set>

#include "analyzer/output/sarif_parts.h"
#include "rules/engine/rule.h"

namespace pipelint::sarif {
namespace {

// GitHub's problem.severity vocabulary.
const char* problem_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "recommendation";
  }
}

Json descriptor(const RuleDoc& doc) {
  Json j;
  j["id"] = doc.id;
  j["name"] = doc.name.empty() || doc.name == doc.id ? "rule-" + doc.id : doc.name;
  j["shortDescription"] = Json{{"text", sentence(doc.summary.empty() ? doc.name : doc.summary)}};
  std::string full = doc.what;
  if (!doc.why.empty()) full += (full.empty() ? "" : " ") + doc.why;
  j["fullDescription"] = Json{{"text", sentence(full.empty() ? doc.summary : full)}};
  j["help"] = Json{{"text", rule_doc_text(doc)}, {"markdown", rule_doc_markdown(doc)}};
  j["helpUri"] = rule_help_uri(doc.id);
  j["defaultConfiguration"] = Json{{"level", level(doc.severity)}};
  Json tags = Json::array();
  if (!doc.family.empty()) tags.push_back(doc.family);
  j["properties"] = Json{{"tags", std::move(tags)},
                         {"precision", "high"},
                         {"problem.severity", problem_severity(doc.severity)}};
  return j;
}

RuleDoc unregistered_doc(const std::string& id, Severity severity) {
  RuleDoc doc;
  doc.id = id;
  doc.name = "unregistered-" + id;  // SARIF1001: a name must differ from the id
  for (char& c : doc.name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  doc.family = "general";
  doc.severity = severity;
  doc.summary = "Finding reported under rule id " + id + ".";
  doc.what = "Reports findings under the id " + id + ", which has no registered documentation.";
  doc.why = "See the message of each finding.";
  return doc;
}

}  // namespace

const char* level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

std::string sentence(const std::string& text) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  const size_t end = out.find_last_not_of(" \t");
  out.erase(end == std::string::npos ? 0 : end + 1);
  if (out.empty()) return "No details.";
  const char last = out.back();
  if (last != '.' && last != '!' && last != '?') out += '.';
  return out;
}

Json driver_rules(const std::vector<Finding>& findings, std::map<std::string, size_t>& index) {
  Json rules = Json::array();
  for (const Rule* rule : all_rules()) {
    if (index.count(rule->doc().id)) continue;
    index[rule->doc().id] = rules.size();
    rules.push_back(descriptor(rule->doc()));
  }
  std::map<std::string, Severity> unknown;  // sorted by id: deterministic
  for (const Finding& f : findings)
    if (!f.suppressed && !index.count(f.rule)) unknown.emplace(f.rule, f.severity);
  for (const auto& [id, severity] : unknown) {
    index[id] = rules.size();
    rules.push_back(descriptor(unregistered_doc(id.empty() ? "unknown" : id, severity)));
  }
  return rules;
}

std::vector<const Finding*> select_results(const std::vector<Finding>& findings, size_t limit,
                                           size_t& cut) {
  std::vector<const Finding*> kept;
  for (const Finding& f : findings)
    if (!f.suppressed) kept.push_back(&f);
  cut = 0;
  if (kept.size() <= limit) return kept;
  cut = kept.size() - limit;
  // Pointers into one vector: comparing them compares report order.
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  kept.resize(limit);
  std::sort(kept.begin(), kept.end());
  return kept;
}

}  // namespace pipelint::sarif

// JSON report, schema version 1 (documented in README.md). Deterministic: fixed
// key order, no timings, 2-space indent, trailing newline.
#include <nlohmann/json.hpp>

#include "analyzer/output/report.h"
#include "analyzer/output/summary.h"

namespace pipelint {
namespace {

using Json = nlohmann::ordered_json;

Json location_json(const Location& l) {
  Json j;
  j["path"] = l.path;
  j["line"] = l.line;
  j["col"] = l.col;
  if (l.end_col > l.col) j["end_col"] = l.end_col;
  return j;
}

Json finding_json(const Finding& f, const Report& r, SourceProvider& src) {
  Json j;
  j["rule"] = f.rule;
  j["severity"] = to_string(f.severity);
  j["path"] = f.loc.path;
  j["line"] = f.loc.line;
  j["col"] = f.loc.col;
  if (f.loc.end_col > f.loc.col) j["end_col"] = f.loc.end_col;
  j["message"] = f.message;
  j["subject"] = f.subject;
  j["fingerprint"] = finding_fingerprint(f, r, src);
  if (f.suppressed) j["suppressed"] = true;
  if (!f.baseline_state.empty()) j["baseline_state"] = f.baseline_state;
  Json related = Json::array();
  for (const RelatedLocation& rel : f.related) {
    Json e = location_json(rel.loc);
    e["message"] = rel.message;
    related.push_back(std::move(e));
  }
  j["related"] = std::move(related);
  if (!f.flow.empty()) {
    Json flow = Json::array();
    for (const Location& step : f.flow) flow.push_back(location_json(step));
    j["flow"] = std::move(flow);
  }
  return j;
}

}  // namespace

void write_json(const Report& r, SourceProvider& src, std::ostream& out) {
  Json doc;
  doc["version"] = 1;
  doc["tool"] = Json{{"name", "pipelint"}, {"version", r.tool_version}};
  Json findings = Json::array();
  for (const Finding& f : r.findings) findings.push_back(finding_json(f, r, src));
  doc["findings"] = std::move(findings);
  Json failures = Json::array();
  for (const FileFailure& fail : r.failures)
    failures.push_back(Json{{"path", fail.path}, {"message", fail.message}});
  doc["failures"] = std::move(failures);
  const Summary s = summarize(r);
  doc["summary"] = Json{{"errors", s.errors},       {"warnings", s.warnings}, {"notes", s.notes},
                        {"suppressed", s.suppressed}, {"files", s.files}};
  // Invalid UTF-8 (from a binary file's name or text) becomes U+FFFD instead of throwing.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace pipelint

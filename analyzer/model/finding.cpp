#include "analyzer/model/finding.h"

#include <tuple>

namespace pipelint {

std::optional<Severity> parse_severity(const std::string& s) {
  if (s == "error") return Severity::Error;
  if (s == "warning") return Severity::Warning;
  if (s == "note" || s == "info") return Severity::Note;
  return std::nullopt;
}

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.loc.path, a.loc.line, a.loc.col, a.rule, a.message, a.subject) <
         std::tie(b.loc.path, b.loc.line, b.loc.col, b.rule, b.message, b.subject);
}

}  // namespace pipelint

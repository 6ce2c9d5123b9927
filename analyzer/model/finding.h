// A finding: what a rule reports about one place (SPEC 4).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pipelint {

enum class Severity : uint8_t { Note = 0, Warning = 1, Error = 2 };

inline const char* to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}
std::optional<Severity> parse_severity(const std::string& s);

struct Location {
  std::string path;      // as shown to the user (relative to the working directory when under it)
  uint32_t line = 1;     // 1-based
  uint32_t col = 1;      // 1-based, code points
  uint32_t end_col = 0;  // exclusive end column on the same line; 0 = unknown
};

struct RelatedLocation {
  Location loc;
  std::string message;
};

struct Finding {
  std::string rule;                      // "NS001"
  Severity severity = Severity::Warning;
  Location loc;
  std::string message;                   // one sentence: what and why
  std::vector<RelatedLocation> related;  // the other writer, each edge of a cycle, ...
  std::vector<Location> flow;            // ordered steps (a cycle), written as a SARIF codeFlow
  std::string subject;                   // what it is about (table name, cycle members): feeds the fingerprint
  bool suppressed = false;
  std::string baseline_state;            // "" (no baseline given) | "new" | "unchanged"
};

// Total order used everywhere output is produced: path, line, col, rule, message.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace pipelint

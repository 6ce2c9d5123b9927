#include "analyzer/output/summary.h"

namespace pipelint {

Summary summarize(const Report& r) {
  Summary s;
  s.files = r.files_analyzed;
  for (const Finding& f : r.findings) {
    if (f.suppressed) {
      ++s.suppressed;
      continue;
    }
    switch (f.severity) {
      case Severity::Error: ++s.errors; break;
      case Severity::Warning: ++s.warnings; break;
      case Severity::Note: ++s.notes; break;
    }
  }
  return s;
}

std::string count_of(size_t n, const char* singular) {
  return std::to_string(n) + " " + singular + (n == 1 ? "" : "s");
}

std::string summary_counts(const Summary& s) {
  std::string out = count_of(s.errors, "error") + ", " + count_of(s.warnings, "warning") + ", " +
                    count_of(s.notes, "note") + " in " + count_of(s.files, "file");
  if (s.suppressed > 0) out += ", " + std::to_string(s.suppressed) + " suppressed";
  return out;
}

}  // namespace pipelint

// Counts shared by the text, JSON and markdown writers.
#pragma once
#include <cstddef>
#include <string>

#include "analyzer/output/report.h"

namespace pipelint {

struct Summary {
  size_t errors = 0, warnings = 0, notes = 0;  // not suppressed
  size_t suppressed = 0;
  size_t files = 0;
};

Summary summarize(const Report& r);

// "1 error", "2 errors", "0 notes"...
std::string count_of(size_t n, const char* singular);

// "2 errors, 1 warning, 0 notes in 3 files" plus ", 4 suppressed" when any.
std::string summary_counts(const Summary& s);

}  // namespace pipelint

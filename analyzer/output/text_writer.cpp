// Human output: one block per finding, then a closing count line.
//
//   jobs/load.py:3:10: error[NS001] Table name matches no namespace pattern.
//      3 | df.write.saveAsTable("tmp_x")
//        |          ^^^^^^^^^^^
//     jobs/other.py:8:1: note: the other writer
//
//   1 error, 0 warnings, 0 notes in 2 files, 1 suppressed (12 ms)
#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "analyzer/output/report.h"
#include "analyzer/output/summary.h"
#include "parsers/common/utf8.h"

namespace pipelint {
namespace {

// Longer lines are cut around the column so minified files stay readable.
constexpr uint32_t kExcerptBefore = 60;
constexpr uint32_t kExcerptAfter = 100;

struct Style {
  bool color;
  std::string wrap(const char* code, const std::string& s) const {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
  }
  std::string severity(Severity sev, const std::string& s) const {
    switch (sev) {
      case Severity::Error: return wrap("1;31", s);
      case Severity::Warning: return wrap("1;33", s);
      default: return wrap("1;36", s);
    }
  }
};

std::string location_text(const Location& l) {
  return fmt::format("{}:{}:{}", utf8::printable(l.path), l.line, l.col);
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  utf8::decode(s, [&](char32_t cp) { out += cp; });
  return out;
}

std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) utf8::append(out, cp);
  return out;
}

// The source line and a caret line under [col, end_col).
void write_excerpt(const Finding& f, const std::string& raw_line, const Style& style,
                   std::ostream& out) {
  std::u32string line = code_points(utf8::printable(raw_line));
  uint32_t col = std::max<uint32_t>(f.loc.col, 1);
  uint32_t end = f.loc.end_col > col ? f.loc.end_col : col + 1;
  std::string prefix, suffix;
  const bool long_line = line.size() > kExcerptBefore + kExcerptAfter;
  if (long_line && col > kExcerptBefore + 1) {  // cut the front
    const uint32_t drop = col - 1 - kExcerptBefore;
    line.erase(0, std::min<size_t>(drop, line.size()));
    col -= drop, end -= drop;
    prefix = "…";
  }
  if (long_line && line.size() > col + kExcerptAfter) {
    line.resize(col + kExcerptAfter);
    suffix = "…";
  }
  end = std::min<uint32_t>(end, std::max<uint32_t>(static_cast<uint32_t>(line.size()) + 1, col + 1));

  std::u32string pad;  // keep tabs so the caret lines up under tabbed code
  if (!prefix.empty()) pad.push_back(U' ');  // under the "…"
  for (uint32_t i = 1; i < col; ++i) pad += (i - 1 < line.size() && line[i - 1] == U'\t') ? U'\t' : U' ';

  const std::string gutter = std::to_string(f.loc.line);
  const std::string blank(gutter.size(), ' ');
  out << ' ' << style.wrap("34", gutter + " |") << ' ' << prefix << encode(line) << suffix << '\n';
  out << ' ' << style.wrap("34", blank + " |") << ' ' << encode(pad)
      << style.severity(f.severity, std::string(end - col, '^')) << '\n';
}

}  // namespace

void write_text(const Report& r, SourceProvider& src, std::ostream& out, bool color) {
  const Style style{color};
  for (const Finding& f : r.findings) {
    if (f.suppressed) continue;
    out << style.wrap("1", location_text(f.loc) + ":") << ' '
        << style.severity(f.severity, fmt::format("{}[{}]", to_string(f.severity), f.rule)) << ' '
        << utf8::printable(f.message) << '\n';
    const std::string line = src.line(f.loc.path, f.loc.line);
    if (!line.empty()) write_excerpt(f, line, style, out);
    for (const RelatedLocation& rel : f.related)
      out << "  " << location_text(rel.loc) << ": " << style.wrap("1;36", "note") << ": "
          << utf8::printable(rel.message) << '\n';
    out << '\n';
  }
  for (const FileFailure& fail : r.failures)
    out << style.wrap("1", utf8::printable(fail.path) + ":") << ' ' << style.wrap("1;31", "not analysed")
        << ": " << utf8::printable(fail.message) << '\n';
  if (!r.failures.empty()) out << '\n';

  const double elapsed = std::isfinite(r.elapsed_ms) ? std::clamp(r.elapsed_ms, 0.0, 1e12) : 0.0;
  const long long ms = std::llround(elapsed);
  out << summary_counts(summarize(r)) << " (" << ms << " ms)\n";
}

}  // namespace pipelint

// A summary for a pull-request comment or $GITHUB_STEP_SUMMARY. GitHub shows
// only 10 annotations of each kind per step, so this lists every finding.
#include "analyzer/output/report.h"
#include "analyzer/output/summary.h"
#include "parsers/common/utf8.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

// Text that stays inside one table cell and renders literally.
std::string cell(const std::string& raw) {
  std::string flat = raw;
  for (char& c : flat)
    if (c == '\n' || c == '\r') c = ' ';
  std::string out;
  for (char c : utf8::printable(flat)) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\t': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

void write_table(const Report& r, Severity severity, const char* title, std::ostream& out) {
  size_t n = 0;
  for (const Finding& f : r.findings) n += !f.suppressed && f.severity == severity;
  if (n == 0) return;
  out << "\n### " << title << " (" << n << ")\n\n";
  out << "| Location | Rule | Message |\n|---|---|---|\n";
  for (const Finding& f : r.findings) {
    if (f.suppressed || f.severity != severity) continue;
    out << "| " << cell(f.loc.path) << ':' << f.loc.line << ':' << f.loc.col << " | [" << cell(f.rule)
        << "](" << rule_help_uri(f.rule) << ") | " << cell(f.message) << " |\n";
  }
}

}  // namespace

void write_markdown(const Report& r, std::ostream& out) {
  const Summary s = summarize(r);
  if (s.errors + s.warnings + s.notes == 0)
    out << "## pipelint: no findings\n";
  else
    out << "## pipelint: " << count_of(s.errors, "error") << ", " << count_of(s.warnings, "warning")
        << ", " << count_of(s.notes, "note") << "\n";
  out << "\nChecked " << count_of(s.files, "file") << '.';
  if (s.suppressed > 0)
    out << ' ' << s.suppressed << (s.suppressed == 1 ? " finding was" : " findings were")
        << " suppressed and not listed.";
  out << '\n';
  write_table(r, Severity::Error, "Errors", out);
  write_table(r, Severity::Warning, "Warnings", out);
  write_table(r, Severity::Note, "Notes", out);
  if (!r.failures.empty()) {
    out << "\n### Files not analysed (" << r.failures.size() << ")\n\n";
    for (const FileFailure& fail : r.failures)
      out << "- " << cell(fail.path) << ": " << cell(fail.message) << '\n';
  }
}

}  // namespace pipelint

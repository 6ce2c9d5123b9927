// GitHub Actions workflow commands: one annotation per non-suppressed finding.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
#include "analyzer/output/report.h"

namespace pipelint {
namespace {

std::string escape_data(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(const std::string& s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

const char* command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "notice";
  }
}

}  // namespace

void write_github(const Report& r, std::ostream& out) {
  for (const Finding& f : r.findings) {
    if (f.suppressed) continue;
    out << "::" << command(f.severity) << " file=" << escape_property(f.loc.path)
        << ",line=" << f.loc.line << ",col=" << f.loc.col;
    if (f.loc.end_col > f.loc.col) out << ",endColumn=" << f.loc.end_col;
    out << ",title=" << escape_property("pipelint " + f.rule) << "::" << escape_data(f.message) << '\n';
  }
  // A file that could not be analysed is not a rule violation: a warning without a line.
  for (const FileFailure& fail : r.failures)
    out << "::warning file=" << escape_property(fail.path) << ",title=pipelint::"
        << escape_data("Not analysed: " + fail.message) << '\n';
}

}  // namespace pipelint

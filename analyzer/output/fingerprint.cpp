#include <xxhash.h>

#include <fmt/format.h>

#include "analyzer/output/report.h"

namespace pipelint {
namespace {

// Whitespace is dropped so re-indenting a line keeps the fingerprint.
std::string without_whitespace(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  return out;
}

std::string hash_key(const Finding& f, const std::string& path, const std::string& what) {
  // \x1f (unit separator) cannot occur in rule ids and keeps the fields apart.
  const std::string key = f.rule + '\x1f' + path + '\x1f' + what;
  return fmt::format("{:016x}", XXH3_64bits(key.data(), key.size()));
}

}  // namespace

std::string finding_fingerprint(const Finding& f, const std::string& repo_rel_path) {
  return hash_key(f, repo_rel_path, f.subject.empty() ? f.message : f.subject);
}

std::string finding_fingerprint(const Finding& f, const std::string& repo_rel_path,
                                const std::string& line_text) {
  if (!f.subject.empty()) return hash_key(f, repo_rel_path, f.subject);
  const std::string stripped = without_whitespace(line_text);
  return hash_key(f, repo_rel_path, stripped.empty() ? f.message : stripped);
}

std::string finding_fingerprint(const Finding& f, const Report& r, SourceProvider& src) {
  const std::string rel = repo_relative_path(f.loc.path, r.cwd, r.srcroot.empty() ? r.cwd : r.srcroot);
  return finding_fingerprint(f, rel, f.subject.empty() ? src.line(f.loc.path, f.loc.line) : "");
}

}  // namespace pipelint

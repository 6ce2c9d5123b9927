// What a run hands to the writers: sorted findings plus facts about the run.
#pragma once
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/model/finding.h"

namespace pipelint {

// A file that could not be read or analysed at all (SARIF invocation notification).
struct FileFailure {
  std::string path;     // display path
  std::string message;  // one line
};

struct Report {
  std::vector<Finding> findings;        // sorted with finding_less; suppressed ones flagged, not removed
  std::vector<FileFailure> failures;
  size_t files_analyzed = 0;
  double elapsed_ms = 0;
  std::string srcroot;                  // absolute folder SARIF URIs are made relative to (%SRCROOT%)
  std::string cwd;                      // absolute working directory display paths are relative to
  std::string command = "check";        // for automationDetails: "pipelint/<command>/"
  std::string tool_version;
  bool has_baseline = false;            // emit baselineState
  std::vector<std::string> command_line;  // argv, for invocations
};

// Reads source lines for excerpts and line hashes. Files are read lazily from
// disk by display path (relative to Report::cwd) unless given in `overrides`
// (e.g. an editor buffer read from stdin).
class SourceProvider {
 public:
  explicit SourceProvider(std::string cwd) : cwd_(std::move(cwd)) {}
  void set_override(const std::string& path, std::string content) {
    overrides_[path] = std::move(content);
    line_starts_.erase(path);
  }
  // Whole content, or nullptr when unreadable.
  const std::string* content(const std::string& path);
  // 1-based line without its newline; "" when out of range or unreadable.
  std::string line(const std::string& path, uint32_t line);

 private:
  std::string cwd_;
  std::map<std::string, std::string> overrides_;
  std::map<std::string, std::string> cache_;
  std::map<std::string, bool> missing_;
  std::map<std::string, std::vector<size_t>> line_starts_;  // byte offset of each line
};

void write_text(const Report& r, SourceProvider& src, std::ostream& out, bool color);
void write_json(const Report& r, SourceProvider& src, std::ostream& out);
void write_sarif(const Report& r, SourceProvider& src, std::ostream& out);
void write_github(const Report& r, std::ostream& out);
void write_markdown(const Report& r, std::ostream& out);

// Our own fingerprint: rule, repository-relative path and subject (stable across
// line moves); used by --baseline and --diff-base matching and in SARIF.
std::string finding_fingerprint(const Finding& f, const std::string& repo_rel_path);
// The same, falling back to the primary line's text (whitespace removed) when the
// subject is empty; the two-argument form falls back to the message instead.
std::string finding_fingerprint(const Finding& f, const std::string& repo_rel_path,
                                const std::string& line_text);
// What the JSON and SARIF writers emit: repository-relative path and line text
// resolved through `src`. Use it to match findings against a baseline.
std::string finding_fingerprint(const Finding& f, const Report& r, SourceProvider& src);

// A display path made relative to `srcroot` (forward slashes, no "./"); display
// paths are relative to `cwd` unless absolute. Paths outside srcroot stay absolute.
std::string repo_relative_path(const std::string& display_path, const std::string& cwd,
                               const std::string& srcroot);

// GitHub's primaryLocationLineHash for every line of a file, computed exactly as
// the codeql-action upload does (rolling hash over 100 characters of
// whitespace-stripped text, "hash:occurrence"); index 0 is line 1.
std::vector<std::string> github_line_hashes(const std::string& content);

// Rule documentation rendered for `pipelint explain`, SARIF help and the README.
struct RuleDoc;
std::string rule_doc_text(const RuleDoc& doc);
std::string rule_doc_markdown(const RuleDoc& doc);

}  // namespace pipelint

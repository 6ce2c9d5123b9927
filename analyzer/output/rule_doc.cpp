#include <algorithm>

#include "analyzer/output/report.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

std::string trimmed(const std::string& s) {
  const size_t begin = s.find_first_not_of("\r\n");
  if (begin == std::string::npos) return "";
  const size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

// A fence longer than any backtick run inside the code, so examples holding
// ``` (e.g. markdown in a docstring) cannot close it early.
std::string fence_for(const std::string& code) {
  size_t longest = 0, run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

std::string code_block(const std::string& code, const std::string& lang) {
  const std::string body = trimmed(code);
  const std::string fence = fence_for(body);
  return fence + lang + "\n" + body + "\n" + fence + "\n";
}

}  // namespace

std::string rule_doc_text(const RuleDoc& doc) {
  std::string out = doc.id + " " + doc.name + " (" + to_string(doc.severity) + ")\n";
  out += "\nWhat it does\n" + trimmed(doc.what) + "\n";
  out += "\nWhy is this bad?\n" + trimmed(doc.why) + "\n";
  if (!trimmed(doc.bad).empty()) out += "\nExample\n" + trimmed(doc.bad) + "\n";
  if (!trimmed(doc.good).empty()) out += "\nUse instead\n" + trimmed(doc.good) + "\n";
  return out;
}

// Headed "## ID" so the docs page anchor is "#id", which rule_help_uri points at.
std::string rule_doc_markdown(const RuleDoc& doc) {
  std::string out = "## " + doc.id + "\n\n";
  out += "`" + doc.name + "` · default severity **" + to_string(doc.severity) + "** · family " +
         doc.family + "\n\n";
  if (!trimmed(doc.summary).empty()) out += trimmed(doc.summary) + "\n\n";
  out += "### What it does\n\n" + trimmed(doc.what) + "\n";
  out += "\n### Why is this bad?\n\n" + trimmed(doc.why) + "\n";
  if (!trimmed(doc.bad).empty()) out += "\n### Example\n\n" + code_block(doc.bad, doc.example_lang);
  if (!trimmed(doc.good).empty()) out += "\n### Use instead\n\n" + code_block(doc.good, doc.example_lang);
  return out;
}

}  // namespace pipelint

#include "analyzer/driver/config_health.h"

#include <array>
#include <string_view>

#include "analyzer/model/paths.h"

namespace pipelint {
namespace {

// Message prefixes of the loader's unrecoverable issues (analyzer/config/loader.cpp,
// read_text.cpp). Unknown keys and wrong types are not here: they drop one value.
constexpr std::array<std::string_view, 10> kFatalPrefixes{
    "cannot read the configuration", "configuration file larger than", "not a text file",
    "not valid UTF-8",               "invalid YAML",                   "configuration could not be loaded",
    "extends: parent configuration", "extends cycle",                  "extends: the parent's path is empty",
    "a pipelint.yaml must be a mapping"};

bool is_fatal(const ConfigIssue& issue) {
  if (issue.rule != "CFG002") return false;
  for (std::string_view prefix : kFatalPrefixes)
    if (std::string_view(issue.message).starts_with(prefix)) return true;
  return false;
}

}  // namespace

std::optional<std::string> fatal_config_issue(const Config& config, const std::string& cwd) {
  for (const ConfigIssue& issue : config.issues)
    if (is_fatal(issue))
      return display_path(issue.file, cwd) + ":" + std::to_string(issue.line) + ":" + std::to_string(issue.col) +
             ": " + issue.message;
  return std::nullopt;
}

}  // namespace pipelint

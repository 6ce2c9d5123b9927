#include "analyzer/driver/config_health.h"

#include "analyzer/model/paths.h"

namespace pipelint {

std::optional<std::string> fatal_config_issue(const Config& config, const std::string& cwd) {
  for (const ConfigIssue& issue : config.issues)
    if (issue.unusable)
      return display_path(issue.file, cwd) + ":" + std::to_string(issue.line) + ":" + std::to_string(issue.col) +
             ": " + issue.message;
  return std::nullopt;
}

}  // namespace pipelint

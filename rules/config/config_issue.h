// CFG001 and CFG002 report the configuration loader's issues of one kind.
#pragma once
#include <filesystem>

#include "analyzer/model/paths.h"
#include "rules/engine/rule.h"

namespace pipelint {

class ConfigIssueRule : public Rule {
 public:
  void check(const Model& m, std::vector<Finding>& out) const override {
    const std::string cwd = std::filesystem::current_path().string();
    for (const auto& issue : m.config_issues) {
      if (issue.rule != doc().id) continue;
      out.push_back(make(Location{display_path(issue.file, cwd), issue.line, issue.col, 0}, issue.message,
                         issue.message));
    }
  }
};

}  // namespace pipelint

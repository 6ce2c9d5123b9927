// CFG001 and CFG002 report the configuration loader's issues of one kind.
#pragma once
#include <filesystem>

#include "rules/engine/rule.h"

namespace pipelint {

class ConfigIssueRule : public Rule {
 public:
  void check(const Model& m, std::vector<Finding>& out) const override {
    auto cwd = std::filesystem::current_path();
    for (const auto& issue : m.config_issues) {
      if (issue.rule != doc().id) continue;
      auto rel = std::filesystem::path(issue.file).lexically_normal().lexically_relative(cwd).generic_string();
      std::string path = rel.empty() || rel.rfind("..", 0) == 0 ? issue.file : rel;
      out.push_back(make(Location{path, issue.line, issue.col, 0}, issue.message, issue.message));
    }
  }
};

}  // namespace pipelint

#include "rules/engine/engine.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <tbb/parallel_for.h>

#include "rules/engine/suppression_filter.h"
#include "rules/engine/rule.h"

namespace pipelint {

bool selector_matches(const std::string& selector, const std::string& id) {
  return selector == "ALL" || id.rfind(selector, 0) == 0;
}

std::vector<std::string> unknown_selectors(const std::vector<std::string>& selectors) {
  std::vector<std::string> unknown;
  for (const auto& s : selectors) {
    bool any = std::any_of(all_rules().begin(), all_rules().end(),
                           [&](const Rule* r) { return selector_matches(s, r->doc().id); });
    if (!any) unknown.push_back(s);
  }
  return unknown;
}

namespace {

bool any_matches(const std::vector<std::string>& selectors, const std::string& id) {
  return std::any_of(selectors.begin(), selectors.end(), [&](const auto& s) { return selector_matches(s, id); });
}

// The configuration and config-relative path that govern a finding's location.
struct Governing {
  const Config* config;
  std::string rel;
};

}  // namespace

std::vector<Finding> run_rules(const Model& model, const RuleFilter& filter) {
  const auto& rules = all_rules();
  std::vector<std::vector<Finding>> per_rule(rules.size());
  tbb::parallel_for(size_t(0), rules.size(), [&](size_t i) { rules[i]->check(model, per_rule[i]); });

  std::map<std::string, const FileEntry*> files;
  for (const auto& f : model.files) files[f.display_path] = &f;
  auto governing = [&](const std::string& path) -> Governing {
    auto it = files.find(path);
    if (it != files.end()) return {it->second->config.get(), it->second->config_rel};
    const Config* root = model.root_config.get();
    std::string rel = path;
    if (root && !root->dir.empty()) {
      auto abs = std::filesystem::absolute(path).lexically_normal();
      auto r = abs.lexically_relative(root->dir).generic_string();
      if (!r.empty() && r.rfind("..", 0) != 0) rel = r;
    }
    return {root, rel};
  };

  // Selection and severity for one finding; false when the rule is off there.
  auto admit = [&](Finding& f) {
    Governing g = governing(f.loc.path);
    bool enabled;
    if (!filter.select.empty()) enabled = any_matches(filter.select, f.rule);
    else enabled = g.config ? g.config->rule_enabled(f.rule, g.rel) : true;
    if (!enabled || any_matches(filter.ignore, f.rule)) return false;
    if (g.config) f.severity = g.config->rule_severity(f.rule, f.severity, g.rel);
    return true;
  };

  std::vector<Finding> out;
  for (auto& findings : per_rule) {
    for (auto& f : findings) {
      if (admit(f)) out.push_back(std::move(f));
    }
  }
  for (auto& f : apply_suppressions(model, filter, out))
    if (admit(f)) out.push_back(std::move(f));
  std::sort(out.begin(), out.end(), finding_less);
  return out;
}

}  // namespace pipelint

// Runs the rules over the model and applies the configuration: which rules are
// enabled for each file (select/ignore, per-path overrides, command line) and
// their severities; then the inline suppressions (`pipelint: ignore[...]`) mark
// findings `suppressed` and yield SUP001/SUP002. Findings come back sorted.
#pragma once
#include <string>
#include <vector>

#include "analyzer/model/finding.h"
#include "analyzer/model/model.h"

namespace pipelint {

struct RuleFilter {
  std::vector<std::string> select;  // --select: replaces the configured selection when given
  std::vector<std::string> ignore;  // --ignore: added to the configured ignores
  bool require_reason = false;      // --require-reason: a suppression without a reason is SUP001
  std::string today;                // YYYY-MM-DD for until= dates; "" = $PIPELINT_TODAY, else the local date
};

// "ALL", an exact id, or a prefix ("NS", "NS00").
bool selector_matches(const std::string& selector, const std::string& id);

std::vector<Finding> run_rules(const Model& model, const RuleFilter& filter);

// Command-line/config rule selectors that name no rule (for a usage error).
std::vector<std::string> unknown_selectors(const std::vector<std::string>& selectors);

}  // namespace pipelint

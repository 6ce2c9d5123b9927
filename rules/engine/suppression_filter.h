// Applies `# pipelint: ignore[...]` comments to the findings of a run.
#pragma once
#include <vector>

#include "analyzer/model/finding.h"
#include "analyzer/model/model.h"
#include "rules/engine/engine.h"

namespace pipelint {

// Marks the findings that an active suppression covers and returns SUP001/SUP002
// for the suppression comments themselves (which nothing suppresses).
std::vector<Finding> apply_suppressions(const Model& model, const RuleFilter& filter, std::vector<Finding>& findings);

}  // namespace pipelint

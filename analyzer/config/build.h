// Fills a Config from a resolved (validated and merged) configuration tree.
#pragma once
#include "analyzer/config/config.h"
#include "analyzer/config/config_tree.h"

namespace pipelint::cfg {

// Sets every configuration field of `out` from `tree`; fields the tree lacks keep
// their defaults. path, dir, extends and issues are left to the caller.
void build_config(const Node& tree, Config& out);

}  // namespace pipelint::cfg

// Merging a child pipelint.yaml over its parent (SPEC 3): maps merge key by key,
// lists and scalars replace, team and rule-option entries replace as a whole,
// and keys locked by an ancestor keep the ancestor's value (CFG001).
#pragma once
#include <string>
#include <vector>

#include "analyzer/config/config.h"
#include "analyzer/config/config_tree.h"

namespace pipelint::cfg {

struct Lock {
  std::vector<std::string> path;  // {"rules", "severity", "OWN001"}
  std::string text;               // "rules.severity.OWN001", as written
  std::string file;               // the file whose `locked` list holds it
};

// The built-in defaults as a tree (the base of every chain).
Node default_tree();

// `parent` is the resolved tree of the parent (or default_tree()), `child` the
// validated tree of one file. Each change of a locked key becomes a CFG001 issue
// at the child's innermost overriding key; the parent's value stays. `extends`
// is the child's own; `locked` is the union of both.
Node merge_configs(const Node& parent, const Node& child, const std::vector<Lock>& locks,
                   const std::string& child_file, std::vector<ConfigIssue>& issues);

}  // namespace pipelint::cfg

// Checks a parsed pipelint.yaml against the schema. Everything that passes
// becomes a cfg::Node tree; every problem becomes a CFG002 issue, and the value
// it concerns is left out (so the parent's or the default value stays in force).
#pragma once
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "analyzer/config/config.h"
#include "analyzer/config/config_tree.h"

namespace pipelint::cfg {

// `doc` is the whole document (Null for an empty file). Always returns a Map.
Node validate_document(const YAML::Node& doc, const std::string& file, std::vector<ConfigIssue>& issues);

}  // namespace pipelint::cfg

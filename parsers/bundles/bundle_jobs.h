// Jobs, tasks, dependencies and clusters of one bundle YAML document.
#pragma once
#include <map>
#include <string>

#include <yaml-cpp/yaml.h>

#include "parsers/common/records.h"

namespace pipelint::bundles {

using Vars = std::map<std::string, std::string>;          // "var.x", "bundle.target" -> value
using Pipelines = std::map<std::string, NameTemplate>;    // pipeline key -> its first library path

// ${var.x} and ${bundle.*} substituted; others (${workspace.file_path}) dropped
// with the slash after them; unknown variables stay holes.
NameTemplate substitute(const std::string& text, const Vars& vars);

void collect_pipelines(const YAML::Node& doc, const Vars& vars, Pipelines& out);
void extract_jobs(const YAML::Node& doc, const Vars& vars, const Pipelines& pipelines, Orchestration& out);

}  // namespace pipelint::bundles

// Databricks Asset Bundles (SPEC 2.5): databricks.yml and its include: files.
// Jobs become DagRecords (dag_id = the job's name, else its key), tasks
// TaskRecords (notebook_task, spark_python_task, sql_task file, pipeline_task,
// ...), depends_on EdgeRecords, job/task clusters ClusterRecords. ${var.x}
// takes the default target's override, else the variable's default.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/common/records.h"

namespace pipelint::bundles {

bool is_bundle_root(std::string_view file_name);  // databricks.yml / databricks.yaml

struct BundleFile {
  std::string abs_path;
  FileRecords records;
};

// Reads a file (nullopt when it cannot be read).
using Reader = std::function<std::optional<std::string>(const std::string& abs_path)>;
// Files matching an include glob, relative to the bundle root folder (absolute paths).
using Expander = std::function<std::vector<std::string>(const std::string& pattern)>;

// One entry per file of the bundle, the root first. Never throws: broken YAML
// becomes a SYN001 diagnostic of that file.
std::vector<BundleFile> parse_bundle(const std::string& root_abs, const Reader& read, const Expander& expand);

}  // namespace pipelint::bundles

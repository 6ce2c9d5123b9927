// The driver's orchestration steps: team pipeline YAML configs, Databricks
// Asset Bundles (databricks.yml and its includes) and default_args imported
// by DAG files from other modules of their repository.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/config/config.h"
#include "parsers/common/records.h"
#include "parsers/python/python_extractor.h"

namespace pipelint {

// A YAML file matched by the config's `pipelines.yaml[].files`: fills `out`
// and returns true. A databricks.yml also returns true (filled by attach_bundles).
bool analyze_pipeline_yaml(const std::string& abs_path, std::string_view bytes, const Config& config,
                           FileRecords& out);

struct BundleSlot {
  std::string abs_path;
  FileRecords* records;
  bool* kept;
};
using FileText = std::function<std::optional<std::string>(const std::string& abs_path)>;

// Parses every databricks.yml among `yaml` with its include: files (taken
// from `yaml`) and puts each file's records in its slot.
void attach_bundles(std::vector<BundleSlot>& yaml, const FileText& read);

// default_args imported from another module of the repository at `root`.
void link_dag_default_args(const std::vector<py::FileAnalysis*>& parsed, const std::string& root);

}  // namespace pipelint

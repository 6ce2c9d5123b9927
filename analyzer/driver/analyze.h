// The driver: files → parsers (in parallel) → per-repository linking → model.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"
#include "analyzer/output/report.h"

namespace pipelint {

struct AnalyzeOptions {
  std::vector<std::string> paths;
  std::vector<std::string> excludes;
  std::string config_path;   // --config: replaces discovery
  int jobs = 0;              // 0 = all cores
  std::string cwd;           // absolute
  // An editor buffer: analysed under this path instead of the file on disk.
  std::optional<std::string> stdin_path;
  std::string stdin_content;
  // check --index: the platform index whose other repositories join the model.
  std::string index_path;
};

struct Analysis {
  Model model;
  std::vector<FileFailure> failures;  // files and folders that could not be read
  std::string error;                  // fatal usage/configuration error (exit 2), else ""
};

Analysis analyze_paths(const AnalyzeOptions& opts);

// Repository root of a file: the nearest folder holding .git or pipelint.yaml.
std::string repository_root(const std::string& abs_file_dir, const std::string& fallback);

}  // namespace pipelint

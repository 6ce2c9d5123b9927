// The driver: files → parsers (in parallel) → per-repository linking → model.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"
#include "analyzer/output/report.h"

namespace pipelint {

// How far the parse has come; handed to AnalyzeOptions::progress from the
// parser threads (concurrently: the callback must be thread-safe and cheap).
struct AnalyzeProgress {
  size_t files_done = 0, files_total = 0;
  size_t repos_done = 0, repos_total = 0;  // repositories whose files are all parsed
};

// Wall time of the driver's phases, in milliseconds.
struct PhaseTimes {
  double discovery = 0;  // walking the folders, configuration, repository roots
  double parse = 0;      // reading and parsing every file (parallel)
  double link = 0;       // imports, helpers, %run, bundles (per repository)
  double model = 0;      // merging, resolution, orchestration, ownership
};

// A repository the audit left out, with the one-line reason.
struct RepositoryFailure {
  std::string path;     // display path of the repository folder
  std::string message;  // "pipelint.yaml:3:1: invalid YAML: ..."
};

struct AnalyzeOptions {
  std::vector<std::string> paths;
  std::vector<std::string> excludes;
  std::string config_path;   // --config: replaces discovery (unless platform_config)
  // audit: every path is a repository. config_path is the platform configuration:
  // it applies where discovery inside the repository finds no pipelint.yaml.
  // A repository whose configuration is broken (unreadable, invalid YAML, broken
  // `extends`) or whose files fail to link is left out and reported.
  bool audit = false;
  int jobs = 0;              // 0 = all cores
  std::string cwd;           // absolute
  // An editor buffer: analysed under this path instead of the file on disk.
  std::optional<std::string> stdin_path;
  std::string stdin_content;
  // check --index: the platform index whose other repositories join the model.
  std::string index_path;
  std::function<void(const AnalyzeProgress&)> progress;  // optional
};

struct Analysis {
  Model model;
  std::vector<FileFailure> failures;  // files and folders that could not be read
  std::string error;                  // fatal usage/configuration error (exit 2), else ""
  std::vector<RepositoryFailure> failed_repositories;  // audit only; sorted by path
  size_t repositories = 0;            // repository roots met (audit: analysed ones)
  PhaseTimes times;
};

Analysis analyze_paths(const AnalyzeOptions& opts);

// Repository root of a file: the nearest folder holding .git or pipelint.yaml.
std::string repository_root(const std::string& abs_file_dir, const std::string& fallback);

}  // namespace pipelint

// Options shared by the subcommands that analyse paths.
#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "analyzer/driver/analyze.h"

namespace pipelint::cli {

struct PathOptions {
  std::vector<std::string> paths;
  std::vector<std::string> excludes;
  std::string config;
  int jobs = 0;
  std::string output;
  std::string stdin_filename;
  bool quiet = false;
  std::string index_path;  // check --index FILE
  std::string stdin_content;  // filled by run_analysis when --stdin-filename is given
};

void add_path_options(CLI::App& cmd, PathOptions& o);

// Runs the driver; on a fatal error prints it and returns false.
bool run_analysis(PathOptions& o, Analysis& out);

// Opens -o FILE (or stdout); prints an error and returns nullptr on failure.
std::ostream* open_output(const std::string& path, std::ofstream& file);

// Prints the one-line notes for files and folders that could not be read.
void print_failures(const std::vector<FileFailure>& failures, bool quiet);

// Splits "A,B" items of repeatable comma-separated options.
std::vector<std::string> split_list(const std::vector<std::string>& items);

}  // namespace pipelint::cli

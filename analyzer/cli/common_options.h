// Options shared by the subcommands that analyse paths.
#pragma once
#include <functional>
#include <ostream>
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
  std::string diff_base;       // check --diff-base REF: contracts are compared with their version at REF
  std::string contracts_base;  // check --contracts-base DIR: ... with the contracts under DIR
  std::string stdin_content;  // filled by run_analysis when --stdin-filename is given
};

void add_path_options(CLI::App& cmd, PathOptions& o);

// Runs the driver; on a fatal error prints it and returns false. With a
// diff_base or contracts_base, also loads the contract base into the model.
bool run_analysis(PathOptions& o, Analysis& out);

// Adds --diff-base and --contracts-base (commands that report contract changes).
void add_contract_base_options(CLI::App& cmd, PathOptions& o);

// The shape of every command that prints one document about the model: runs the
// analysis, prints the notes about unreadable files, and hands the model to
// `write` with the -o output (stdout by default). Exit code 0, or 2 on an analysis
// error or an output that cannot be written (with a one-line reason).
int write_model_document(PathOptions& o, const std::function<void(const Model&, std::ostream&)>& write);

// Opens -o FILE (or stdout); prints an error and returns nullptr on failure.
std::ostream* open_output(const std::string& path, std::ofstream& file);

// Prints the one-line notes for files and folders that could not be read.
void print_failures(const std::vector<FileFailure>& failures, bool quiet);

// Splits "A,B" items of repeatable comma-separated options.
std::vector<std::string> split_list(const std::vector<std::string>& items);

}  // namespace pipelint::cli

#include "analyzer/cli/common_options.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "analyzer/driver/contract_base.h"

namespace pipelint::cli {

void add_path_options(CLI::App& cmd, PathOptions& o) {
  cmd.add_option("paths", o.paths, "files or folders to analyse (default: .)");
  cmd.add_option("--config", o.config, "use this pipelint.yaml instead of discovering one per file");
  cmd.add_option("--exclude", o.excludes, "glob of files or folders to skip (repeatable)");
  cmd.add_option("-j,--jobs", o.jobs, "parser threads (default: all cores)")->check(CLI::NonNegativeNumber);
  cmd.add_option("-o,--output", o.output, "write the report to this file instead of stdout");
  cmd.add_option("--stdin-filename", o.stdin_filename,
                 "read the content of this file from standard input (editor buffers)");
  cmd.add_flag("-q,--quiet", o.quiet, "print no notes about skipped files");
}

bool run_analysis(PathOptions& o, Analysis& out) {
  AnalyzeOptions opts;
  opts.paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  opts.excludes = o.excludes;
  opts.config_path = o.config;
  opts.jobs = o.jobs;
  opts.index_path = o.index_path;
  opts.cwd = std::filesystem::current_path().string();
  if (!o.stdin_filename.empty()) {
    opts.stdin_path = o.stdin_filename;
    o.stdin_content.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    opts.stdin_content = o.stdin_content;
    if (o.paths.empty()) opts.paths = {o.stdin_filename};
  }
  out = analyze_paths(opts);
  if (out.error.empty() && (!o.diff_base.empty() || !o.contracts_base.empty()))
    out.error = load_contract_base({o.diff_base, o.contracts_base, opts.paths, opts.cwd}, out.model);
  if (!out.error.empty()) {
    std::cerr << "pipelint: error: " << out.error << '\n';
    return false;
  }
  return true;
}

void add_contract_base_options(CLI::App& cmd, PathOptions& o) {
  auto* ref = cmd.add_option("--diff-base", o.diff_base,
                             "git revision to compare with: report only findings not present there, plus contract changes against it (CTR002, CTR003)");
  auto* dir = cmd.add_option("--contracts-base", o.contracts_base,
                             "folder holding the earlier version of the contracts (CTR002, CTR003)");
  ref->excludes(dir);
  dir->excludes(ref);
}

std::ostream* open_output(const std::string& path, std::ofstream& file) {
  if (path.empty() || path == "-") return &std::cout;
  file.open(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << "pipelint: error: cannot write " << path << '\n';
    return nullptr;
  }
  return &file;
}

int write_model_document(PathOptions& o, const std::function<void(const Model&, std::ostream&)>& write) {
  Analysis analysis;
  if (!run_analysis(o, analysis)) return 2;
  print_failures(analysis.failures, o.quiet);
  std::ofstream file;
  std::ostream* out = open_output(o.output, file);
  if (!out) return 2;
  write(analysis.model, *out);
  out->flush();
  if (!*out) {
    std::cerr << "pipelint: error: cannot write " << (o.output.empty() ? "the output" : o.output) << '\n';
    return 2;
  }
  return 0;
}

void print_failures(const std::vector<FileFailure>& failures, bool quiet) {
  if (quiet) return;
  for (const auto& f : failures) std::cerr << "pipelint: note: " << f.path << ": " << f.message << '\n';
}

std::vector<std::string> split_list(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    size_t start = 0;
    while (start <= item.size()) {
      size_t comma = item.find(',', start);
      if (comma == std::string::npos) comma = item.size();
      std::string part = item.substr(start, comma - start);
      while (!part.empty() && part.back() == ' ') part.pop_back();
      while (!part.empty() && part.front() == ' ') part.erase(0, 1);
      if (!part.empty()) out.push_back(part);
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace pipelint::cli

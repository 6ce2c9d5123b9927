// pipelint index PATHS: write the platform index that `check --index` reads.
#include <fstream>
#include <iostream>
#include <memory>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/driver/index_io.h"

namespace pipelint::cli {
namespace {

int run_index(PathOptions& o) {
  Analysis analysis;
  if (!run_analysis(o, analysis)) return 2;
  print_failures(analysis.failures, o.quiet);
  std::ofstream file;
  std::ostream* out = open_output(o.output, file);
  if (!out) return 2;
  *out << write_index(analysis.model, PIPELINT_VERSION);
  out->flush();
  return *out ? 0 : 2;
}

}  // namespace

Command add_index_command(CLI::App& app) {
  auto o = std::make_shared<PathOptions>();
  auto* cmd = app.add_subcommand("index", "write the platform index that `check --index` reads (docs/index.md)");
  add_path_options(*cmd, *o);
  return {cmd, [o] { return run_index(*o); }};
}

}  // namespace pipelint::cli

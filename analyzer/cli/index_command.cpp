// pipelint index PATHS: write the platform index that `check --index` reads.
#include <memory>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/driver/index_io.h"

namespace pipelint::cli {
namespace {

int run_index(PathOptions& o) {
  return write_model_document(o, [](const Model& m, std::ostream& out) { out << write_index(m, PIPELINT_VERSION); });
}

}  // namespace

Command add_index_command(CLI::App& app) {
  auto o = std::make_shared<PathOptions>();
  auto* cmd = app.add_subcommand("index", "write the platform index that `check --index` reads (docs/index.md)");
  add_path_options(*cmd, *o);
  return {cmd, [o] { return run_index(*o); }};
}

}  // namespace pipelint::cli

// pipelint catalog PATHS [--format md|json|html] [-o FILE] [--config F] [--index FILE]
#include <memory>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/output/catalog.h"

namespace pipelint::cli {

Command add_catalog_command(CLI::App& app) {
  struct Options {
    PathOptions paths;
    std::string format = "md";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("catalog", "print the platform catalog: every table with owner, layer, "
                                            "producers, consumers, contract and SLA");
  add_path_options(*cmd, o->paths);
  cmd->add_option("-f,--format", o->format, "md (default), json or html (one self-contained, searchable page)")
      ->check(CLI::IsMember({"md", "json", "html"}));
  cmd->add_option("--index", o->paths.index_path,
                  "platform index (pipelint index): include the other repositories in it");
  return {cmd, [o] {
    return write_model_document(o->paths, [&](const Model& m, std::ostream& out) {
      if (o->format == "json") write_catalog_json(m, out);
      else if (o->format == "html") write_catalog_html(m, out);
      else write_catalog_markdown(m, out);
    });
  }};
}

}  // namespace pipelint::cli

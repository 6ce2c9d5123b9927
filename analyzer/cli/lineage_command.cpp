// pipelint lineage PATHS: every extracted table access.
#include <memory>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/output/lineage.h"

namespace pipelint::cli {

Command add_lineage_command(CLI::App& app) {
  struct Options {
    PathOptions paths;
    std::string format = "jsonl";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("lineage", "print every table read and write found in the files");
  add_path_options(*cmd, o->paths);
  cmd->add_option("-f,--format", o->format, "jsonl (default), json or text")
      ->check(CLI::IsMember({"jsonl", "json", "text"}));
  return {cmd, [o] {
    return write_model_document(o->paths, [&](const Model& m, std::ostream& out) {
      if (o->format == "json") write_lineage_json(m, out);
      else if (o->format == "text") write_lineage_text(m, out);
      else write_lineage_jsonl(m, out);
    });
  }};
}

}  // namespace pipelint::cli

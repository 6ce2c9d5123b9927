// pipelint lineage PATHS: every extracted table access.
#include <fstream>
#include <iostream>
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
    Analysis analysis;
    if (!run_analysis(o->paths, analysis)) return 2;
    print_failures(analysis.failures, o->paths.quiet);
    std::ofstream file;
    std::ostream* out = open_output(o->paths.output, file);
    if (!out) return 2;
    if (o->format == "json") write_lineage_json(analysis.model, *out);
    else if (o->format == "text") write_lineage_text(analysis.model, *out);
    else write_lineage_jsonl(analysis.model, *out);
    out->flush();
    return 0;
  }};
}

}  // namespace pipelint::cli

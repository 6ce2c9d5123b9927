// pipelint impact TABLE [PATHS]: who breaks if this table changes.
#include <fstream>
#include <iostream>
#include <memory>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/output/graph_writers.h"

namespace pipelint::cli {

Command add_impact_command(CLI::App& app) {
  struct Options {
    std::string table;
    PathOptions paths;
    std::string format = "text";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("impact", "list every pipeline, table and team downstream of a table");
  cmd->add_option("table", o->table, "the table (resolved name, as `pipelint lineage` prints it)")->required();
  add_path_options(*cmd, o->paths);
  cmd->add_option("-f,--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  return {cmd, [o] {
    Analysis analysis;
    if (!run_analysis(o->paths, analysis)) return 2;
    print_failures(analysis.failures, o->paths.quiet);
    const Model& m = analysis.model;
    const PlatformGraph& g = platform_graph(m);
    auto table = g.find_table(o->table);
    if (!table) {
      std::cerr << "pipelint: error: table `" << o->table << "` is not read or written in the analysed files\n";
      return 2;
    }
    Reach reach = reach_from(g, *table, Direction::Downstream);
    std::ofstream file;
    std::ostream* out = open_output(o->paths.output, file);
    if (!out) return 2;
    if (o->format == "json") write_impact_json(m, g, reach, *out);
    else write_impact_text(m, g, reach, *out);
    out->flush();
    return 0;
  }};
}

}  // namespace pipelint::cli

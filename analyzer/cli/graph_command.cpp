// pipelint graph PATHS [--upstream|--downstream TABLE] [--depth N] --format mermaid|dot|json
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/model/graph/cycles.h"
#include "analyzer/output/graph_writers.h"
#include "rules/engine/rule.h"

namespace pipelint::cli {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// --stats: the graph phase against the analysis (discovery, parsing, model), on stderr.
void print_stats(const Model& m, const PlatformGraph& g, double analysis_ms, double graph_ms) {
  auto t = Clock::now();
  size_t cycles = find_table_cycles(g).size();
  double cycles_ms = ms_since(t);
  t = Clock::now();
  size_t findings = 0;
  for (const Rule* rule : all_rules()) {
    if (rule->doc().id.rfind("DEP", 0) != 0) continue;
    std::vector<Finding> out;
    rule->check(m, out);
    findings += out.size();
  }
  double rules_ms = ms_since(t);
  std::cerr << "pipelint: stats: " << m.files.size() << " files, " << m.accesses.size() << " accesses, "
            << g.tables.size() << " tables, " << g.pipelines.size() << " pipelines, " << g.edges.size() << " edges, "
            << cycles << " cycles, " << findings << " DEP findings\n"
            << "pipelint: stats: analysis " << analysis_ms << " ms, graph build " << graph_ms << " ms, cycle search "
            << cycles_ms << " ms, DEP rules (incl. cycles) " << rules_ms << " ms, graph phase "
            << graph_ms + rules_ms << " ms = " << (analysis_ms > 0 ? 100.0 * (graph_ms + rules_ms) / analysis_ms : 0)
            << "% of the analysis\n";
}

}  // namespace

Command add_graph_command(CLI::App& app) {
  struct Options {
    PathOptions paths;
    std::string format = "mermaid";
    std::string upstream, downstream;
    uint32_t depth = 0;
    bool stats = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("graph", "print the platform lineage graph (tables, pipelines, teams)");
  add_path_options(*cmd, o->paths);
  cmd->add_option("-f,--format", o->format, "mermaid (default), dot or json")
      ->check(CLI::IsMember({"mermaid", "dot", "json"}));
  auto* up = cmd->add_option("--upstream", o->upstream, "only what TABLE is built from");
  auto* down = cmd->add_option("--downstream", o->downstream, "only what is built from TABLE");
  up->excludes(down);
  cmd->add_option("--depth", o->depth, "with --upstream/--downstream: pipeline steps to follow (default: all)");
  cmd->add_flag("--stats", o->stats, "print sizes and the graph phase's time against the analysis on stderr");
  return {cmd, [o] {
    auto started = Clock::now();
    Analysis analysis;
    if (!run_analysis(o->paths, analysis)) return 2;
    double analysis_ms = ms_since(started);
    print_failures(analysis.failures, o->paths.quiet);
    const Model& m = analysis.model;
    auto t = Clock::now();
    const PlatformGraph& g = platform_graph(m);
    double graph_ms = ms_since(t);

    std::optional<GraphFocus> focus;
    GraphView view;
    if (!o->upstream.empty() || !o->downstream.empty()) {
      GraphFocus f{o->upstream.empty() ? o->downstream : o->upstream,
                   o->upstream.empty() ? Direction::Downstream : Direction::Upstream, o->depth};
      auto table = g.find_table(f.table);
      if (!table) {
        std::cerr << "pipelint: error: table `" << f.table << "` is not read or written in the analysed files\n";
        return 2;
      }
      view = reach_view(m, g, reach_from(g, *table, f.direction, f.depth));
      focus = f;
    } else {
      view = whole_graph(m, g);
    }
    std::ofstream file;
    std::ostream* out = open_output(o->paths.output, file);
    if (!out) return 2;
    if (o->format == "dot") write_graph_dot(m, g, view, *out);
    else if (o->format == "json") write_graph_json(m, g, view, focus, *out);
    else write_graph_mermaid(m, g, view, *out);
    out->flush();
    if (o->stats) print_stats(m, g, analysis_ms, graph_ms);
    return 0;
  }};
}

}  // namespace pipelint::cli

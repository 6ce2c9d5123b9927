// DEP001: a cycle in the table dependency graph.
#include <set>

#include "analyzer/model/graph/cycles.h"
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class DEP001 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP001", "table-dependency-cycle", "dependencies", Severity::Error,
        "Cycle in the table dependency graph",
        "Joins every analysed pipeline (one file) into the table graph — a pipeline that reads `A` "
        "and writes `B` makes `A → B` — and reports each strongly connected set of tables once, at "
        "the write that closes the cycle into its alphabetically first table. The message prints one "
        "shortest cycle; every read and write inside the set is a related location, and the cycle's "
        "steps are a SARIF code flow. A pipeline that reads the table it merges, overwrites or "
        "appends to (an incremental self-read) is not a cycle, nor is a loop closed inside one file. "
        "Names with unresolved parts and external tables never close a cycle.",
        "In a cycle no table can be rebuilt from fresh inputs: each run reads what the other "
        "pipeline wrote the day before, errors circulate for ever, a backfill never converges, and "
        "no scheduler can order the jobs. Across teams it usually appears silently, when one team "
        "starts reading a table that is itself built from its own output.",
        "# de-metering-pipelines/jobs/grid_loss.py\n"
        "spark.table(\"prod_eu.gold_forecast.demand_hourly\")          # reads the ML forecast\n"
        "df.write.saveAsTable(\"prod_de.gold_grid.feeder_losses\")\n\n"
        "# ml-demand-forecasting/features/build_features.py\n"
        "spark.table(\"prod_de.gold_grid.feeder_losses\")               # ... which is built from this\n"
        "features.writeTo(\"prod_eu.gold_forecast.demand_hourly\").append()",
        "# build the losses from the forecast's inputs, not from its output:\n"
        "spark.table(\"prod_eu.silver_features.demand_hourly\")\n"
        "df.write.saveAsTable(\"prod_de.gold_grid.feeder_losses\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    for (const TableCycle& cycle : find_table_cycles(g)) {
      if (cycle.steps.empty()) continue;
      std::string chain, subject;
      for (const CycleStep& s : cycle.steps) chain += "`" + g.tables[g.edges[s.read_edge].table].name + "` → ";
      chain += "`" + g.tables[g.edges[cycle.steps.front().read_edge].table].name + "`";
      for (uint32_t t : cycle.members) subject += (subject.empty() ? "" : ",") + g.tables[t].name;

      std::set<std::string> teams;
      std::vector<std::string> pipelines;
      for (uint32_t p : cycle.pipelines) {
        pipelines.push_back(pipeline_path(m, g, p));
        if (!g.pipelines[p].team.empty()) teams.insert(g.pipelines[p].team);
      }
      std::string who = std::to_string(cycle.pipelines.size()) + " pipelines";
      if (teams.size() > 1) who += " of " + std::to_string(teams.size()) + " teams (" + join_limited({teams.begin(), teams.end()}, 6) + ")";
      std::string size = cycle.members.size() > cycle.steps.size()
                             ? " (" + std::to_string(cycle.members.size()) + " tables are mutually dependent)"
                             : "";
      const CycleStep& closing = cycle.steps.back();
      Finding f = make(edge_location(m, g, g.edges[closing.write_edge]),
                       "dependency cycle " + chain + size + " through " + who +
                           ": none of these tables can be rebuilt from fresh inputs and no scheduler can order the jobs",
                       subject);

      std::set<uint32_t> on_cycle;
      for (const CycleStep& s : cycle.steps) {
        const GraphEdge& r = g.edges[s.read_edge];
        const GraphEdge& w = g.edges[s.write_edge];
        on_cycle.insert(s.read_edge);
        on_cycle.insert(s.write_edge);
        Location rl = edge_location(m, g, r), wl = edge_location(m, g, w);
        f.flow.push_back(rl);
        f.flow.push_back(wl);
        f.related.push_back({rl, pipeline_path(m, g, r.pipeline) + " reads `" + g.tables[r.table].name + "`"});
        f.related.push_back({wl, pipeline_path(m, g, w.pipeline) + " writes `" + g.tables[w.table].name + "`"});
      }
      for (uint32_t e : cycle.edges) {
        if (on_cycle.count(e)) continue;
        const GraphEdge& edge = g.edges[e];
        f.related.push_back({edge_location(m, g, edge), pipeline_path(m, g, edge.pipeline) +
                                                            (edge.op == Op::Read ? " reads `" : " writes `") +
                                                            g.tables[edge.table].name + "` (same cycle)"});
      }
      out.push_back(std::move(f));
    }
  }
};

PIPELINT_RULE(DEP001)

}  // namespace
}  // namespace pipelint

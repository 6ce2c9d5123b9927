// DEP003: a table with more than one writing pipeline.
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

bool producing_edge(const Model& m, const GraphEdge& e) {
  for (uint32_t ai : e.accesses)
    if (is_producing_mode(m.accesses[ai].rec(m).mode)) return true;
  return false;
}

class DEP003 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP003", "second-writer", "dependencies", Severity::Error,
        "A table written by more than one pipeline",
        "Counts, for every table, the pipelines (files, not accesses) that write data into it: "
        "append, overwrite, merge, replace, update, the default `errorifexists` and declarative "
        "`@dlt.table`. `CREATE TABLE` (also `IF NOT EXISTS`) is schema set-up and `DELETE`, "
        "`TRUNCATE` and `DROP` are maintenance: they do not make a writer. Each writer is reported "
        "at its first write, with the other writers as related locations, so every repository "
        "involved sees the finding. Names with unresolved parts and external tables are skipped.",
        "Two pipelines writing one table race: the later run overwrites or duplicates the other's "
        "rows, nobody owns the table's correctness, and a schema change by one breaks the other. "
        "Between teams it is how a Silver table gets silently corrupted.",
        "# jobs/silver_readings.py\n"
        "readings.merge(updates, \"t.meter_id = s.meter_id\")  # prod_de.silver_metering.readings\n"
        "# jobs/backfill_readings.py, another pipeline\n"
        "old.write.mode(\"append\").saveAsTable(\"prod_de.silver_metering.readings\")",
        "# one pipeline writes the table; the backfill feeds its input instead\n"
        "old.write.mode(\"append\").saveAsTable(\"prod_de.bronze_metering.readings_backfill\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    std::vector<uint32_t> writers;
    for (const GraphTable& t : g.tables) {
      if (t.unresolved || t.external || t.writes.size() < 2) continue;
      writers.clear();
      for (uint32_t e : t.writes)
        if (producing_edge(m, g.edges[e])) writers.push_back(e);
      if (writers.size() < 2) continue;
      for (uint32_t e : writers) {
        std::vector<std::string> others;
        for (uint32_t o : writers)
          if (o != e) others.push_back(pipeline_label(m, g, g.edges[o].pipeline));
        Finding f = make(first_access_where(m, g.edges[e], is_producing_mode),
                         "`" + t.name + "` is also written by " + join_limited(others) +
                             ": two writing pipelines race, overwrite or duplicate each other's rows, "
                             "and neither owns the table's content",
                         t.name);
        for (uint32_t o : writers)
          if (o != e)
            f.related.push_back({first_access_where(m, g.edges[o], is_producing_mode),
                                 "also written by " + pipeline_label(m, g, g.edges[o].pipeline)});
        out.push_back(std::move(f));
      }
    }
  }
};

PIPELINT_RULE(DEP003)

}  // namespace
}  // namespace pipelint

// DEP007: a destructive write of a table that other pipelines read.
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class DEP007 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP007", "destructive-write-of-shared-table", "dependencies", Severity::Warning,
        "Destructive write of a table that other pipelines read",
        "Reports each pipeline's first destructive write of a table — `overwrite` (also with "
        "`replaceWhere`, `overwritePartitions`, `INSERT OVERWRITE`, `insertInto(..., "
        "overwrite=True)`), `replace` (`CREATE OR REPLACE`, `createOrReplace`), `TRUNCATE`, `DROP` — "
        "when other pipelines read that table, and lists each of them as a related location. "
        "`CREATE TABLE IF NOT EXISTS`, appends, merges and deletes are not destructive. A "
        "pipeline's own reads of the table (incremental self-reads) do not count.",
        "A destructive write empties the table before (or while) it refills it: a reader running "
        "at the same time sees no rows or half of them, a failed run leaves it empty, and a "
        "`CREATE OR REPLACE` drops the columns and grants consumers rely on.",
        "invoices.writeTo(\"prod_de.gold_billing.invoices\").overwritePartitions()  "
        "# analytics reads it at any time",
        "(DeltaTable.forName(spark, \"prod_de.gold_billing.invoices\").alias(\"t\")\n"
        "    .merge(invoices.alias(\"s\"), \"t.invoice_id = s.invoice_id\")\n"
        "    .whenMatchedUpdateAll().whenNotMatchedInsertAll().execute())"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    for (const GraphTable& t : g.tables) {
      if (t.unresolved || t.external || t.reads.empty()) continue;
      for (uint32_t w : t.writes) {
        const GraphEdge& write = g.edges[w];
        const std::string* mode = destructive_mode(m, write);
        if (!mode) continue;
        std::vector<uint32_t> readers;
        for (uint32_t r : t.reads)
          if (g.edges[r].pipeline != write.pipeline) readers.push_back(r);
        if (readers.empty()) continue;
        std::vector<std::string> names;
        for (uint32_t r : readers) names.push_back(pipeline_label(m, g, g.edges[r].pipeline));
        Finding f = make(first_access_where(m, write, is_destructive_mode),
                         "destructive " + *mode + " of `" + t.name + "`, which " + std::to_string(readers.size()) +
                             " other pipeline" + (readers.size() == 1 ? "" : "s") + " read (" + join_limited(names) +
                             "): while it runs, or after it fails, they read an empty or partial table",
                         t.name);
        for (uint32_t r : readers)
          f.related.push_back({edge_location(m, g, g.edges[r]), "read by " + pipeline_label(m, g, g.edges[r].pipeline)});
        out.push_back(std::move(f));
      }
    }
  }

 private:
  static const std::string* destructive_mode(const Model& m, const GraphEdge& e) {
    for (uint32_t ai : e.accesses) {
      const std::string& mode = m.accesses[ai].rec(m).mode;
      if (is_destructive_mode(mode)) return &mode;
    }
    return nullptr;
  }
};

PIPELINT_RULE(DEP007)

}  // namespace
}  // namespace pipelint

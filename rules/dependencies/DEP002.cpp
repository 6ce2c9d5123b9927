// DEP002: layer inversion — a pipeline reads a later layer than any it writes.
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class DEP002 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP002", "layer-inversion", "dependencies", Severity::Error,
        "A pipeline reads a later layer than any layer it writes",
        "Takes each table's layer from the `layer` named group of the namespace pattern it matches "
        "(for a name with unresolved parts, from the one layer that starts a known part, as in "
        "`{catalog}.silver_billing.readings`) and orders layers by `namespace.layers`. A pipeline "
        "(one file) whose reads include a layer later than every layer it writes is reported at "
        "that read, with its latest-layer write as the related location. A file that builds "
        "several layers in a row (bronze, then silver from it, then gold) is judged by the latest "
        "layer it writes, because pipelint cannot tell which read feeds which write. External "
        "tables are not checked.",
        "`namespace.layers` says data flows left to right (bronze → silver → gold). Silver built "
        "from gold makes the layers a loop in disguise: cleaned data depends on reports that "
        "depend on it, a gold change silently alters silver for every other consumer, and "
        "rebuilding the platform from bronze no longer reproduces it.",
        "gold = spark.table(\"prod_de.gold_billing.invoices\")\n"
        "gold.write.mode(\"append\").saveAsTable(\"prod_de.silver_billing.invoice_lines\")",
        "lines = spark.table(\"prod_de.bronze_billing.sap_invoice_lines\")\n"
        "lines.write.mode(\"append\").saveAsTable(\"prod_de.silver_billing.invoice_lines\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    for (uint32_t p = 0; p < g.pipelines.size(); ++p) {
      const GraphPipeline& pipe = g.pipelines[p];
      uint32_t highest_write = kNoIndex;
      for (uint32_t e : pipe.writes) {
        const GraphTable& t = g.tables[g.edges[e].table];
        if (t.external || t.layer < 0) continue;
        if (highest_write == kNoIndex || t.layer > g.tables[g.edges[highest_write].table].layer) highest_write = e;
      }
      if (highest_write == kNoIndex) continue;
      const GraphTable& written = g.tables[g.edges[highest_write].table];
      for (uint32_t e : pipe.reads) {
        const GraphTable& read = g.tables[g.edges[e].table];
        if (read.external || read.layer <= written.layer) continue;
        Finding f = make(edge_location(m, g, g.edges[e]),
                         "layer inversion: this pipeline writes " + written.layer_name + " `" + written.name +
                             "` but reads " + read.layer_name + " `" + read.name + "`, a later layer: data must flow " +
                             "through the layers in order, so " + written.layer_name + " may not depend on " +
                             read.layer_name,
                         read.name + " -> " + written.name);
        f.related.push_back({edge_location(m, g, g.edges[highest_write]),
                             "writes " + written.layer_name + " `" + written.name + "` here"});
        out.push_back(std::move(f));
      }
    }
  }
};

PIPELINT_RULE(DEP002)

}  // namespace
}  // namespace pipelint

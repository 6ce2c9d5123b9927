// DEP011: layer skip — a last-layer table built directly from the first layer.
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class DEP011 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP011", "layer-skip", "dependencies", Severity::Warning,
        "A last-layer table built directly from the first layer",
        "With three or more `namespace.layers`, reports a pipeline's write of a table of the last "
        "layer (gold) when the same pipeline reads a table of the first layer (bronze) and none of "
        "a middle layer; the bronze reads are related locations. A file that also reads silver "
        "(often one it builds itself from the bronze it reads) may build gold from that and is "
        "not reported: pipelint cannot tell which read feeds which write. Layers come from the `layer` named group of the namespace "
        "pattern, as for DEP002. External tables are not checked.",
        "The middle layer is where raw data is deduplicated, validated and conformed once for "
        "every consumer. A gold table built straight from bronze repeats (or forgets) that "
        "cleaning, disagrees with the gold tables built from silver, and escapes the data-quality "
        "checks that guard silver.",
        "raw = spark.table(\"prod_fr.bronze_metering.linky_raw\")\n"
        "raw.groupBy(\"prm\").sum(\"kwh\").write.saveAsTable(\"prod_fr.gold_metering.monthly_kwh\")",
        "index = spark.table(\"prod_fr.silver_metering.linky_index\")\n"
        "index.groupBy(\"prm\").sum(\"kwh\").write.saveAsTable(\"prod_fr.gold_metering.monthly_kwh\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    for (uint32_t p = 0; p < g.pipelines.size(); ++p) {
      const GraphPipeline& pipe = g.pipelines[p];
      const FileEntry& file = m.files[pipe.file];
      if (!file.config || file.config->ns.layers.size() < 3) continue;
      const int last = static_cast<int>(file.config->ns.layers.size()) - 1;
      std::vector<uint32_t> first_layer_reads;
      bool reads_middle_layer = false;
      for (uint32_t e : pipe.reads) {
        const GraphTable& t = g.tables[g.edges[e].table];
        if (t.external) continue;
        if (t.layer == 0) first_layer_reads.push_back(e);
        else if (t.layer > 0 && t.layer < last) reads_middle_layer = true;
      }
      if (first_layer_reads.empty() || reads_middle_layer) continue;
      for (uint32_t e : pipe.writes) {
        const GraphTable& t = g.tables[g.edges[e].table];
        if (t.external || t.layer != last) continue;
        const GraphTable& source = g.tables[g.edges[first_layer_reads.front()].table];
        Finding f = make(edge_location(m, g, g.edges[e]),
                         "layer skip: " + t.layer_name + " `" + t.name + "` is built directly from " + source.layer_name +
                             " `" + source.name + "`, bypassing " + file.config->ns.layers[1] +
                             ", where data is cleaned and conformed once for every consumer",
                         t.name);
        for (uint32_t r : first_layer_reads)
          f.related.push_back({edge_location(m, g, g.edges[r]),
                               "reads " + g.tables[g.edges[r].table].layer_name + " `" + g.tables[g.edges[r].table].name + "`"});
        out.push_back(std::move(f));
      }
    }
  }
};

PIPELINT_RULE(DEP011)

}  // namespace
}  // namespace pipelint

// CTR008: a table of a published layer (default: gold) written without a contract.
#include <algorithm>
#include <cctype>

#include "analyzer/model/graph/platform_graph.h"
#include "rules/contracts/table_contracts.h"
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// rules.options.CTR008.layers of the writer's configuration, default [gold].
std::vector<std::string> published_layers(const Config& cfg) {
  std::vector<std::string> layers{"gold"};
  if (const auto* opt = cfg.rule_option("CTR008", "layers"); opt && opt->is_array()) {
    layers.clear();
    for (const auto& v : *opt)
      if (v.is_string()) layers.push_back(lower(v.get<std::string>()));
  }
  return layers;
}

// The first pipeline's edge (in pipeline order) that writes data into the table.
const GraphEdge* first_producing_write(const Model& m, const PlatformGraph& g, const GraphTable& t) {
  for (uint32_t e : t.writes)
    for (uint32_t ai : g.edges[e].accesses)
      if (is_producing_mode(m.accesses[ai].rec(m).mode)) return &g.edges[e];
  return nullptr;
}

class CTR008 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR008", "published-table-without-contract", "contracts", Severity::Warning,
        "Table in a published layer (default: gold) written without a contract",
        "Reports every table of a published layer that a pipeline writes data into (append, overwrite, "
        "merge, replace, update, the default `errorifexists`, declarative pipelines; not `CREATE TABLE`, "
        "`DELETE`, `TRUNCATE` or `DROP`) when no data contract covers it, whatever the contract's status. "
        "Once per table, at the first producing write (pipelines in path order). The layers are the "
        "`layer` group of the namespace pattern; `rules.options.CTR008.layers` lists the published ones "
        "(default `[gold]`), read from the first writer's configuration. Names with unresolved parts, "
        "unmapped storage paths and external tables are skipped.",
        "A published layer is what other teams build on. Without a contract its columns, types and "
        "freshness are whatever the last run produced: consumers cannot tell a breaking change from a "
        "fix, and CTR002/CTR003 have nothing to check a change against.",
        "# the gold table has no contract in contracts/\n"
        "daily.write.mode(\"overwrite\").saveAsTable(\"prod_de.gold_metering.region_daily_snapshot\")",
        "# contracts/de-gold-metering-region-daily-snapshot.odcs.yaml covers it:\n"
        "#   schema: [{name: region_daily_snapshot, physicalName: prod_de.gold_metering.region_daily_snapshot, ...}]\n"
        "daily.write.mode(\"overwrite\").saveAsTable(\"prod_de.gold_metering.region_daily_snapshot\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    TableContracts contracts(m);
    for (const GraphTable& t : g.tables) {
      if (t.unresolved || t.external || t.is_path || t.layer_name.empty() || t.writes.empty()) continue;
      if (contracts.covers(t.name)) continue;
      const GraphEdge* e = first_producing_write(m, g, t);
      if (!e) continue;
      const FileEntry& writer = m.files[g.pipelines[e->pipeline].file];
      if (!writer.config) continue;
      auto layers = published_layers(*writer.config);
      if (std::find(layers.begin(), layers.end(), lower(t.layer_name)) == layers.end()) continue;
      out.push_back(make(first_access_where(m, *e, is_producing_mode),
                         "`" + t.name + "` is a " + t.layer_name + " table (a published layer) written without a " +
                             "data contract: its consumers have no versioned promise of its columns, types and "
                             "freshness; add an ODCS contract for it next to this pipeline",
                         t.name));
    }
  }
};

PIPELINT_RULE(CTR008)

}  // namespace
}  // namespace pipelint

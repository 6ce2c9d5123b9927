// OBS002: a contract of a silver/gold table that promises no latency (freshness).
#include <algorithm>

#include "analyzer/model/graph/name_groups.h"
#include "rules/engine/rule.h"
#include "rules/observability/sla_support.h"

namespace pipelint {
namespace {

class OBS002 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OBS002", "contract-without-latency", "observability", Severity::Warning,
        "Contract of a silver/gold table without a latency (freshness) SLA",
        "For every data contract that is not retired, takes the layer of each schema object's table "
        "from the `layer` group of the namespace pattern it matches (the configuration of the "
        "contract's repository) and reports the object when its layer is one of "
        "`rules.options.OBS002.layers` (default `silver`, `gold`) and the contract's `slaProperties` "
        "have no `latency` (or its older name `freshness`). Reported at the schema object's `name:`.",
        "Consumers of a silver or gold table schedule their own jobs around how fresh it is. Without a "
        "latency promise they guess, and a producer that slips from hourly to daily breaks them without "
        "breaking the contract; OBS004 cannot check what was never promised.",
        "schema:\n  - name: connections\n    physicalName: prod_nl.silver_grid.connections\n"
        "slaProperties:\n  - property: retention\n    value: 7\n    unit: y",
        "schema:\n  - name: connections\n    physicalName: prod_nl.silver_grid.connections\n"
        "slaProperties:\n  - property: latency\n    value: 4\n    unit: h",
        "yaml"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& file : m.contracts) {
      const DataContract& c = file.contract;
      if (!file.parsed || file.from_index || c.is_retired() || c.sla.latency) continue;
      const Config* cfg = contract_config(m, file);
      if (!cfg) continue;
      std::vector<std::string> layers = layers_option(cfg, "OBS002", {"silver", "gold"});
      bool has_sla = c.sla.frequency || c.sla.retention;
      for (const auto& object : c.schema) {
        if (object.table.empty()) continue;
        TableLayer layer = table_layer(object.table, cfg->ns);
        if (layer.name.empty() || std::find(layers.begin(), layers.end(), layer.name) == layers.end()) continue;
        YamlPos pos = object.pos.known() ? object.pos : YamlPos{1, 1};
        out.push_back(make(Location{file.path, pos.line, pos.col, 0},
                           "contract of " + layer.name + " table `" + object.table + "` promises no latency" +
                               (has_sla ? " (its slaProperties have no `latency`)" : " (no slaProperties)") +
                               ": consumers cannot know how fresh it is, and a slower producer breaks them "
                               "without breaking the contract",
                           object.table));
      }
    }
  }
};

PIPELINT_RULE(OBS002)

}  // namespace
}  // namespace pipelint

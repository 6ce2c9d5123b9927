// COST001: a job cluster without the required cost tags.
#include "rules/dependencies/orchestration_locations.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class COST001 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "COST001", "cluster-missing-cost-tags", "cost", Severity::Warning,
        "Job cluster without the required cost tags",
        "Checks the `custom_tags` of every cluster a DAG or bundle job defines (`new_cluster` of a "
        "Databricks operator or bundle task, `job_clusters`) against `rules.options.COST001.required_tags` "
        "(default: `team` and `cost_center`) and reports the missing tags at the cluster.",
        "Cluster spend is charged back to teams by tag. An untagged cluster lands in the platform "
        "team's bill, and nobody notices the job that doubled its cluster size.",
        "job_clusters:\n  - job_cluster_key: main\n    new_cluster:\n      spark_version: 15.4.x-scala2.12\n"
        "      custom_tags: {team: nordgrid-de}",
        "job_clusters:\n  - job_cluster_key: main\n    new_cluster:\n      spark_version: 15.4.x-scala2.12\n"
        "      custom_tags: {team: nordgrid-de, cost_center: DE-4410}",
        "yaml"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (uint32_t fi = 0; fi < m.files.size(); ++fi) {
      const auto& file = m.files[fi];
      std::vector<std::string> required{"team", "cost_center"};
      if (const auto* opt = file.config->rule_option("COST001", "required_tags"); opt && opt->is_array()) {
        required.clear();
        for (const auto& v : *opt)
          if (v.is_string()) required.push_back(v.get<std::string>());
      }
      for (const auto& c : file.records.orchestration.clusters) {
        std::string missing;
        for (const auto& tag : required) {
          bool has = false;
          for (const auto& [k, v] : c.tags) has |= k == tag && !v.empty();
          if (!has) missing += (missing.empty() ? "`" : ", `") + tag + "`";
        }
        if (missing.empty()) continue;
        out.push_back(make(Location{file.display_path, c.line, c.col, 0},
                           "cluster `" + c.key + "` of `" + c.dag_id + "` has no " + missing +
                               " tag: its cost cannot be charged to a team",
                           c.dag_id + ":" + c.key));
      }
    }
  }
};

PIPELINT_RULE(COST001)

}  // namespace
}  // namespace pipelint

// OBS003: a DAG owner that is not a registered team.
#include "rules/dependencies/orchestration_locations.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class OBS003 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OBS003", "unregistered-dag-owner", "observability", Severity::Warning,
        "DAG owner that is not a registered team",
        "Compares the owner of each DAG (the `owner` in its `default_args`, also imported ones) and of "
        "each bundle job (its `owner` or `team` tag) with the team ids of the `teams` registry. An "
        "owner that is not a team id, including Airflow's default `airflow`, is reported at the DAG. "
        "Nothing is checked when the registry is empty.",
        "The owner is who the scheduler, the on-call rota and the cost reports point to. A person's "
        "name or `airflow` leaves a DAG nobody answers for once that person changes teams.",
        "default_args = {\"owner\": \"jdupont\", \"on_failure_callback\": notify}",
        "default_args = {\"owner\": \"electra-fr\", \"on_failure_callback\": notify}"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const auto& o = m.orch;
    for (uint32_t d = 0; d < o.dags.size(); ++d) {
      const DagRecord& r = o.dag(m, d);
      const Config& cfg = dag_config(m, d);
      if (r.owner.empty() || cfg.teams.empty() || r.owner.find('{') != std::string::npos) continue;
      if (cfg.teams.count(r.owner)) continue;
      std::string teams;
      for (const auto& [id, team] : cfg.teams) teams += (teams.empty() ? "`" : ", `") + id + "`";
      out.push_back(make(dag_location(m, d),
                         std::string(r.source == "bundle" ? "job `" : "DAG `") + r.dag_id + "` is owned by `" +
                             r.owner + "`, which is not a registered team (" + teams +
                             "): nobody answers for it once that name is gone",
                         r.dag_id + ":" + r.owner));
    }
  }
};

PIPELINT_RULE(OBS003)

}  // namespace
}  // namespace pipelint

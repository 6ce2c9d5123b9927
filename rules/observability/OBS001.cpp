// OBS001: a DAG or bundle job with no failure alerting.
#include "rules/dependencies/orchestration_locations.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class OBS001 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OBS001", "no-failure-alerting", "observability", Severity::Warning,
        "DAG or job with no failure alerting",
        "An Airflow DAG has alerting when `on_failure_callback` or `email_on_failure=True` is set on "
        "the DAG or in its `default_args` (also when `default_args` is imported from another module "
        "of the repository). A bundle job has alerting when `email_notifications.on_failure` or "
        "`webhook_notifications.on_failure` is set. Others are reported at the DAG or job.",
        "A nightly job that fails without telling anyone is found by the consumers, days later, as "
        "missing data in a report. The owning team should learn it first, from the failure itself.",
        "with DAG(\"nl_grid_congestion\", schedule=\"@hourly\", default_args={\"owner\": \"dutchgrid-nl\"}):\n"
        "    ...",
        "with DAG(\"nl_grid_congestion\", schedule=\"@hourly\",\n"
        "         default_args={\"owner\": \"dutchgrid-nl\", \"on_failure_callback\": notify_oncall}):\n"
        "    ..."};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const auto& o = m.orch;
    for (uint32_t d = 0; d < o.dags.size(); ++d) {
      const DagRecord& r = o.dag(m, d);
      if (r.failure_alerting) continue;
      std::string how = r.source == "bundle"
                            ? "set `email_notifications.on_failure` or `webhook_notifications.on_failure`"
                            : "set `on_failure_callback` or `email_on_failure` in its `default_args`";
      out.push_back(make(dag_location(m, d),
                         std::string(r.source == "bundle" ? "job `" : "DAG `") + r.dag_id +
                             "` has no failure alerting: a failed run goes unnoticed until consumers see missing "
                             "data; " + how,
                         r.dag_id));
    }
  }
};

PIPELINT_RULE(OBS001)

}  // namespace
}  // namespace pipelint

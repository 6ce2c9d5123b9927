// DEP010: ExternalTaskSensor between differently scheduled DAGs without a delta.
#include "rules/dependencies/orchestration_locations.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

// Presets as the cron expressions Airflow gives them; other text as written.
std::string canonical_schedule(const DagRecord& d) {
  static const std::pair<const char*, const char*> presets[] = {
      {"@hourly", "0 * * * *"}, {"@daily", "0 0 * * *"},  {"@midnight", "0 0 * * *"},
      {"@weekly", "0 0 * * 0"}, {"@monthly", "0 0 1 * *"}, {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}};
  for (const auto& [p, cron] : presets)
    if (d.schedule == p) return cron;
  std::string out;
  bool space = false;
  for (char c : d.schedule) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool time_scheduled(const DagRecord& d) {
  return d.schedule_kind == "cron" || d.schedule_kind == "preset" || d.schedule_kind == "timedelta";
}

class DEP010 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP010", "sensor-schedule-mismatch", "dependencies", Severity::Warning,
        "ExternalTaskSensor between DAGs with different schedules and no execution_delta/execution_date_fn",
        "For each `ExternalTaskSensor` whose `external_dag_id` is a DAG of the analysed files, compares "
        "the two DAGs' schedules (presets as their cron expressions). When they differ and the sensor "
        "has neither `execution_delta` nor `execution_date_fn`, it is reported with the producer DAG "
        "as a related location.",
        "The sensor waits for a run of the other DAG with exactly its own logical date. With "
        "different schedules that run never exists: the sensor pokes until its timeout, every run, "
        "and the consumer either fails or (with soft_fail) silently runs on stale data.",
        "# producer: DAG(\"de_metering_daily\", schedule=\"0 2 * * *\")\n"
        "with DAG(\"fr_billing_daily\", schedule=\"0 4 * * *\"):\n"
        "    wait = ExternalTaskSensor(task_id=\"wait_de_readings\", external_dag_id=\"de_metering_daily\",\n"
        "                              external_task_id=\"silver_readings\")",
        "with DAG(\"fr_billing_daily\", schedule=\"0 4 * * *\"):\n"
        "    wait = ExternalTaskSensor(task_id=\"wait_de_readings\", external_dag_id=\"de_metering_daily\",\n"
        "                              external_task_id=\"silver_readings\", execution_delta=timedelta(hours=2))"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const auto& o = m.orch;
    for (uint32_t t = 0; t < o.tasks.size(); ++t) {
      const auto& rec = o.task(m, t);
      if (rec.external_dag_id.empty() || rec.has_execution_delta) continue;
      const DagRecord& own = o.dag(m, o.tasks[t].dag);
      if (!time_scheduled(own)) continue;
      for (uint32_t p : o.dags_named(m, rec.external_dag_id)) {
        const DagRecord& producer = o.dag(m, p);
        if (!time_scheduled(producer) || canonical_schedule(producer) == canonical_schedule(own)) continue;
        Finding f = make(task_location(m, t),
                         "sensor `" + rec.task_id + "` waits for DAG `" + producer.dag_id + "` (schedule `" +
                             producer.schedule + "`) from a DAG scheduled `" + own.schedule +
                             "` without `execution_delta` or `execution_date_fn`: it waits for a run that "
                             "never exists",
                         rec.dag_id + ":" + rec.task_id + ":" + producer.dag_id);
        f.related.push_back({dag_location(m, p), "the producer DAG `" + producer.dag_id + "`"});
        out.push_back(std::move(f));
        break;
      }
    }
  }
};

PIPELINT_RULE(DEP010)

}  // namespace
}  // namespace pipelint

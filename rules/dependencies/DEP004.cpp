// DEP004: a DAG reads a table that another DAG writes, and nothing makes it wait for that DAG.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analyzer/model/graph/platform_graph.h"
#include "rules/dependencies/orchestration_locations.h"
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The coordination edges between DAGs (by dag_id): who a DAG waits for.
class Coordination {
 public:
  explicit Coordination(const Model& m) : m_(m) {
    const auto& o = m.orch;
    for (uint32_t t = 0; t < o.tasks.size(); ++t) {
      const TaskRecord& r = o.task(m, t);
      for (const auto& uri : r.outlets) outlet_dags_[uri].insert(r.dag_id);
      if (!r.trigger_dag_id.empty()) triggered_by_[r.trigger_dag_id].insert(r.dag_id);
      if (!r.external_dag_id.empty()) sensed_by_[r.dag_id].insert(r.external_dag_id);
      if (o.tasks[t].job_dag >= 0) run_by_[o.dag(m, static_cast<uint32_t>(o.tasks[t].job_dag)).dag_id].insert(r.dag_id);
    }
  }

  // Does `task` (reading `table`) run after some DAG of `producers`? Its own
  // sensors count when they are upstream of it; the DAGs it waits for count
  // with every sensor, trigger, Dataset/Asset and job run of theirs.
  bool waits_for(uint32_t task, const std::string& table, const std::set<std::string>& producers) const {
    const auto& o = m_.orch;
    const std::string& dag_id = o.task(m_, task).dag_id;
    const DagRecord& dag = o.dag(m_, o.tasks[task].dag);
    for (const auto& uri : dag.schedule_datasets)
      if (table_of_dataset_uri(uri) == table) return true;
    std::set<std::string> direct;
    for (uint32_t s : o.dags[o.tasks[task].dag].tasks) {
      const TaskRecord& r = o.task(m_, s);
      if (!r.external_dag_id.empty() && o.runs_after(task, s)) direct.insert(r.external_dag_id);
    }
    add_whole_dag(dag_id, &dag, direct);
    std::set<std::string> seen;
    std::vector<std::string> todo(direct.begin(), direct.end());
    while (!todo.empty()) {
      std::string d = todo.back();
      todo.pop_back();
      if (!seen.insert(d).second) continue;
      if (producers.count(d)) return true;
      std::set<std::string> next;
      if (auto it = sensed_by_.find(d); it != sensed_by_.end()) next.insert(it->second.begin(), it->second.end());
      for (uint32_t i : o.dags_named(m_, d)) add_whole_dag(d, &o.dag(m_, i), next);
      todo.insert(todo.end(), next.begin(), next.end());
    }
    return false;
  }

  // Run by another DAG's DatabricksRunNowOperator / run_job_task.
  bool is_run_by_other(const std::string& dag_id) const { return run_by_.count(dag_id) > 0; }

 private:
  // DAGs that trigger `dag_id`, run it as a job, or update a Dataset it is scheduled on.
  void add_whole_dag(const std::string& dag_id, const DagRecord* dag, std::set<std::string>& out) const {
    if (auto it = triggered_by_.find(dag_id); it != triggered_by_.end()) out.insert(it->second.begin(), it->second.end());
    if (auto it = run_by_.find(dag_id); it != run_by_.end()) out.insert(it->second.begin(), it->second.end());
    if (dag)
      for (const auto& uri : dag->schedule_datasets)
        if (auto it = outlet_dags_.find(uri); it != outlet_dags_.end()) out.insert(it->second.begin(), it->second.end());
  }

  const Model& m_;
  std::map<std::string, std::set<std::string>> outlet_dags_, triggered_by_, sensed_by_, run_by_;
};

bool time_scheduled(const DagRecord& d) {
  return d.schedule_kind == "cron" || d.schedule_kind == "preset" || d.schedule_kind == "timedelta" ||
         d.schedule_kind == "periodic";
}

class DEP004 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP004", "uncoordinated-cross-dag-read", "dependencies", Severity::Warning,
        "A DAG reads a table that another DAG writes, with no sensor, trigger, Dataset/Asset or job "
        "dependency on it",
        "Links every Airflow task and bundle job task to the tables its code reads and writes, and for "
        "each table a DAG (or job) reads and does not write itself, finds the other DAGs whose tasks "
        "write it. The read is coordinated when the reading task runs after an `ExternalTaskSensor` on "
        "a producing DAG, when a producing DAG triggers the reader (`TriggerDagRunOperator`) or runs it "
        "as a job (`DatabricksRunNowOperator`, `run_job_task`), when the reader is scheduled on a "
        "Dataset/Asset a producing DAG lists in its `outlets` or on the table itself (an Airflow "
        "Dataset URI naming the table, a bundle `trigger.table_update`), or through a chain of those "
        "(the reader waits for a DAG that waits for the producer). Otherwise it is reported once per "
        "reading DAG and table, at the first uncoordinated reading task, with the read and the "
        "producing tasks as related locations. A job that another DAG runs and that has no schedule "
        "of its own is judged through the DAG that runs it.",
        "Two DAGs that only agree on a clock time (`0 2 * * *` here, `0 4 * * *` there) drift apart "
        "the first night the producer runs late or fails: the consumer reads yesterday's or a "
        "half-written table, succeeds, and publishes wrong numbers that nobody notices.",
        "# de_metering_daily (0 2 * * *) writes prod_de.silver_metering.readings\n"
        "with DAG(\"fr_cross_border_billing\", schedule=\"0 5 * * *\"):\n"
        "    SparkSubmitOperator(task_id=\"cross_border\",  # reads the German silver readings\n"
        "        application=\"/opt/airflow/repos/fr-electra-ingest/jobs/cross_border.py\")",
        "with DAG(\"fr_cross_border_billing\", schedule=[Dataset(\"prod_de.silver_metering.readings\")]):\n"
        "    SparkSubmitOperator(task_id=\"cross_border\",\n"
        "        application=\"/opt/airflow/repos/fr-electra-ingest/jobs/cross_border.py\")\n"
        "# or: an ExternalTaskSensor on de_metering_daily upstream of the task"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const auto& o = m.orch;
    if (o.tasks.empty()) return;
    struct Read {
      uint32_t task, access;
    };
    // table -> dag_id -> producing tasks; dag_id -> table -> reads (in task, then access order)
    std::map<std::string, std::map<std::string, std::vector<uint32_t>>> writers;
    std::map<std::string, std::map<std::string, std::vector<Read>>> reads;
    for (uint32_t t = 0; t < o.tasks.size(); ++t) {
      const std::string& dag_id = o.task(m, t).dag_id;
      for (uint32_t a : o.tasks[t].accesses) {
        const TableAccess& acc = m.accesses[a];
        if (acc.resolved != Resolution::Full || acc.table.empty()) continue;
        const AccessRecord& rec = acc.rec(m);
        if (rec.kind == Kind::Path && acc.path_location.empty()) continue;  // an unmapped path
        std::string table = lower(acc.table);
        if (rec.op == Op::Write) {
          if (is_producing_mode(rec.mode)) {
            auto& list = writers[table][dag_id];
            if (list.empty() || list.back() != t) list.push_back(t);
          }
        } else {
          reads[dag_id][table].push_back({t, a});
        }
      }
    }
    Coordination coordination(m);
    for (const auto& [dag_id, tables] : reads) {
      if (coordination.is_run_by_other(dag_id) && !any_time_scheduled(m, dag_id)) continue;
      for (const auto& [table, list] : tables) {
        auto w = writers.find(table);
        if (w == writers.end() || w->second.count(dag_id)) continue;
        std::set<std::string> producers;
        for (const auto& [producer, tasks] : w->second) producers.insert(producer);
        for (const Read& r : list) {
          if (coordination.waits_for(r.task, table, producers)) continue;
          out.push_back(finding(m, r, table, w->second));
          break;
        }
      }
    }
  }

 private:
  static bool any_time_scheduled(const Model& m, const std::string& dag_id) {
    for (uint32_t d : m.orch.dags_named(m, dag_id))
      if (time_scheduled(m.orch.dag(m, d))) return true;
    return false;
  }

  template <typename Read>
  Finding finding(const Model& m, const Read& r, const std::string& table,
                  const std::map<std::string, std::vector<uint32_t>>& producers) const {
    const auto& o = m.orch;
    const TaskRecord& reader = o.task(m, r.task);
    std::vector<std::string> names;
    for (const auto& [dag, tasks] : producers) names.push_back("`" + dag + "`");
    std::string list;
    for (size_t i = 0; i < names.size(); ++i) list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    Finding f = make(task_location(m, r.task),
                     "task `" + reader.task_id + "` of `" + reader.dag_id + "` reads `" + table + "`, which " +
                         (producers.size() == 1 ? "DAG " : "DAGs ") + list + (producers.size() == 1 ? " writes" : " write") +
                         ", with no sensor, trigger or Dataset/Asset schedule on " +
                         (producers.size() == 1 ? "it" : "them") +
                         ": a late or failed producer run goes unnoticed and the read gets stale or half-written data",
                     reader.dag_id + ":" + table);
    const TableAccess& acc = m.accesses[r.access];
    f.related.push_back({Location{m.file_of(acc).display_path, acc.rec(m).line, acc.rec(m).col, 0},
                         "the read of `" + table + "`"});
    for (const auto& [dag, tasks] : producers)
      for (uint32_t t : tasks)
        f.related.push_back({task_location(m, t), "task `" + o.task(m, t).task_id + "` of `" + dag + "` writes `" + table + "`"});
    return f;
  }
};

PIPELINT_RULE(DEP004)

}  // namespace
}  // namespace pipelint

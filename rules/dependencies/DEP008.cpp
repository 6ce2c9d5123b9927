// DEP008: in one DAG, a task reads a table another task writes without running after it.
#include <map>
#include <set>

#include "rules/dependencies/orchestration_locations.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class DEP008 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP008", "read-before-write-in-dag", "dependencies", Severity::Error,
        "A task reads a table that another task of the same DAG writes, without running after it",
        "For every DAG and bundle job, links each task to the tables its code reads and writes (the "
        "script, notebook or SQL file it runs, its callable in the DAG file, its inline SQL) and "
        "reports a task that reads a table written by another task of the same DAG when no chain of "
        "dependencies makes it run after that writer. The related location is the writing task.",
        "Without a dependency the scheduler may start the reader first or in parallel: it reads "
        "yesterday's data, or a half-written table, and the run still succeeds. The bug shows up as "
        "numbers that are one day late on some days only.",
        "with DAG(\"de_metering_daily\", schedule=\"0 2 * * *\"):\n"
        "    silver = SparkSubmitOperator(task_id=\"silver_readings\", application=\"jobs/silver_readings.py\")\n"
        "    daily = DatabricksSubmitRunOperator(task_id=\"daily_consumption\",  # reads the silver readings\n"
        "        notebook_task={\"notebook_path\": \"notebooks/daily_consumption\"})\n"
        "    # no silver >> daily",
        "with DAG(\"de_metering_daily\", schedule=\"0 2 * * *\"):\n"
        "    silver = SparkSubmitOperator(task_id=\"silver_readings\", application=\"jobs/silver_readings.py\")\n"
        "    daily = DatabricksSubmitRunOperator(task_id=\"daily_consumption\",\n"
        "        notebook_task={\"notebook_path\": \"notebooks/daily_consumption\"})\n"
        "    silver >> daily"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const auto& o = m.orch;
    for (const auto& dag : o.dags) {
      // table -> writing tasks of this DAG
      std::map<std::string, std::set<uint32_t>> writers;
      for (uint32_t t : dag.tasks)
        for (uint32_t a : o.tasks[t].accesses)
          if (m.accesses[a].rec(m).op == Op::Write && m.accesses[a].resolved == Resolution::Full)
            writers[m.accesses[a].table].insert(t);
      if (writers.empty()) continue;
      for (uint32_t reader : dag.tasks) {
        std::set<std::string> reported;
        for (uint32_t a : o.tasks[reader].accesses) {
          const auto& acc = m.accesses[a];
          if (acc.rec(m).op != Op::Read || acc.resolved != Resolution::Full) continue;
          auto w = writers.find(acc.table);
          if (w == writers.end() || reported.count(acc.table)) continue;
          for (uint32_t writer : w->second) {
            if (writer == reader || o.runs_after(reader, writer)) continue;
            // a task that also writes the table (incremental self-read) is not waiting for anyone
            if (w->second.count(reader)) break;
            reported.insert(acc.table);
            const auto& r = o.task(m, reader);
            const auto& wr = o.task(m, writer);
            Finding f = make(task_location(m, reader),
                             "task `" + r.task_id + "` reads `" + acc.table + "`, which task `" + wr.task_id +
                                 "` of the same DAG writes, but does not run after it: it may read stale or "
                                 "half-written data; add `" + wr.task_id + " >> " + r.task_id + "`",
                             r.dag_id + ":" + r.task_id + ":" + acc.table);
            f.related.push_back({task_location(m, writer), "task `" + wr.task_id + "` writes `" + acc.table + "`"});
            f.related.push_back({access_location(m, acc), "the read"});
            out.push_back(std::move(f));
            break;
          }
        }
      }
    }
  }

 private:
  static Location access_location(const Model& m, const TableAccess& a) {
    const auto& r = a.rec(m);
    return Location{m.file_of(a).display_path, r.line, r.col, 0};
  }
};

PIPELINT_RULE(DEP008)

}  // namespace
}  // namespace pipelint

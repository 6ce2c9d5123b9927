// OBS004: a latency promise that the lineage cannot keep.
#include <algorithm>
#include <set>

#include "analyzer/model/graph/platform_graph.h"
#include "analyzer/model/schedule_interval.h"
#include "rules/dependencies/orchestration_locations.h"
#include "rules/engine/rule.h"
#include "rules/observability/sla_support.h"

namespace pipelint {
namespace {

// How often a pipeline runs: the DAGs/jobs whose tasks perform its producing
// write, and the shortest of their intervals.
struct Schedule {
  uint32_t dag = 0;
  int64_t interval = 0;
};

// nullopt when no DAG runs those accesses or one of the DAGs that do has no
// interval we can know (then its runs may be as frequent as the promise needs).
// The latency's `value:`, else the schema object.
Location latency_location(const LatencyPromise& p) {
  YamlPos pos = p.latency->pos.known() ? p.latency->pos : p.object->pos.known() ? p.object->pos : YamlPos{1, 1};
  return Location{p.file->path, pos.line, pos.col, 0};
}

std::optional<Schedule> schedule_of(const Model& m, const std::vector<uint32_t>& writes) {
  const auto& o = m.orch;
  std::optional<Schedule> best;
  std::set<uint32_t> seen;
  for (uint32_t t = 0; t < o.tasks.size(); ++t) {
    const auto& acc = o.tasks[t].accesses;
    bool runs = std::any_of(writes.begin(), writes.end(),
                            [&](uint32_t w) { return std::binary_search(acc.begin(), acc.end(), w); });
    if (!runs || !seen.insert(o.tasks[t].dag).second) continue;
    auto interval = schedule_interval_seconds(o.dag(m, o.tasks[t].dag));
    if (!interval) return std::nullopt;
    if (!best || *interval < best->interval) best = Schedule{o.tasks[t].dag, *interval};
  }
  return best;
}

class OBS004 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OBS004", "unkeepable-latency-promise", "observability", Severity::Error,
        "A latency promise the lineage cannot keep: stricter than an upstream table's latency plus the "
        "producing job's schedule interval",
        "For every table whose contract promises a latency L, takes each pipeline that writes data into "
        "it and the DAGs or bundle jobs whose tasks run that pipeline, with their schedule interval I "
        "(the longest gap between two runs: cron and Quartz expressions, presets, `timedelta`, periodic "
        "triggers; the shortest when several DAGs run it). For each table U the pipeline reads whose "
        "contract promises a latency L_U, the table can be at best L_U + I old just before the next "
        "run; when L < L_U + I the promise is reported at its `value:` with the upstream contract's "
        "latency and the DAG as related locations. Pipelines that no DAG runs, and DAGs triggered by "
        "Datasets, tables, files or by hand, are skipped: their interval cannot be known.",
        "A freshness promise that the schedule makes impossible is broken every day by design: "
        "consumers build on it, alerts fire or, worse, nobody measures it and dashboards show "
        "yesterday's numbers as today's.",
        "# prod_de.gold_metering.daily_consumption: written by notebooks/daily_consumption, which\n"
        "# de_metering_daily runs at 0 2 * * * (every 24 h), from prod_de.silver_metering.readings\n"
        "# (latency 2 h): at best 26 h\n"
        "slaProperties:\n  - property: latency\n    value: 2\n    unit: h",
        "# promise what the lineage can keep, or run the job more often (hourly: 2 h + 1 h)\n"
        "slaProperties:\n  - property: latency\n    value: 26\n    unit: h",
        "yaml"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    auto promises = latency_promises(m);
    if (promises.empty() || m.orch.dags.empty()) return;
    const PlatformGraph& g = platform_graph(m);
    std::set<std::string> done;  // a contract's table under several names is judged once
    for (const auto& [name, promise] : promises) {
      if (promise.file->from_index || !done.insert(promise.file->path + "\n" + promise.object->table).second) continue;
      auto table = g.find_table(promise.object->table);
      if (!table) continue;
      struct Worst {
        int64_t total = -1;
        uint32_t pipeline = 0, dag = 0, upstream = 0;
        int64_t interval = 0;
        const LatencyPromise* up = nullptr;
      } worst;
      for (uint32_t e : g.tables[*table].writes) {
        const GraphEdge& write = g.edges[e];
        std::vector<uint32_t> producing;
        for (uint32_t a : write.accesses)
          if (is_producing_mode(m.accesses[a].rec(m).mode)) producing.push_back(a);
        if (producing.empty()) continue;
        auto schedule = schedule_of(m, producing);
        if (!schedule) continue;
        for (uint32_t r : g.pipelines[write.pipeline].reads) {
          uint32_t u = g.edges[r].table;
          if (u == *table) continue;  // an incremental self-read
          auto up = promises.find(g.tables[u].name);
          if (up == promises.end()) continue;
          int64_t total = up->second.latency->seconds + schedule->interval;
          if (total > worst.total) worst = {total, write.pipeline, schedule->dag, u, schedule->interval, &up->second};
        }
      }
      const int64_t promised = promise.latency->seconds;
      if (worst.total < 0 || promised >= worst.total) continue;
      const DagRecord& dag = m.orch.dag(m, worst.dag);
      const std::string& upstream = g.tables[worst.upstream].name;
      Finding f = make(latency_location(promise),
                       "`" + promise.object->table + "` promises a latency of " + duration_text(promised) +
                           ", but " + pipeline_path(m, g, worst.pipeline) + " writes it from `" + upstream +
                           "` (latency " + duration_text(worst.up->latency->seconds) + ") in `" + dag.dag_id +
                           "`, scheduled every " + duration_text(worst.interval) + " (`" + dag.schedule +
                           "`): at best " + duration_text(worst.total),
                       promise.object->table);
      const LatencyPromise& up = *worst.up;
      f.related.push_back({latency_location(up),
                           "`" + upstream + "` promises a latency of " + duration_text(up.latency->seconds)});
      f.related.push_back({dag_location(m, worst.dag),
                           "`" + dag.dag_id + "` runs every " + duration_text(worst.interval)});
      out.push_back(std::move(f));
    }
  }
};

PIPELINT_RULE(OBS004)

}  // namespace
}  // namespace pipelint

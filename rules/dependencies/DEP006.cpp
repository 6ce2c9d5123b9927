// DEP006: a task cycle in a DAG, or a cycle of DAGs waiting on / triggering each other.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "rules/dependencies/orchestration_locations.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

// Strongly connected components (iterative Tarjan) of a small graph.
std::vector<std::vector<uint32_t>> cycles(uint32_t n, const std::vector<std::vector<uint32_t>>& next) {
  std::vector<int> index(n, -1), low(n, 0);
  std::vector<bool> on(n, false);
  std::vector<uint32_t> stack;
  std::vector<std::vector<uint32_t>> out;
  int counter = 0;
  for (uint32_t s = 0; s < n; ++s) {
    if (index[s] >= 0) continue;
    std::vector<std::pair<uint32_t, size_t>> work{{s, 0}};
    while (!work.empty()) {
      auto& [v, i] = work.back();
      if (i == 0 && index[v] < 0) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        on[v] = true;
      }
      if (i < next[v].size()) {
        uint32_t w = next[v][i++];
        if (index[w] < 0) work.push_back({w, 0});
        else if (on[w]) low[v] = std::min(low[v], index[w]);
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<uint32_t> comp;
        uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on[w] = false;
          comp.push_back(w);
        } while (w != v);
        bool self = std::find(next[v].begin(), next[v].end(), v) != next[v].end();
        if (comp.size() > 1 || self) {
          std::sort(comp.begin(), comp.end());
          out.push_back(std::move(comp));
        }
      }
      uint32_t done = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
    }
  }
  return out;
}

class DEP006 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP006", "orchestration-cycle", "dependencies", Severity::Error,
        "Airflow task cycle, or DAGs that wait on or trigger each other in a cycle",
        "Builds the task graph of every DAG and bundle job (`>>`, `<<`, `set_upstream`, `chain`, "
        "`depends_on`, TaskFlow data dependencies) and reports each cycle once, at the edge written last (the one that closes it), "
        "with every edge of the cycle as a related location. It also builds a graph of DAGs: an "
        "`ExternalTaskSensor` in B waiting for A is an edge A → B, a `TriggerDagRunOperator` in A "
        "triggering B is an edge A → B; a cycle there is reported at the sensor or trigger written last.",
        "Airflow refuses to load a DAG with a task cycle, so the whole DAG silently disappears from "
        "the scheduler. A cross-DAG cycle loads fine and then deadlocks: each DAG's sensor waits for "
        "a run of the other that never happens, until the sensors time out every night.",
        "with DAG(\"de_billing_daily\", schedule=\"0 3 * * *\"):\n"
        "    load = SparkSubmitOperator(task_id=\"load\", application=\"jobs/billing_job.py\")\n"
        "    publish = BashOperator(task_id=\"publish\", bash_command=\"python jobs/publish.py\")\n"
        "    load >> publish\n"
        "    publish >> load",
        "with DAG(\"de_billing_daily\", schedule=\"0 3 * * *\"):\n"
        "    load = SparkSubmitOperator(task_id=\"load\", application=\"jobs/billing_job.py\")\n"
        "    publish = BashOperator(task_id=\"publish\", bash_command=\"python jobs/publish.py\")\n"
        "    load >> publish"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    task_cycles(m, out);
    dag_cycles(m, out);
  }

 private:
  void task_cycles(const Model& m, std::vector<Finding>& out) const {
    const auto& o = m.orch;
    uint32_t n = static_cast<uint32_t>(o.tasks.size());
    std::vector<std::vector<uint32_t>> next(n);
    for (uint32_t t = 0; t < n; ++t) next[t] = o.tasks[t].downstream;
    for (const auto& comp : cycles(n, next)) {
      std::set<uint32_t> members(comp.begin(), comp.end());
      std::vector<uint32_t> edges;
      for (uint32_t e = 0; e < o.edges.size(); ++e)
        if (members.count(o.edges[e].up) && members.count(o.edges[e].down)) edges.push_back(e);
      if (edges.empty()) continue;
      std::sort(edges.begin(), edges.end(), [&](uint32_t a, uint32_t b) {
        return o.edge(m, a).line < o.edge(m, b).line;
      });
      std::string names, subject;
      for (uint32_t t : comp) {
        names += (names.empty() ? "`" : ", `") + o.task(m, t).task_id + "`";
        subject += o.task(m, t).task_id + ",";
      }
      const auto& dag = o.task(m, comp.front()).dag_id;
      Finding f = make(edge_location(m, edges.back()),
                       "tasks " + names + " of DAG `" + dag +
                           "` depend on each other in a cycle: Airflow refuses to load the DAG",
                       "task-cycle:" + dag + ":" + subject);
      for (uint32_t e : edges) {
        const auto& r = o.edge(m, e);
        f.related.push_back({edge_location(m, e), "`" + r.upstream + "` >> `" + r.downstream + "`"});
        f.flow.push_back(edge_location(m, e));
      }
      out.push_back(std::move(f));
    }
  }

  void dag_cycles(const Model& m, std::vector<Finding>& out) const {
    const auto& o = m.orch;
    // nodes: dag ids; edges: producer -> consumer through a sensor or a trigger
    std::map<std::string, uint32_t> ids;
    std::vector<std::string> names;
    auto id = [&](const std::string& s) {
      auto it = ids.find(s);
      if (it != ids.end()) return it->second;
      ids.emplace(s, static_cast<uint32_t>(names.size()));
      names.push_back(s);
      return static_cast<uint32_t>(names.size() - 1);
    };
    for (uint32_t d = 0; d < o.dags.size(); ++d) id(o.dag(m, d).dag_id);
    struct Link {
      uint32_t from, to, task;
      bool sensor;
    };
    std::vector<Link> links;
    for (uint32_t t = 0; t < o.tasks.size(); ++t) {
      const auto& r = o.task(m, t);
      if (!r.external_dag_id.empty() && ids.count(r.external_dag_id) && r.external_dag_id != r.dag_id)
        links.push_back({id(r.external_dag_id), id(r.dag_id), t, true});
      if (!r.trigger_dag_id.empty() && ids.count(r.trigger_dag_id) && r.trigger_dag_id != r.dag_id)
        links.push_back({id(r.dag_id), id(r.trigger_dag_id), t, false});
    }
    uint32_t n = static_cast<uint32_t>(names.size());
    std::vector<std::vector<uint32_t>> next(n);
    for (const auto& l : links) next[l.from].push_back(l.to);
    for (const auto& comp : cycles(n, next)) {
      std::set<uint32_t> members(comp.begin(), comp.end());
      std::vector<const Link*> in;
      for (const auto& l : links)
        if (members.count(l.from) && members.count(l.to)) in.push_back(&l);
      if (in.empty()) continue;
      std::sort(in.begin(), in.end(), [&](const Link* a, const Link* b) {
        auto la = task_location(m, a->task), lb = task_location(m, b->task);
        return std::tie(la.path, la.line) < std::tie(lb.path, lb.line);
      });
      std::string list, subject;
      for (uint32_t d : comp) {
        list += (list.empty() ? "`" : ", `") + names[d] + "`";
        subject += names[d] + ",";
      }
      Finding f = make(task_location(m, in.back()->task),
                       "DAGs " + list +
                           " wait on or trigger each other in a cycle: each run waits for the other and the "
                           "sensors time out",
                       "dag-cycle:" + subject);
      for (const Link* l : in) {
        std::string what = l->sensor ? "`" + names[l->to] + "` waits for `" + names[l->from] + "`"
                                     : "`" + names[l->from] + "` triggers `" + names[l->to] + "`";
        f.related.push_back({task_location(m, l->task), what});
        f.flow.push_back(task_location(m, l->task));
      }
      out.push_back(std::move(f));
    }
  }
};

PIPELINT_RULE(DEP006)

}  // namespace
}  // namespace pipelint

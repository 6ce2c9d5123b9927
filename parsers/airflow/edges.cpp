// Dependencies: >>, <<, set_upstream/set_downstream, chain, chain_linear,
// cross_downstream, TaskFlow data dependencies and TaskGroups as endpoints.
#include <algorithm>

#include "parsers/airflow/dag_walker.h"

namespace pipelint::airflow {

// The tasks an operand stands for. A TaskGroup upstream of something stands
// for its leaves (members with no downstream inside the group), downstream of
// something for its roots, as Airflow wires it.
std::vector<int> DagWalker::endpoints(const Value& v, bool upstream_side) const {
  std::vector<int> out;
  if (v.k == Value::K::Tasks) return v.tasks;
  if (v.k == Value::K::List) {
    for (const auto& e : v.items) {
      auto sub = endpoints(e, upstream_side);
      out.insert(out.end(), sub.begin(), sub.end());
    }
    return out;
  }
  if (v.k != Value::K::Group || v.ref < 0) return out;
  const auto& members = groups_[v.ref].members;
  for (int t : members) {
    bool linked_inside = false;
    for (int o : members) {
      auto e = upstream_side ? std::make_pair(t, o) : std::make_pair(o, t);
      if (edge_set_.count(e)) {
        linked_inside = true;
        break;
      }
    }
    if (!linked_inside) out.push_back(t);
  }
  return out;
}

void DagWalker::add_edge(int up, int down, TSNode at) {
  if (up < 0 || down < 0 || up == down) return;
  if (!edge_set_.insert({up, down}).second) return;
  edges_.push_back({{up, down}, ts_node_start_byte(at)});
}

void DagWalker::connect(const Value& up, const Value& down, TSNode at) {
  auto ups = endpoints(up, true);
  auto downs = endpoints(down, false);
  for (int u : ups)
    for (int d : downs) add_edge(u, d, at);
}

// chain(a, [b, c], d): consecutive items; two lists of the same length are
// paired element-wise. chain_linear connects every pair of consecutive items.
void DagWalker::chain(const std::vector<Value>& items, TSNode at, bool linear) {
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    const Value& a = items[i];
    const Value& b = items[i + 1];
    if (!linear && a.k == Value::K::List && b.k == Value::K::List) {
      size_t n = std::min(a.items.size(), b.items.size());
      for (size_t k = 0; k < n; ++k) connect(a.items[k], b.items[k], at);
      continue;
    }
    connect(a, b, at);
  }
}

// Arguments holding XComArgs (TaskFlow results, op.output) make the task run after their producers.
void DagWalker::xcom_dependencies(int task, const CallArgs& args, Ctx& c, bool all_args) {
  auto visit = [&](TSNode n) {
    Value v = eval(n, c);
    std::vector<const Value*> stack{&v};
    while (!stack.empty()) {
      const Value* x = stack.back();
      stack.pop_back();
      if (x->k == Value::K::Tasks && (x->xcom || all_args))
        for (int t : x->tasks) add_edge(t, task, n);
      if (x->k == Value::K::List)
        for (const auto& e : x->items) stack.push_back(&e);
    }
  };
  for (TSNode a : args.pos) visit(a);
  for (const auto& [k, v] : args.kw) {
    if (k == "task_id" || k == "dag" || k == "task_group" || k == "default_args") continue;
    visit(v);
  }
}

}  // namespace pipelint::airflow

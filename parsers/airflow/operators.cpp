// Tasks: operator recognition, task ids (TaskGroup prefixes, TaskFlow
// suffixes), and what each operator runs.
#include <algorithm>

#include "parsers/airflow/dag_walker.h"

namespace pipelint::airflow {

namespace {

// The base class name of Op(...), Op.partial(...).expand(...), mod.Op(...).
std::string_view base_operator(TSNode call, std::string_view src) {
  TSNode fn = child(call, "function");
  for (int guard = 0; guard < 16; ++guard) {
    if (is(fn, "identifier")) return text_of(fn, src);
    if (!is(fn, "attribute")) return {};
    std::string_view attr = text_of(child(fn, "attribute"), src);
    TSNode obj = child(fn, "object");
    if (attr != "partial" && attr != "expand" && attr != "expand_kwargs") return attr;
    fn = is(obj, "call") ? child(obj, "function") : obj;
  }
  return {};
}

}  // namespace

bool DagWalker::is_operator_call(TSNode call, const CallArgs& args) const {
  std::string_view name = base_operator(call, src_);
  if (name.empty() || name.front() < 'A' || name.front() > 'Z') return false;
  if (name == "DAG" || name == "TaskGroup" || name == "Dataset" || name == "Asset") return false;
  return args.has("task_id");
}

int DagWalker::new_task(TSNode at, const std::string& op, const std::string& task_id, int dag_hint, Ctx& c,
                        bool taskflow) {
  int dag = dag_hint >= 0 ? dag_hint : c.dag;
  const Group* g = c.groups.empty() ? nullptr : &groups_[c.groups.back()];
  if (dag < 0 && g) dag = g->dag;
  std::string id = task_id;
  if (g && g->prefix_ids && !g->id.empty()) id = g->id + "." + task_id;
  if (taskflow) {
    std::string base = id;
    for (int k = 1; task_by_id_.count({dag, id}) && k < 10000; ++k) id = base + "__" + std::to_string(k);
  } else {
    auto it = task_by_id_.find({dag, id});
    if (it != task_by_id_.end()) return it->second;  // the same task built on another branch
  }
  TaskRecord t;
  std::tie(t.line, t.col) = pos(at);
  t.task_id = id;
  t.op = op;
  int idx = static_cast<int>(out_.orchestration.tasks.size());
  out_.orchestration.tasks.push_back(std::move(t));
  task_dag_.push_back(dag);
  task_by_id_[{dag, id}] = idx;
  for (int gi : c.groups) groups_[gi].members.push_back(idx);
  return idx;
}

Value DagWalker::new_operator_task(TSNode call, TSNode op_call, const CallArgs& args, Ctx& c) {
  std::string op(base_operator(op_call, src_));
  std::string id = str(args.kwarg("task_id"), c);
  int dag = -1;
  TSNode dag_arg = args.kwarg("dag");
  if (!ts_node_is_null(dag_arg)) {
    Value v = eval(dag_arg, c);
    if (v.k == Value::K::Dag) dag = v.ref;
  }
  Ctx inner = c;
  TSNode group_arg = args.kwarg("task_group");
  if (!ts_node_is_null(group_arg)) {
    Value v = eval(group_arg, c);
    if (v.k == Value::K::Group) inner.groups.push_back(v.ref);
  }
  int task = new_task(call, op, id, dag, inner, false);
  if (task < 0) return {};
  describe_operator(task, op, args, call, c);
  xcom_dependencies(task, args, c, false);
  return Value::of_tasks({task});
}

void DagWalker::link_callable(TaskRecord& t, TSNode callable, Ctx& c) {
  if (is(callable, "lambda")) {
    t.code_begin = line_of(ts_node_start_byte(callable));
    t.code_end = line_of(ts_node_end_byte(callable));
    return;
  }
  if (!is(callable, "identifier")) return;
  std::string name(text(callable));
  t.callable = name;
  Value v = lookup(name);
  if (v.k == Value::K::Func) {
    TSNode def = funcs_[v.ref].def;
    t.code_begin = line_of(ts_node_start_byte(def));
    t.code_end = line_of(ts_node_end_byte(def));
  } else if (v.k == Value::K::Import) {
    // a function imported from a module of the repository: the task runs that module
    // candidates run from the file's folder up to the root (x.py, x/__init__.py
    // each); the model tries the DAG's folder and the root itself, so the
    // root-relative form is enough
    std::vector<std::string> files;
    size_t start = 0;
    while (start < v.module.size()) {
      size_t semi = v.module.find(';', start);
      if (semi == std::string::npos) semi = v.module.size();
      files.push_back(v.module.substr(start, semi - start));
      start = semi + 1;
    }
    if (!files.empty()) t.script = NameTemplate::literal(files[files.size() >= 2 ? files.size() - 2 : 0]);
  }
  (void)c;
}

void DagWalker::describe_cluster(int task, TSNode cluster, Ctx& c) {
  TSNode block{};
  TSNode dict = resolve_dict(cluster, c, &block);
  if (ts_node_is_null(dict) || !is(dict, "dictionary")) return;
  Ctx at = c;
  at.block = block;
  ClusterRecord r;
  std::tie(r.line, r.col) = pos(cluster);
  uint32_t n = ts_node_named_child_count(dict);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode p = ts_node_named_child(dict, i);
    if (!is(p, "pair") || str(child(p, "key"), at) != "custom_tags") continue;
    TSNode tb{};
    TSNode tags = resolve_dict(child(p, "value"), at, &tb);
    if (!is(tags, "dictionary")) continue;
    Ctx tc = at;
    tc.block = tb;
    uint32_t m = ts_node_named_child_count(tags);
    for (uint32_t j = 0; j < m; ++j) {
      TSNode q = ts_node_named_child(tags, j);
      if (is(q, "pair")) r.tags.emplace_back(str(child(q, "key"), tc), str(child(q, "value"), tc));
    }
  }
  out_.orchestration.clusters.push_back(std::move(r));
  cluster_task_.push_back(task);
}

}  // namespace pipelint::airflow

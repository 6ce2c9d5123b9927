// The interpreter behind airflow::extract: walks statements in order, keeps
// what each variable denotes (tasks, a DAG, a TaskGroup, a TaskFlow function,
// a dict), and records DAGs, tasks and edges as Airflow would build them.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parsers/airflow/airflow_extractor.h"
#include "parsers/airflow/ts_nodes.h"
#include "parsers/common/line_index.h"

namespace pipelint::airflow {

struct Value {
  enum class K : uint8_t { None, Tasks, List, Dag, Group, Func, Dict, Import, Label } k = K::None;
  std::vector<int> tasks;    // Tasks: task indices
  std::vector<Value> items;  // List
  int ref = -1;              // Dag, Group: index; Func: FuncDef index
  TSNode node{};             // Dict: the dictionary / dict(...) node
  TSNode block{};            // Dict: block it was written in
  bool xcom = false;         // a TaskFlow result or .output: passing it creates a dependency
  std::string module, name;  // Import: module files (';'-joined candidates) and imported name

  static Value of_tasks(std::vector<int> t, bool xcom = false) {
    Value v;
    v.k = K::Tasks;
    v.tasks = std::move(t);
    v.xcom = xcom;
    return v;
  }
};

struct FuncDef {
  enum class K : uint8_t { Plain, Task, Dag, Group } k = K::Plain;
  TSNode def{};        // function_definition
  TSNode decorator{};  // the decorator expression (call or name)
  std::string name;
  std::string op = "@task";  // @task, @task.bash, ...
  int calls = 0;             // TaskFlow: how many tasks it made per DAG (id suffixes)
  std::map<int, int> calls_by_dag;
  bool running = false;      // recursion guard
};

struct Group {
  std::string id;  // full id, prefixed by enclosing groups
  int dag = -1;
  bool prefix_ids = true;
  std::vector<int> members;  // tasks, nested groups included
};

class DagWalker {
 public:
  DagWalker(std::string_view src, const std::string& rel_path, ValueSource& values);
  DagFile run(TSNode root);

  struct Ctx {
    int dag = -1;
    std::vector<int> groups;  // enclosing TaskGroups, innermost last
    Bindings bind;
    TSNode block{};
    int depth = 0;
    int call_depth = 0;
    Value* ret = nullptr;  // where a factory's `return` goes
  };

 private:
  // statements (dag_walker.cpp)
  void exec_block(TSNode block, Ctx& c);
  void exec_stmt(TSNode s, Ctx& c);
  void exec_with(TSNode s, Ctx& c);
  void exec_for(TSNode s, Ctx& c);
  void define_function(TSNode def, TSNode decorated, Ctx& c);
  void bind(TSNode target, const Value& v, Ctx& c);
  void record_import(TSNode s);
  Value lookup(std::string_view name) const;

  // expressions (dag_walker.cpp)
  Value eval(TSNode n, Ctx& c);
  Value eval_call(TSNode call, Ctx& c);
  Value call_function(int fn, TSNode call, const CallArgs& args, Ctx& c, const std::string& id_override);
  Value run_dag_function(int fn, TSNode call, Ctx& c);
  Value run_group_function(int fn, TSNode call, const CallArgs& args, Ctx& c);
  Value run_plain_function(int fn, const CallArgs& args, Ctx& c);

  // edges (edges.cpp)
  void connect(const Value& up, const Value& down, TSNode at);
  void chain(const std::vector<Value>& items, TSNode at, bool linear);
  std::vector<int> endpoints(const Value& v, bool upstream_side) const;
  void add_edge(int up, int down, TSNode at);

  // DAGs and groups (dag_attributes.cpp)
  int new_dag(TSNode call, const CallArgs& args, Ctx& c, const std::string& default_id);
  void apply_default_args(DagRecord& d, TSNode expr, Ctx& c, int depth);
  void apply_dict_keys(DagRecord& d, TSNode dict, TSNode block, Ctx& c, int depth);
  void set_schedule(DagRecord& d, TSNode expr, Ctx& c);
  std::vector<std::string> dataset_uris(TSNode expr, Ctx& c, int depth);
  int new_group(TSNode call, const CallArgs& args, Ctx& c, const std::string& default_id);
  void export_default_args(TSNode root);

  // tasks (operators.cpp)
  bool is_operator_call(TSNode call, const CallArgs& args) const;
  Value new_operator_task(TSNode call, TSNode op_call, const CallArgs& args, Ctx& c);
  int new_task(TSNode at, const std::string& op, const std::string& task_id, int dag_hint, Ctx& c,
               bool taskflow);
  // Fills tasks[task] from the operator's arguments. Evaluates strings only:
  // no task is created meanwhile, so references into tasks stay valid.
  void describe_operator(int task, const std::string& op, const CallArgs& args, TSNode call, Ctx& c);
  void describe_databricks(int task, TSNode spec, Ctx& c, int depth);
  void describe_cluster(int task, TSNode cluster, Ctx& c);
  void inline_sql(int task, const std::string& op, TSNode sql, Ctx& c);
  void link_callable(TaskRecord& t, TSNode callable, Ctx& c);
  void xcom_dependencies(int task, const CallArgs& args, Ctx& c, bool all_args);

  // helpers
  std::optional<std::vector<std::string>> range_values(TSNode n, Ctx& c);
  std::string id_of(TSNode n, Ctx& c);
  std::string str(TSNode n, const Ctx& c);  // known text, holes as {name}
  NameTemplate tmpl(TSNode n, const Ctx& c);
  std::pair<uint32_t, uint32_t> pos(TSNode n) const;
  uint32_t line_of(uint32_t byte) const { return index_.position(byte).first; }
  TSNode resolve_dict(TSNode expr, Ctx& c, TSNode* block_out);
  std::string_view text(TSNode n) const { return text_of(n, src_); }

  std::string_view src_;
  std::string rel_path_;
  ValueSource& values_;
  LineIndex index_;
  DagFile out_;
  std::vector<int> task_dag_;
  std::vector<int> cluster_task_;  // clusters[i] belongs to this task
  std::vector<std::string> task_base_id_;
  std::vector<Group> groups_;
  std::vector<FuncDef> funcs_;
  std::vector<std::unordered_map<std::string, Value>> frames_{1};
  std::unordered_map<std::string, TSNode> module_defs_;  // function name -> function_definition
  std::set<std::pair<int, int>> edge_set_;
  std::vector<std::pair<std::pair<int, int>, uint32_t>> edges_;  // (up, down), byte offset
  std::map<std::pair<int, std::string>, int> task_by_id_;        // (dag, task_id) -> task
  std::set<std::pair<int, std::string>> group_ids_;              // (dag, group id) in use
  size_t steps_ = 0;                                            // work bound
};

// helpers implemented in their own files
std::string classify_schedule(std::string_view text, bool is_string_literal);
// Script a shell command runs: spark-submit/python[3] <file.py> (python -m a.b -> a/b.py).
std::string script_in_bash(std::string_view command);
// Module files `from <module> import x` may denote, relative to the repository root.
std::vector<std::string> module_candidates(const std::string& rel_path, std::string_view module, int level);

}  // namespace pipelint::airflow

#include "parsers/airflow/dag_walker.h"

#include <algorithm>

namespace pipelint::airflow {

namespace {
constexpr int kMaxDepth = 200;          // nesting of statements/expressions we follow
constexpr int kMaxCallDepth = 4;        // task factories calling factories
constexpr size_t kMaxLoopItems = 64;    // elements of one loop
constexpr size_t kMaxSteps = 2000000;   // statements + expressions per file
}  // namespace

DagWalker::DagWalker(std::string_view src, const std::string& rel_path, ValueSource& values)
    : src_(src), rel_path_(rel_path), values_(values), index_(src) {}

DagFile DagWalker::run(TSNode root) {
  uint32_t n = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode s = ts_node_named_child(root, i);
    if (is(s, "function_definition")) module_defs_.emplace(std::string(text(child(s, "name"))), s);
    if (is(s, "decorated_definition")) {
      TSNode d = child(s, "definition");
      if (is(d, "function_definition")) module_defs_.emplace(std::string(text(child(d, "name"))), d);
    }
  }
  Ctx c;
  exec_block(root, c);
  export_default_args(root);

  // Tasks created outside any DAG context belong to the file's only DAG, if
  // it has exactly one; otherwise they are dropped (never invented).
  auto& orch = out_.orchestration;
  int only = orch.dags.size() == 1 ? 0 : -1;
  std::vector<int> keep(orch.tasks.size(), -1);
  std::vector<TaskRecord> tasks;
  for (size_t i = 0; i < orch.tasks.size(); ++i) {
    int d = task_dag_[i] >= 0 ? task_dag_[i] : only;
    if (d < 0) continue;
    orch.tasks[i].dag_id = orch.dags[d].dag_id;
    keep[i] = static_cast<int>(tasks.size());
    tasks.push_back(std::move(orch.tasks[i]));
  }
  for (const auto& [e, off] : edges_) {
    int a = keep[e.first], b = keep[e.second];
    if (a < 0 || b < 0 || tasks[a].dag_id != tasks[b].dag_id) continue;
    EdgeRecord r;
    std::tie(r.line, r.col) = index_.position(off);
    r.dag_id = tasks[a].dag_id;
    r.upstream = tasks[a].task_id;
    r.downstream = tasks[b].task_id;
    orch.edges.push_back(std::move(r));
  }
  std::vector<ClusterRecord> clusters;
  for (size_t i = 0; i < orch.clusters.size(); ++i) {
    int t = keep[cluster_task_[i]];
    if (t < 0) continue;
    orch.clusters[i].dag_id = tasks[t].dag_id;
    orch.clusters[i].key = tasks[t].task_id;
    clusters.push_back(std::move(orch.clusters[i]));
  }
  orch.clusters = std::move(clusters);
  orch.tasks = std::move(tasks);
  return std::move(out_);
}

std::pair<uint32_t, uint32_t> DagWalker::pos(TSNode n) const { return index_.position(ts_node_start_byte(n)); }

NameTemplate DagWalker::tmpl(TSNode n, const Ctx& c) { return values_.string_at(n, c.block, c.bind); }

std::string DagWalker::str(TSNode n, const Ctx& c) {
  if (ts_node_is_null(n)) return "";
  return tmpl(n, c).placeholder_text();
}

Value DagWalker::lookup(std::string_view name) const {
  std::string key(name);
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    auto f = it->find(key);
    if (f != it->end()) return f->second;
  }
  return {};
}

void DagWalker::bind(TSNode target, const Value& v, Ctx& c) {
  if (is(target, "identifier")) {
    frames_.back()[std::string(text(target))] = v;
    return;
  }
  if (is(target, "pattern_list") || is(target, "tuple_pattern") || is(target, "list_pattern") ||
      is(target, "tuple") || is(target, "list")) {
    uint32_t n = ts_node_named_child_count(target);
    for (uint32_t i = 0; i < n && i < 64; ++i) {
      Value item;
      if (v.k == Value::K::List && i < v.items.size()) item = v.items[i];
      bind(ts_node_named_child(target, i), item, c);
    }
  }
}

void DagWalker::exec_block(TSNode block, Ctx& c) {
  if (c.depth > kMaxDepth) return;
  TSNode saved = c.block;
  if (is(block, "block")) c.block = block;
  ++c.depth;
  uint32_t n = ts_node_named_child_count(block);
  for (uint32_t i = 0; i < n; ++i) exec_stmt(ts_node_named_child(block, i), c);
  --c.depth;
  c.block = saved;
}

void DagWalker::exec_stmt(TSNode s, Ctx& c) {
  if (++steps_ > kMaxSteps || c.depth > kMaxDepth) return;
  if (is(s, "expression_statement")) {
    uint32_t n = ts_node_named_child_count(s);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode e = ts_node_named_child(s, i);
      if (is(e, "assignment")) {
        TSNode right = child(e, "right");
        Value v = ts_node_is_null(right) ? Value{} : eval(right, c);
        // a = b = Op(...): every target
        TSNode left = child(e, "left");
        bind(left, v, c);
        int guard = 0;
        while (is(right, "assignment") && guard++ < 64) {
          bind(child(right, "left"), v, c);
          right = child(right, "right");
        }
      } else {
        eval(e, c);
      }
    }
  } else if (is(s, "with_statement")) {
    exec_with(s, c);
  } else if (is(s, "for_statement")) {
    exec_for(s, c);
  } else if (is(s, "if_statement")) {
    // Both branches: a DAG file's branches usually build the same tasks
    // (deduplicated by task id) for different environments.
    exec_block(child(s, "consequence"), c);
    uint32_t n = ts_node_named_child_count(s);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode k = ts_node_named_child(s, i);
      if (is(k, "elif_clause")) exec_block(child(k, "consequence"), c);
      if (is(k, "else_clause")) exec_block(child(k, "body"), c);
    }
  } else if (is(s, "try_statement")) {
    exec_block(child(s, "body"), c);
    uint32_t n = ts_node_named_child_count(s);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode k = ts_node_named_child(s, i);
      if (is(k, "else_clause") || is(k, "finally_clause")) {
        uint32_t m = ts_node_named_child_count(k);
        for (uint32_t j = 0; j < m; ++j)
          if (is(ts_node_named_child(k, j), "block")) exec_block(ts_node_named_child(k, j), c);
      }
    }
  } else if (is(s, "function_definition")) {
    define_function(s, TSNode{}, c);
  } else if (is(s, "decorated_definition")) {
    TSNode d = child(s, "definition");
    if (is(d, "function_definition")) define_function(d, s, c);
  } else if (is(s, "return_statement")) {
    if (c.ret && ts_node_named_child_count(s) > 0) *c.ret = eval(ts_node_named_child(s, 0), c);
  } else if (is(s, "import_from_statement")) {
    if (c.depth <= 1) record_import(s);
  }
}

void DagWalker::exec_with(TSNode s, Ctx& c) {
  Ctx inner = c;
  TSNode clause{};
  uint32_t n = ts_node_named_child_count(s);
  for (uint32_t i = 0; i < n; ++i)
    if (is(ts_node_named_child(s, i), "with_clause")) clause = ts_node_named_child(s, i);
  uint32_t items = ts_node_is_null(clause) ? 0 : ts_node_named_child_count(clause);
  for (uint32_t i = 0; i < items; ++i) {
    TSNode item = ts_node_named_child(clause, i);
    TSNode v = child(item, "value");
    TSNode alias{};
    if (is(v, "as_pattern")) {
      alias = child(v, "alias");
      if (ts_node_named_child_count(v) > 0) v = ts_node_named_child(v, 0);
    }
    Value val = eval(v, inner);
    if (val.k == Value::K::Dag) inner.dag = val.ref;
    if (val.k == Value::K::Group) inner.groups.push_back(val.ref);
    if (!ts_node_is_null(alias)) {
      TSNode target = is(alias, "as_pattern_target") && ts_node_named_child_count(alias) > 0
                          ? ts_node_named_child(alias, 0)
                          : alias;
      bind(target, val, inner);
    }
  }
  exec_block(child(s, "body"), inner);
}

void DagWalker::exec_for(TSNode s, Ctx& c) {
  TSNode left = child(s, "left"), right = child(s, "right"), body = child(s, "body");
  // A loop over tasks: `for t in [a, b]: start >> t`.
  Value it = eval(right, c);
  if (it.k == Value::K::List && std::any_of(it.items.begin(), it.items.end(), [](const Value& v) {
        return v.k == Value::K::Tasks || v.k == Value::K::Group;
      })) {
    for (size_t i = 0; i < it.items.size() && i < kMaxLoopItems; ++i) {
      bind(left, it.items[i], c);
      exec_block(body, c);
    }
    return;
  }
  auto elems = values_.list_at(right, c.block, c.bind);
  if (!elems) elems = range_values(right, c);
  if (!elems || elems->empty() || !is(left, "identifier")) {
    // Unknown iterable: one pass; ids depending on the variable keep a {hole}.
    bind(left, Value{}, c);
    exec_block(body, c);
    return;
  }
  std::string var(text(left));
  for (size_t i = 0; i < elems->size() && i < kMaxLoopItems; ++i) {
    Ctx inner = c;
    inner.bind.emplace_back(var, (*elems)[i]);
    bind(left, Value{}, inner);
    exec_block(body, inner);
  }
}

void DagWalker::record_import(TSNode s) {
  TSNode mod = child(s, "module_name");
  std::string module;
  int level = 0;
  if (is(mod, "relative_import")) {
    uint32_t n = ts_node_child_count(mod);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode k = ts_node_child(mod, i);
      if (is(k, "import_prefix"))
        for (char ch : text(k)) level += ch == '.';
      else if (is(k, "dotted_name"))
        module = std::string(text(k));
    }
  } else {
    module = std::string(text(mod));
  }
  if (module.rfind("airflow", 0) == 0) return;
  std::string files;
  for (const auto& f : module_candidates(rel_path_, module, level)) files += (files.empty() ? "" : ";") + f;
  uint32_t n = ts_node_named_child_count(s);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode item = ts_node_named_child(s, i);
    if (ts_node_eq(item, mod)) continue;
    Value v;
    v.k = Value::K::Import;
    v.module = files;
    if (is(item, "aliased_import")) {
      v.name = std::string(text(child(item, "name")));
      frames_.front()[std::string(text(child(item, "alias")))] = v;
    } else if (is(item, "dotted_name")) {
      v.name = std::string(text(item));
      frames_.front()[v.name] = v;
    }
  }
}

void DagWalker::define_function(TSNode def, TSNode decorated, Ctx& c) {
  (void)c;
  FuncDef f;
  f.def = def;
  f.name = std::string(text(child(def, "name")));
  uint32_t n = ts_node_is_null(decorated) ? 0 : ts_node_named_child_count(decorated);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode d = ts_node_named_child(decorated, i);
    if (!is(d, "decorator") || ts_node_named_child_count(d) == 0) continue;
    TSNode e = ts_node_named_child(d, 0);
    TSNode callee = is(e, "call") ? child(e, "function") : e;
    std::string_view name = text(callee);
    // @task, @task(...), @task.bash, @task.pyspark(...), @dag, @task_group; also airflow.decorators.task
    size_t dot = name.rfind('.');
    std::string_view last = dot == std::string_view::npos ? name : name.substr(dot + 1);
    std::string_view head = name.substr(0, name.find('.'));
    if (name.rfind("task.", 0) == 0 || name.find(".task.") != std::string_view::npos) {
      f.k = FuncDef::K::Task;
      f.op = "@task." + std::string(last);
      f.decorator = e;
    } else if (last == "task") {
      f.k = FuncDef::K::Task;
      f.decorator = e;
    } else if (last == "dag") {
      f.k = FuncDef::K::Dag;
      f.decorator = e;
    } else if (last == "task_group") {
      f.k = FuncDef::K::Group;
      f.decorator = e;
    }
    (void)head;
  }
  int idx = static_cast<int>(funcs_.size());
  funcs_.push_back(std::move(f));
  Value v;
  v.k = Value::K::Func;
  v.ref = idx;
  frames_.back()[funcs_[idx].name] = v;
}

Value DagWalker::eval(TSNode n, Ctx& c) {
  if (ts_node_is_null(n) || ++steps_ > kMaxSteps || c.depth > kMaxDepth) return {};
  ++c.depth;
  Value out;
  if (is(n, "call")) {
    out = eval_call(n, c);
  } else if (is(n, "identifier")) {
    out = lookup(text(n));
  } else if (is(n, "binary_operator")) {
    std::string_view op = text(child(n, "operator"));
    Value l = eval(child(n, "left"), c);
    Value r = eval(child(n, "right"), c);
    // a >> Label("x") >> b: the label passes the left operand through
    if (r.k == Value::K::Label) {
      out = l;
    } else if (op == ">>") {
      connect(l, r, n);
      out = r;
    } else if (op == "<<") {
      connect(r, l, n);
      out = r;
    }
  } else if (is(n, "list") || is(n, "tuple") || is(n, "expression_list")) {
    out.k = Value::K::List;
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k && i < 512; ++i) {
      TSNode e = ts_node_named_child(n, i);
      if (is(e, "comment")) continue;
      out.items.push_back(eval(e, c));
    }
  } else if (is(n, "parenthesized_expression")) {
    if (ts_node_named_child_count(n) > 0) out = eval(ts_node_named_child(n, 0), c);
  } else if (is(n, "attribute")) {
    // op.output is an XComArg: passing it makes a dependency.
    std::string_view attr = text(child(n, "attribute"));
    Value obj = eval(child(n, "object"), c);
    if (attr == "output" && obj.k == Value::K::Tasks) {
      out = obj;
      out.xcom = true;
    }
  } else if (is(n, "subscript")) {
    Value obj = eval(child(n, "value"), c);
    if (obj.k == Value::K::Tasks && obj.xcom) out = obj;
    if (obj.k == Value::K::List) {
      TSNode sub = child(n, "subscript");
      if (is(sub, "integer")) {
        long i = std::strtol(std::string(text(sub)).c_str(), nullptr, 10);
        if (i < 0) i += static_cast<long>(obj.items.size());
        if (i >= 0 && static_cast<size_t>(i) < obj.items.size()) out = obj.items[static_cast<size_t>(i)];
      }
    }
  } else if (is(n, "dictionary")) {
    out.k = Value::K::Dict;
    out.node = n;
    out.block = c.block;
  } else if (is(n, "list_comprehension")) {
    // [Op(task_id=f"x_{t}") for t in LIST]
    TSNode body = child(n, "body");
    TSNode clause{};
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i)
      if (is(ts_node_named_child(n, i), "for_in_clause")) clause = ts_node_named_child(n, i);
    out.k = Value::K::List;
    TSNode left = child(clause, "left");
    auto elems = ts_node_is_null(clause) ? std::nullopt : values_.list_at(child(clause, "right"), c.block, c.bind);
    if (!elems && !ts_node_is_null(clause)) elems = range_values(child(clause, "right"), c);
    if (elems && is(left, "identifier")) {
      for (size_t i = 0; i < elems->size() && i < kMaxLoopItems; ++i) {
        Ctx inner = c;
        inner.bind.emplace_back(std::string(text(left)), (*elems)[i]);
        out.items.push_back(eval(body, inner));
      }
    } else {
      Value it = ts_node_is_null(clause) ? Value{} : eval(child(clause, "right"), c);
      if (it.k == Value::K::List && is(left, "identifier")) {
        for (size_t i = 0; i < it.items.size() && i < kMaxLoopItems; ++i) {
          frames_.back()[std::string(text(left))] = it.items[i];
          out.items.push_back(eval(body, c));
        }
      }
    }
  } else if (is(n, "await") || is(n, "not_operator")) {
    if (ts_node_named_child_count(n) > 0) out = eval(ts_node_named_child(n, 0), c);
  }
  --c.depth;
  return out;
}

namespace {

bool is_dag_class(std::string_view name) { return name == "DAG"; }
bool is_group_class(std::string_view name) { return name == "TaskGroup"; }

}  // namespace

Value DagWalker::eval_call(TSNode call, Ctx& c) {
  TSNode fn = child(call, "function");
  std::string_view name = callee_name(call, src_);
  CallArgs args = call_args(call, src_);

  if (is_dag_class(name)) {
    Value v;
    v.k = Value::K::Dag;
    v.ref = new_dag(call, args, c, "");
    return v;
  }
  if (name == "Label" && !args.has("task_id")) {
    Value v;
    v.k = Value::K::Label;
    return v;
  }
  if (is_group_class(name)) {
    Value v;
    v.k = Value::K::Group;
    v.ref = new_group(call, args, c, "");
    return v;
  }
  if (name == "chain" || name == "chain_linear" || name == "cross_downstream") {
    std::vector<Value> items;
    for (TSNode a : args.pos) items.push_back(eval(a, c));
    // chain(*tasks): a starred list
    TSNode al = child(call, "arguments");
    uint32_t k = ts_node_is_null(al) ? 0 : ts_node_named_child_count(al);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode a = ts_node_named_child(al, i);
      if (is(a, "list_splat") && ts_node_named_child_count(a) > 0) {
        Value v = eval(ts_node_named_child(a, 0), c);
        if (v.k == Value::K::List)
          for (auto& e : v.items) items.push_back(e);
      }
    }
    if (name == "cross_downstream") {
      if (items.size() == 2) connect(items[0], items[1], call);
    } else {
      chain(items, call, name == "chain_linear");
    }
    return {};
  }
  if (is(fn, "attribute")) {
    std::string_view method = text(child(fn, "attribute"));
    TSNode obj = child(fn, "object");
    if (method == "set_downstream" || method == "set_upstream") {
      Value self = eval(obj, c);
      Value other = args.pos.empty() ? Value{} : eval(args.pos[0], c);
      if (method == "set_downstream") connect(self, other, call);
      else connect(other, self, call);
      return {};
    }
    // fn.override(task_id=...)(args), fn.partial(...).expand(...), Op.partial(...).expand(...)
    if (method == "expand" || method == "expand_kwargs" || method == "partial") {
      // Find the base: Op / fn possibly wrapped in .partial(...) and .override(...)
      TSNode base = fn;
      std::vector<TSNode> calls{call};
      while (is(base, "attribute")) {
        TSNode o = child(base, "object");
        if (is(o, "call")) {
          calls.push_back(o);
          base = child(o, "function");
        } else {
          base = o;
          break;
        }
      }
      Value target = is(base, "identifier") ? lookup(text(base)) : Value{};
      CallArgs merged;
      for (TSNode k : calls) {
        CallArgs a = call_args(k, src_);
        for (auto& kv : a.kw) merged.kw.push_back(kv);
        for (auto& p : a.pos) merged.pos.push_back(p);
      }
      if (target.k == Value::K::Func && funcs_[target.ref].k == FuncDef::K::Task) {
        std::string id;
        TSNode t = merged.kwarg("task_id");
        if (!ts_node_is_null(t)) id = str(t, c);
        return call_function(target.ref, call, merged, c, id);
      }
      std::string_view base_name = is(base, "identifier") ? text(base) : std::string_view{};
      if (!base_name.empty() && base_name.front() >= 'A' && base_name.front() <= 'Z' && merged.has("task_id"))
        return new_operator_task(call, call, merged, c);
    }
    if (method == "override" && is(obj, "identifier")) {
      // fn.override(task_id=...) is a decorated function; the call that follows makes the task
      Value target = lookup(text(obj));
      return target;
    }
  }
  // f.override(task_id="x")(args)
  if (is(fn, "call")) {
    TSNode inner_fn = child(fn, "function");
    if (is(inner_fn, "attribute") && text(child(inner_fn, "attribute")) == "override") {
      Value target = eval(child(inner_fn, "object"), c);
      if (target.k == Value::K::Func) {
        CallArgs o = call_args(fn, src_);
        std::string id = ts_node_is_null(o.kwarg("task_id")) ? "" : str(o.kwarg("task_id"), c);
        return call_function(target.ref, call, args, c, id);
      }
    }
  }
  if (is(fn, "identifier")) {
    Value target = lookup(name);
    if (target.k == Value::K::Func) return call_function(target.ref, call, args, c, "");
  }
  if (is_operator_call(call, args)) return new_operator_task(call, call, args, c);
  // Anything else: its arguments may still build tasks (print(BashOperator(...)) is rare,
  // but dict(...)/list(...) wrapping task lists is not).
  if (name == "dict") {
    Value v;
    v.k = Value::K::Dict;
    v.node = call;
    v.block = c.block;
    return v;
  }
  if (name == "list" || name == "tuple") return args.pos.empty() ? Value{} : eval(args.pos[0], c);
  for (TSNode a : args.pos) eval(a, c);
  return {};
}

Value DagWalker::call_function(int fn, TSNode call, const CallArgs& args, Ctx& c, const std::string& id_override) {
  FuncDef& f = funcs_[fn];
  switch (f.k) {
    case FuncDef::K::Dag: return run_dag_function(fn, call, c);
    case FuncDef::K::Group: return run_group_function(fn, call, args, c);
    case FuncDef::K::Plain: return run_plain_function(fn, args, c);
    case FuncDef::K::Task: break;
  }
  // A TaskFlow call: one task per call, ids suffixed __1, __2 ... as Airflow does.
  std::string base = id_override;
  CallArgs deco;
  if (is(f.decorator, "call")) deco = call_args(f.decorator, src_);
  if (base.empty() && !ts_node_is_null(deco.kwarg("task_id"))) base = str(deco.kwarg("task_id"), c);
  if (base.empty()) base = f.name;
  int task = new_task(call, f.op, base, -1, c, true);
  if (task < 0) return {};
  TaskRecord& t = out_.orchestration.tasks[task];
  t.callable = f.name;
  t.code_begin = line_of(ts_node_start_byte(f.def));
  t.code_end = line_of(ts_node_end_byte(f.def));
  if (f.op == "@task.bash") {
    // the function returns the command
    TSNode body = child(f.def, "body");
    uint32_t k = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode s = ts_node_named_child(body, i);
      if (is(s, "return_statement") && ts_node_named_child_count(s) > 0) {
        std::string script = script_in_bash(str(ts_node_named_child(s, 0), c));
        if (!script.empty()) t.script = NameTemplate::literal(script);
      }
    }
  }
  // outlets/inlets on the decorator
  for (const char* key : {"outlets", "inlets"}) {
    TSNode v = deco.kwarg(key);
    if (ts_node_is_null(v)) continue;
    auto uris = dataset_uris(v, c, 0);
    auto& dst = std::string_view(key) == "outlets" ? t.outlets : t.inlets;
    dst.insert(dst.end(), uris.begin(), uris.end());
  }
  xcom_dependencies(task, args, c, false);
  return Value::of_tasks({task}, true);
}

Value DagWalker::run_dag_function(int fn, TSNode call, Ctx& c) {
  FuncDef& f = funcs_[fn];
  if (f.running) return {};
  CallArgs deco;
  TSNode at = f.def;
  if (is(f.decorator, "call")) {
    deco = call_args(f.decorator, src_);
    at = f.decorator;
  }
  (void)call;
  Ctx inner;
  inner.block = child(f.def, "body");
  inner.dag = new_dag(at, deco, inner, f.name);
  inner.call_depth = c.call_depth + 1;
  f.running = true;
  frames_.emplace_back();
  exec_block(child(f.def, "body"), inner);
  frames_.pop_back();
  f.running = false;
  Value v;
  v.k = Value::K::Dag;
  v.ref = inner.dag;
  return v;
}

Value DagWalker::run_group_function(int fn, TSNode call, const CallArgs& args, Ctx& c) {
  FuncDef& f = funcs_[fn];
  if (f.running || c.call_depth >= kMaxCallDepth) return {};
  CallArgs deco;
  if (is(f.decorator, "call")) deco = call_args(f.decorator, src_);
  Ctx inner = c;
  int g = new_group(is(f.decorator, "call") ? f.decorator : call, deco, c, f.name);
  inner.groups.push_back(g);
  inner.call_depth = c.call_depth + 1;
  inner.ret = nullptr;
  f.running = true;
  frames_.emplace_back();
  // parameters that receive XComArgs: tasks inside depend on them through their own calls
  TSNode params = child(f.def, "parameters");
  uint32_t np = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
  for (uint32_t i = 0; i < np && i < args.pos.size(); ++i) {
    TSNode p = ts_node_named_child(params, i);
    if (is(p, "identifier")) frames_.back()[std::string(text(p))] = eval(args.pos[i], c);
  }
  Value ret;
  inner.ret = &ret;
  exec_block(child(f.def, "body"), inner);
  frames_.pop_back();
  f.running = false;
  Value v;
  v.k = Value::K::Group;
  v.ref = g;
  return v;
}

// A plain function called while building a DAG: a task factory or a DAG
// factory. Its string parameters are bound to the call's known arguments.
Value DagWalker::run_plain_function(int fn, const CallArgs& args, Ctx& c) {
  FuncDef& f = funcs_[fn];
  if (f.running || c.call_depth >= kMaxCallDepth) {
    for (TSNode a : args.pos) eval(a, c);
    return {};
  }
  Ctx inner = c;
  inner.call_depth = c.call_depth + 1;
  inner.bind.clear();
  std::unordered_map<std::string, Value> frame;
  TSNode params = child(f.def, "parameters");
  uint32_t np = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
  size_t pos_i = 0;
  for (uint32_t i = 0; i < np; ++i) {
    TSNode p = ts_node_named_child(params, i);
    TSNode pname = p, pdef{};
    if (is(p, "default_parameter") || is(p, "typed_default_parameter")) {
      pname = child(p, "name");
      pdef = child(p, "value");
    } else if (is(p, "typed_parameter")) {
      pname = ts_node_named_child(p, 0);
    } else if (!is(p, "identifier")) {
      continue;
    }
    std::string pn(text(pname));
    TSNode arg = args.kwarg(pn);
    if (ts_node_is_null(arg) && pos_i < args.pos.size()) arg = args.pos[pos_i];
    ++pos_i;
    if (ts_node_is_null(arg)) arg = pdef;
    if (ts_node_is_null(arg)) continue;
    Value v = eval(arg, c);
    if (v.k != Value::K::None) {
      frame[pn] = v;
      continue;
    }
    NameTemplate t = tmpl(arg, c);
    if (!t.has_holes() && !t.empty()) inner.bind.emplace_back(pn, t.placeholder_text());
  }
  f.running = true;
  frames_.push_back(std::move(frame));
  Value ret;
  inner.ret = &ret;
  exec_block(child(f.def, "body"), inner);
  frames_.pop_back();
  f.running = false;
  return ret;
}

}  // namespace pipelint::airflow

namespace pipelint::airflow {

// range(n), range(a, b), range(a, b, step) over known integers, as strings.
std::optional<std::vector<std::string>> DagWalker::range_values(TSNode n, Ctx& c) {
  if (!is(n, "call") || callee_name(n, src_) != "range" || !is(child(n, "function"), "identifier")) return std::nullopt;
  CallArgs a = call_args(n, src_);
  std::vector<long> v;
  for (TSNode p : a.pos) {
    std::string t = str(p, c);
    char* end = nullptr;
    long x = std::strtol(t.c_str(), &end, 10);
    if (t.empty() || *end) return std::nullopt;
    v.push_back(x);
  }
  long from = 0, to = 0, step = 1;
  if (v.size() == 1) to = v[0];
  else if (v.size() >= 2) from = v[0], to = v[1];
  if (v.size() == 3) step = v[2];
  if (v.empty() || v.size() > 3 || step == 0) return std::nullopt;
  std::vector<std::string> out;
  for (long i = from; (step > 0 ? i < to : i > to) && out.size() < 64; i += step) out.push_back(std::to_string(i));
  return out;
}

// A DAG or task id: `other_dag.dag_id` and `task.task_id` of known objects, else the string value.
std::string DagWalker::id_of(TSNode n, Ctx& c) {
  if (is(n, "attribute")) {
    std::string_view attr = text(child(n, "attribute"));
    Value obj = lookup(text(child(n, "object")));
    if (attr == "dag_id" && obj.k == Value::K::Dag && obj.ref >= 0) return out_.orchestration.dags[obj.ref].dag_id;
    if (attr == "task_id" && obj.k == Value::K::Tasks && obj.tasks.size() == 1)
      return out_.orchestration.tasks[obj.tasks[0]].task_id;
  }
  return str(n, c);
}

}  // namespace pipelint::airflow

// DAG and TaskGroup construction: dag_id, schedule, default_args, owner, tags,
// alerting, SLA, retries; default_args dicts exported for other DAG files.
#include <algorithm>

#include "parsers/airflow/dag_walker.h"

namespace pipelint::airflow {

namespace {

bool truthy(std::string_view v) { return v == "True" || v == "true" || v == "1"; }
bool is_none(TSNode n) { return is(n, "none"); }

}  // namespace

// The dict an expression denotes: a dictionary literal, dict(...), or a name bound to one.
TSNode DagWalker::resolve_dict(TSNode expr, Ctx& c, TSNode* block_out) {
  *block_out = c.block;
  if (is(expr, "dictionary")) return expr;
  if (is(expr, "call") && callee_name(expr, src_) == "dict") return expr;
  if (is(expr, "identifier")) {
    Value v = lookup(text(expr));
    if (v.k == Value::K::Dict) {
      *block_out = v.block;
      return v.node;
    }
  }
  return TSNode{};
}

void DagWalker::apply_dict_keys(DagRecord& d, TSNode dict, TSNode block, Ctx& c, int depth) {
  Ctx at = c;
  at.block = block;
  auto apply = [&](std::string_view key, TSNode value) {
    if (key == "owner") d.owner = str(value, at);
    else if (key == "on_failure_callback" && !is_none(value)) d.failure_alerting = true;
    else if (key == "email_on_failure" && truthy(text(value))) d.failure_alerting = true;
    else if (key == "sla" && !is_none(value)) d.has_sla = true;
    else if (key == "retries") d.retries = str(value, at);
  };
  if (is(dict, "call")) {
    CallArgs a = call_args(dict, src_);
    for (TSNode p : a.pos) apply_default_args(d, p, at, depth + 1);
    for (const auto& [k, v] : a.kw) apply(k, v);
    for (TSNode s : a.splats) apply_default_args(d, s, at, depth + 1);
    return;
  }
  uint32_t n = ts_node_named_child_count(dict);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode p = ts_node_named_child(dict, i);
    if (is(p, "dictionary_splat") && ts_node_named_child_count(p) > 0) {
      apply_default_args(d, ts_node_named_child(p, 0), at, depth + 1);
      continue;
    }
    if (!is(p, "pair")) continue;
    TSNode k = child(p, "key");
    if (!is(k, "string")) continue;
    std::string key = str(k, at);
    apply(key, child(p, "value"));
  }
}

void DagWalker::apply_default_args(DagRecord& d, TSNode expr, Ctx& c, int depth) {
  if (depth > 8 || ts_node_is_null(expr)) return;
  if (is(expr, "binary_operator") && text(child(expr, "operator")) == "|") {
    apply_default_args(d, child(expr, "left"), c, depth + 1);
    apply_default_args(d, child(expr, "right"), c, depth + 1);
    return;
  }
  if (is(expr, "identifier")) {
    Value v = lookup(text(expr));
    if (v.k == Value::K::Import) {
      // resolved by link_default_args; the DAG's own keys still apply over it
      d.default_args_files.clear();
      std::string_view files = v.module;
      size_t start = 0;
      while (start <= files.size()) {
        size_t semi = files.find(';', start);
        if (semi == std::string_view::npos) semi = files.size();
        if (semi > start) d.default_args_files.emplace_back(files.substr(start, semi - start));
        start = semi + 1;
      }
      d.default_args_name = v.name;
      return;
    }
  }
  TSNode block{};
  TSNode dict = resolve_dict(expr, c, &block);
  if (!ts_node_is_null(dict)) apply_dict_keys(d, dict, block, c, depth);
}

std::vector<std::string> DagWalker::dataset_uris(TSNode expr, Ctx& c, int depth) {
  std::vector<std::string> out;
  if (depth > 16 || ts_node_is_null(expr)) return out;
  if (is(expr, "call")) {
    std::string_view name = callee_name(expr, src_);
    CallArgs a = call_args(expr, src_);
    if (name == "Dataset" || name == "Asset" || name == "DatasetAlias" || name == "AssetAlias") {
      TSNode uri = a.pos.empty() ? a.kwarg(name == "Asset" ? "name" : "uri") : a.pos[0];
      if (ts_node_is_null(uri)) uri = a.kwarg("uri");
      if (!ts_node_is_null(uri)) out.push_back(str(uri, c));
      return out;
    }
    for (TSNode p : a.pos) {
      auto sub = dataset_uris(p, c, depth + 1);
      out.insert(out.end(), sub.begin(), sub.end());
    }
    return out;
  }
  if (is(expr, "list") || is(expr, "tuple") || is(expr, "set") || is(expr, "binary_operator") ||
      is(expr, "parenthesized_expression")) {
    uint32_t n = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < n; ++i) {
      auto sub = dataset_uris(ts_node_named_child(expr, i), c, depth + 1);
      out.insert(out.end(), sub.begin(), sub.end());
    }
    return out;
  }
  if (is(expr, "identifier")) {
    // a module-level NAME = Dataset("...")
    std::string name(text(expr));
    TSNode root = expr;
    while (!ts_node_is_null(ts_node_parent(root))) root = ts_node_parent(root);
    uint32_t n = ts_node_named_child_count(root);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode s = ts_node_named_child(root, i);
      if (!is(s, "expression_statement") || ts_node_named_child_count(s) == 0) continue;
      TSNode a = ts_node_named_child(s, 0);
      if (is(a, "assignment") && text(child(a, "left")) == name) return dataset_uris(child(a, "right"), c, depth + 1);
    }
  }
  return out;
}

void DagWalker::set_schedule(DagRecord& d, TSNode expr, Ctx& c) {
  if (ts_node_is_null(expr)) return;
  if (is(expr, "none")) {
    d.schedule_kind = "none";
    return;
  }
  auto uris = dataset_uris(expr, c, 0);
  if (!uris.empty()) {
    d.schedule_kind = "datasets";
    d.schedule_datasets = uris;
    d.schedule = "datasets";
    return;
  }
  if (is(expr, "call")) {
    std::string_view name = callee_name(expr, src_);
    d.schedule = std::string(text(expr));
    d.schedule_kind = name == "timedelta" || name == "relativedelta" ? "timedelta" : "unknown";
    return;
  }
  NameTemplate t = tmpl(expr, c);
  d.schedule = t.placeholder_text();
  d.schedule_kind = t.has_holes() ? "unknown" : classify_schedule(d.schedule, true);
}

int DagWalker::new_dag(TSNode call, const CallArgs& args, Ctx& c, const std::string& default_id) {
  DagRecord d;
  d.source = "airflow";
  std::tie(d.line, d.col) = pos(call);
  TSNode id = args.kwarg("dag_id");
  if (ts_node_is_null(id) && !args.pos.empty()) id = args.pos[0];
  d.dag_id = ts_node_is_null(id) ? default_id : str(id, c);
  d.schedule_kind = "unset";
  for (const char* key : {"schedule", "schedule_interval", "timetable", "schedule_on"}) {
    TSNode s = args.kwarg(key);
    if (!ts_node_is_null(s)) set_schedule(d, s, c);
  }
  for (TSNode s : args.splats) apply_default_args(d, s, c, 0);  // DAG(**common_kwargs)
  apply_default_args(d, args.kwarg("default_args"), c, 0);
  TSNode tags = args.kwarg("tags");
  if (!ts_node_is_null(tags)) {
    auto list = values_.list_at(tags, c.block, c.bind);
    if (list) d.tags = *list;
  }
  TSNode cb = args.kwarg("on_failure_callback");
  if (!ts_node_is_null(cb) && !is(cb, "none")) d.failure_alerting = true;
  TSNode sla = args.kwarg("sla_miss_callback");
  if (!ts_node_is_null(sla) && !is(sla, "none")) d.has_sla = true;
  if (args.has("owner")) d.owner = str(args.kwarg("owner"), c);
  out_.orchestration.dags.push_back(std::move(d));
  return static_cast<int>(out_.orchestration.dags.size()) - 1;
}

int DagWalker::new_group(TSNode call, const CallArgs& args, Ctx& c, const std::string& default_id) {
  Group g;
  TSNode id = args.kwarg("group_id");
  if (ts_node_is_null(id) && !args.pos.empty()) id = args.pos[0];
  std::string own = ts_node_is_null(id) ? default_id : str(id, c);
  TSNode prefix = args.kwarg("prefix_group_id");
  g.prefix_ids = !(is(prefix, "false"));
  g.dag = c.dag;
  TSNode dag = args.kwarg("dag");
  if (!ts_node_is_null(dag)) {
    Value v = eval(dag, c);
    if (v.k == Value::K::Dag) g.dag = v.ref;
  }
  // group ids are prefixed by their parents' ids when those prefix theirs
  std::string parent;
  if (!c.groups.empty()) {
    const Group& p = groups_[c.groups.back()];
    if (g.dag < 0) g.dag = p.dag;
    parent = p.id;
  }
  g.id = parent.empty() ? own : parent + "." + own;
  if (own.empty()) g.id = parent;
  // a @task_group function called again gets a suffixed id, as Airflow does
  std::string base = g.id;
  for (int k = 1; !g.id.empty() && group_ids_.count({g.dag, g.id}) && k < 10000; ++k) g.id = base + "__" + std::to_string(k);
  group_ids_.insert({g.dag, g.id});
  groups_.push_back(std::move(g));
  (void)call;
  return static_cast<int>(groups_.size()) - 1;
}

// Module-level dicts that look like default_args, for DAGs in other files.
void DagWalker::export_default_args(TSNode root) {
  uint32_t n = ts_node_named_child_count(root);
  Ctx c;
  for (uint32_t i = 0; i < n; ++i) {
    TSNode s = ts_node_named_child(root, i);
    if (!is(s, "expression_statement") || ts_node_named_child_count(s) == 0) continue;
    TSNode a = ts_node_named_child(s, 0);
    if (!is(a, "assignment") || !is(child(a, "left"), "identifier")) continue;
    TSNode right = child(a, "right");
    if (!is(right, "dictionary") && !(is(right, "call") && callee_name(right, src_) == "dict")) continue;
    std::string_view body = text(right);
    bool looks = body.find("owner") != std::string_view::npos || body.find("retries") != std::string_view::npos ||
                 body.find("on_failure_callback") != std::string_view::npos ||
                 body.find("email_on_failure") != std::string_view::npos;
    if (!looks) continue;
    DagRecord d;
    apply_dict_keys(d, right, TSNode{}, c, 0);
    DefaultArgsRecord r;
    r.name = std::string(text(child(a, "left")));
    r.owner = d.owner;
    r.retries = d.retries;
    r.failure_alerting = d.failure_alerting;
    r.has_sla = d.has_sla;
    out_.orchestration.default_args.push_back(std::move(r));
  }
}

}  // namespace pipelint::airflow

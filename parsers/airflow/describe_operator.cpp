// What an operator runs: scripts (spark-submit application, Databricks
// notebook/python file, bash command, SQL file), callables in the same file,
// inline SQL, clusters, sensors, triggers and Dataset/Asset outlets/inlets.
#include <algorithm>

#include "parsers/airflow/dag_walker.h"
#include "parsers/sql/sql_extractor.h"

namespace pipelint::airflow {

namespace {

bool is_sql_operator(std::string_view op) {
  return op.find("Sql") != std::string_view::npos || op.find("SQL") != std::string_view::npos ||
         op == "PostgresOperator" || op == "SnowflakeOperator" || op == "BigQueryExecuteQueryOperator";
}

bool is_python_operator(std::string_view op) {
  return op.find("Python") != std::string_view::npos || op == "ShortCircuitOperator";
}

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  size_t b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}


}  // namespace

void DagWalker::describe_databricks(int task, TSNode spec, Ctx& c, int depth) {
  if (depth > 6) return;
  TSNode block{};
  TSNode dict = resolve_dict(spec, c, &block);
  if (ts_node_is_null(dict)) return;
  Ctx at = c;
  at.block = block;
  auto visit = [&](const std::string& key, TSNode value) {
    TaskRecord& t = out_.orchestration.tasks[task];
    if (key == "notebook_path" || key == "python_file") {
      t.script = tmpl(value, at);
    } else if (key == "sql_task" || key == "file") {
      describe_databricks(task, value, at, depth + 1);
    } else if (key == "path" && t.script.empty()) {
      t.script = tmpl(value, at);
    } else if (key == "notebook_task" || key == "spark_python_task" || key == "json" || key == "task_config") {
      describe_databricks(task, value, at, depth + 1);
    } else if (key == "new_cluster") {
      describe_cluster(task, value, at);
    } else if (key == "job_name") {
      t.job_name = str(value, at);
    } else if (key == "tasks" && is(value, "list") && ts_node_named_child_count(value) > 0) {
      describe_databricks(task, ts_node_named_child(value, 0), at, depth + 1);
    }
  };
  if (is(dict, "call")) {
    CallArgs a = call_args(dict, src_);
    for (const auto& [k, v] : a.kw) visit(k, v);
    return;
  }
  uint32_t n = ts_node_named_child_count(dict);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode p = ts_node_named_child(dict, i);
    if (is(p, "pair")) visit(str(child(p, "key"), at), child(p, "value"));
  }
}

void DagWalker::inline_sql(int task, const std::string& op, TSNode sql, Ctx& c) {
  if (is(sql, "list") || is(sql, "tuple")) {
    uint32_t n = ts_node_named_child_count(sql);
    for (uint32_t i = 0; i < n && i < 64; ++i) inline_sql(task, op, ts_node_named_child(sql, i), c);
    return;
  }
  NameTemplate t = tmpl(sql, c);
  std::string rendered = trim(t.placeholder_text());
  TaskRecord& rec = out_.orchestration.tasks[task];
  if (std::string_view(rendered).ends_with(".sql") && rendered.find('\n') == std::string::npos) {
    rec.script = t;
    return;
  }
  uint32_t begin = ts_node_start_byte(sql), end = ts_node_end_byte(sql);
  if (rec.code_begin == 0 || line_of(begin) < rec.code_begin) rec.code_begin = line_of(begin);
  rec.code_end = std::max(rec.code_end, line_of(end));
  // Render with a map from rendered offsets back to source offsets.
  std::string text;
  std::vector<std::pair<size_t, int64_t>> starts;  // rendered start of each part, its source offset
  for (const auto& p : t.parts) {
    starts.emplace_back(text.size(), p.hole ? -1 : p.src_offset);
    text += p.hole ? "{" + p.text + "}" : p.text;
  }
  auto result = sql::extract(text);
  for (auto& a : result.accesses) {
    uint32_t at = begin;
    for (size_t k = starts.size(); k-- > 0;) {
      if (starts[k].first <= a.offset) {
        if (starts[k].second >= 0) {
          uint64_t off = static_cast<uint64_t>(starts[k].second) + (a.offset - starts[k].first);
          if (off >= begin && off < end) at = static_cast<uint32_t>(off);
        }
        break;
      }
    }
    AccessRecord r;
    std::tie(r.line, r.col) = index_.position(at);
    r.op = a.op;
    r.kind = a.kind;
    r.mode = a.mode;
    r.api = op + ":" + a.statement;
    r.name = std::move(a.name);
    out_.accesses.push_back(std::move(r));
  }
}

void DagWalker::describe_operator(int task, const std::string& op, const CallArgs& args, TSNode call, Ctx& c) {
  auto T = [&]() -> TaskRecord& { return out_.orchestration.tasks[task]; };
  (void)call;
  if (args.has("application")) T().script = tmpl(args.kwarg("application"), c);
  if (op.rfind("Databricks", 0) == 0) {
    for (const char* key : {"notebook_task", "spark_python_task", "json", "task_config", "sql_task"})
      if (args.has(key)) describe_databricks(task, args.kwarg(key), c, 0);
    if (args.has("notebook_path")) T().script = tmpl(args.kwarg("notebook_path"), c);
    if (args.has("new_cluster")) describe_cluster(task, args.kwarg("new_cluster"), c);
    if (args.has("job_name")) T().job_name = str(args.kwarg("job_name"), c);
  }
  if (args.has("bash_command")) {
    std::string script = script_in_bash(str(args.kwarg("bash_command"), c));
    if (!script.empty()) T().script = NameTemplate::literal(script);
  }
  if (is_python_operator(op) && args.has("python_callable")) link_callable(T(), args.kwarg("python_callable"), c);
  if (is_sql_operator(op) && args.has("sql")) inline_sql(task, op, args.kwarg("sql"), c);
  if (args.has("external_dag_id") && op.find("Sensor") != std::string::npos) {
    T().external_dag_id = id_of(args.kwarg("external_dag_id"), c);
    if (args.has("external_task_id")) T().external_task_id = id_of(args.kwarg("external_task_id"), c);
    T().has_execution_delta = args.has("execution_delta") || args.has("execution_date_fn");
  }
  if (args.has("trigger_dag_id")) T().trigger_dag_id = id_of(args.kwarg("trigger_dag_id"), c);
  for (const char* key : {"outlets", "inlets"}) {
    if (!args.has(key)) continue;
    auto uris = dataset_uris(args.kwarg(key), c, 0);
    auto& dst = std::string_view(key) == "outlets" ? T().outlets : T().inlets;
    dst.insert(dst.end(), uris.begin(), uris.end());
  }
}

}  // namespace pipelint::airflow

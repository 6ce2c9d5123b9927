// Plain records that parsers produce from a file's bytes. They know nothing of
// configuration or rules; the analyzer turns them into the model.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parsers/common/suppressions.h"

namespace pipelint {

enum class Op : uint8_t { Read, Write };
enum class Kind : uint8_t { Table, Path };

inline const char* to_string(Op op) { return op == Op::Read ? "read" : "write"; }
inline const char* to_string(Kind k) { return k == Kind::Table ? "table" : "path"; }

// Where a hole's value would come from when it is not known statically.
enum class HoleSource : uint8_t {
  Unknown,    // an expression we cannot evaluate ({?} when it has no name)
  Variable,   // a plain variable / attribute whose value is unknown
  Parameter,  // a function parameter (helpers are instantiated at call sites)
  Widget,     // dbutils.widgets.get("x")
  Env,        // os.environ.get / os.getenv
  SparkConf,  // spark.conf.get
  Template,   // ${x} / {x} in SQL or config text
};

// One part of a (possibly partly known) string value: either literal text or a
// named hole. A hole may carry the default given in code (widget default,
// getenv default, parameter default); namespace.variables from the config take
// precedence over it.
struct NamePart {
  std::string text;                 // literal text, or the hole's name ("?" if none)
  bool hole = false;
  HoleSource source = HoleSource::Unknown;
  std::optional<std::string> default_value;
  // Byte offset in the file of text[0] when this literal text maps 1:1 onto the
  // source (no escapes in between); -1 otherwise. Used to position names that
  // come out of SQL held in Python strings.
  int64_t src_offset = -1;

  bool operator==(const NamePart& o) const {
    return text == o.text && hole == o.hole && source == o.source &&
           default_value == o.default_value;
  }
};

// A string value as a sequence of literal text and holes ("{catalog}.silver_x.t").
struct NameTemplate {
  std::vector<NamePart> parts;

  static NameTemplate literal(std::string s, int64_t src_offset = -1) {
    NameTemplate t;
    t.parts.push_back(NamePart{std::move(s), false, HoleSource::Unknown, std::nullopt, src_offset});
    return t;
  }
  static NameTemplate hole(std::string name, HoleSource src = HoleSource::Unknown,
                           std::optional<std::string> def = std::nullopt) {
    NameTemplate t;
    t.parts.push_back(NamePart{name.empty() ? std::string("?") : std::move(name), true, src,
                               std::move(def), -1});
    return t;
  }
  bool empty() const { return parts.empty(); }
  bool has_holes() const {
    for (const auto& p : parts) if (p.hole) return true;
    return false;
  }
  // Text with holes rendered as {name} (defaults ignored): the parser's view.
  std::string placeholder_text() const {
    std::string out;
    for (const auto& p : parts) out += p.hole ? "{" + p.text + "}" : p.text;
    return out;
  }
  void append(const NameTemplate& o) {
    for (const auto& p : o.parts) {
      if (!p.hole && !parts.empty() && !parts.back().hole) {
        auto& last = parts.back();
        if (last.src_offset >= 0 && p.src_offset != last.src_offset + (int64_t)last.text.size())
          last.src_offset = -1;
        last.text += p.text;
      } else {
        parts.push_back(p);
      }
    }
  }
  bool operator==(const NameTemplate& o) const { return parts == o.parts; }
};

// One table (or storage path) access found in a file. line/col are 1-based;
// col counts Unicode code points from the start of the line. They point at the
// table-name literal or SQL identifier, or at the call's method name when the
// name comes from elsewhere (SPEC 2 and 7).
struct AccessRecord {
  uint32_t line = 0;
  uint32_t col = 0;
  Op op = Op::Read;
  Kind kind = Kind::Table;
  std::string mode;   // "" = null; append|overwrite|merge|create|replace|update|delete|truncate|drop|errorifexists
  std::string api;    // e.g. "saveAsTable", "spark.sql:MERGE", "sql:INSERT"
  NameTemplate name;
};

// A problem with the file itself (SYN001) or a note about something skipped.
struct Diagnostic {
  uint32_t line = 1;
  uint32_t col = 1;
  std::string rule;     // "SYN001", or "" for a plain note
  std::string message;
};

// Columns declared by CREATE TABLE t (col type, ...).
struct DeclaredColumns {
  uint32_t line = 0, col = 0;
  NameTemplate table;
  std::vector<std::pair<std::string, std::string>> columns;  // name, type
};

// ---- Orchestration (SPEC 2.4, 2.5): Airflow DAGs and bundle jobs -----------

// A DAG (Airflow) or a job (Databricks Asset Bundle). Bundle jobs use the job's
// name as dag_id.
struct DagRecord {
  uint32_t line = 0, col = 0;
  std::string dag_id;
  std::string source;         // "airflow" | "bundle"
  std::string schedule;       // as written: "0 3 * * *", "@daily", "timedelta(hours=1)", ""
  std::string schedule_kind;  // cron | preset | timedelta | datasets | table_update | none | unknown
  std::vector<std::string> schedule_datasets;  // Dataset/Asset URIs (or tables) that trigger it
  std::string owner;          // DAG/default_args owner; bundle: the job's `team` tag
  std::vector<std::string> tags;
  bool failure_alerting = false;  // on_failure_callback, email_on_failure, bundle on_failure notifications
  bool has_sla = false;
  std::string retries;        // as written, "" if not set
  // default_args imported from another module of the repository, resolved by
  // airflow::link (candidate module files, tried in order, and the name there).
  std::vector<std::string> default_args_files;
  std::string default_args_name;
};

// A task of a DAG or bundle job, with what it runs.
struct TaskRecord {
  uint32_t line = 0, col = 0;
  std::string dag_id;
  std::string task_id;
  std::string op;             // operator class, "@task", or the bundle task type
  NameTemplate script;        // path of the code it runs, as written (empty: none)
  uint32_t code_begin = 0, code_end = 0;  // lines of this file it runs in place (callable, inline SQL)
  std::string callable;       // python_callable / @task function name
  std::string job_name;       // DatabricksRunNowOperator job_name: a bundle job
  std::string external_dag_id, external_task_id;  // ExternalTaskSensor
  bool has_execution_delta = false;               // execution_delta / execution_date_fn
  std::string trigger_dag_id;                     // TriggerDagRunOperator
  std::vector<std::string> outlets, inlets;       // Dataset/Asset URIs
};

// upstream >> downstream within one DAG (task ids).
struct EdgeRecord {
  uint32_t line = 0, col = 0;
  std::string dag_id, upstream, downstream;
};

// A cluster a DAG/job defines (new_cluster, job_clusters) with its custom tags.
struct ClusterRecord {
  uint32_t line = 0, col = 0;
  std::string dag_id;
  std::string key;            // job_cluster_key, or the task id for a task's new_cluster
  std::vector<std::pair<std::string, std::string>> tags;  // custom_tags (values as written)
};

// A module-level dict usable as default_args (exported for DAGs of other files).
struct DefaultArgsRecord {
  std::string name;
  std::string owner, retries;
  bool failure_alerting = false;
  bool has_sla = false;
};

struct Orchestration {
  std::vector<DagRecord> dags;
  std::vector<TaskRecord> tasks;
  std::vector<EdgeRecord> edges;
  std::vector<ClusterRecord> clusters;
  std::vector<DefaultArgsRecord> default_args;
  bool empty() const { return dags.empty() && tasks.empty() && default_args.empty(); }
};

// A column of a table that code references (SPEC 4: CTR003, CTR005, CTR009),
// on a DataFrame that comes straight from one read access (`.select("a")`,
// `col("a")`, `F.col`, `df["a"]`, `df.a`, `withColumnRenamed("a", ...)`) or in a
// SQL statement over that table (select list, join and filter conditions).
struct ColumnRef {
  uint32_t line = 0, col = 0;  // the column name literal or identifier (1-based, code points)
  uint32_t access = 0;         // index into FileRecords::accesses: the read it references
  std::string column;          // as written, without quotes or table qualifier
  // Python: select | col | item | attr | renamed | drop | group | order | dedupe | filter | join;
  // SQL: sql-select | sql-join | sql-where | sql-group (docs/columns.md)
  std::string how;
  // A direct projection into a written table (CTR009): the write access of this
  // file the column flows into unchanged (a select list of a DataFrame that is
  // written, INSERT ... SELECT, CREATE TABLE ... AS SELECT); -1 when none.
  int32_t into = -1;
  std::string as;              // name of the column in the target when aliased ("" = same)
};

// Everything extracted from one file, independent of configuration.
struct FileRecords {
  std::vector<AccessRecord> accesses;
  std::vector<DeclaredColumns> declared_columns;
  std::vector<ColumnRef> columns;  // column references of read tables (in source order)
  std::vector<Diagnostic> diagnostics;
  std::vector<Suppression> suppressions;  // `pipelint: ignore[...]` comments, filled by the driver
  Orchestration orchestration;  // DAGs, bundle jobs, their tasks and edges
};

}  // namespace pipelint

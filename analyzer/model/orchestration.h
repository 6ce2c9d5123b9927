// The orchestration side of the model (SPEC 2.4, 2.5): DAGs and bundle jobs,
// their tasks linked to the code they run, and the edges between tasks. Built
// from the files' Orchestration records after the table accesses.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "parsers/common/records.h"

namespace pipelint {

struct Model;

struct DagInfo {
  uint32_t file = 0;    // index into Model::files
  uint32_t record = 0;  // index into that file's orchestration.dags
  std::vector<uint32_t> tasks;
};

struct TaskInfo {
  uint32_t file = 0, record = 0;  // its TaskRecord
  uint32_t dag = 0;               // index into OrchestrationModel::dags
  int32_t script_file = -1;       // Model::files index of the code it runs, when analysed
  std::string script;             // that code's path relative to its repository ("" = none)
  std::string note;               // why a given path could not be linked ("" = fine)
  int32_t job_dag = -1;           // DatabricksRunNowOperator / run_job_task: the bundle job it runs
  std::vector<uint32_t> accesses;  // Model::accesses it performs (script, callable, inline SQL, job)
  std::vector<uint32_t> upstream, downstream;  // task indices, direct edges
};

struct EdgeInfo {
  uint32_t file = 0, record = 0;  // its EdgeRecord
  uint32_t dag = 0, up = 0, down = 0;
};

struct OrchestrationModel {
  std::vector<DagInfo> dags;
  std::vector<TaskInfo> tasks;
  std::vector<EdgeInfo> edges;

  const DagRecord& dag(const Model& m, uint32_t i) const;
  const TaskRecord& task(const Model& m, uint32_t i) const;
  const EdgeRecord& edge(const Model& m, uint32_t i) const;
  // DAGs with this dag_id (any file); several when two files define it.
  std::vector<uint32_t> dags_named(const Model& m, const std::string& dag_id) const;
  // Does task `to` run after task `from` (a path of edges from -> ... -> to)?
  bool runs_after(uint32_t to, uint32_t from) const;
};

// Links tasks to code and builds the DAG/task/edge tables. A task whose path
// cannot be linked gets a note (TaskInfo::note and a Diagnostic with an empty
// rule id on its file). Requires Model::accesses.
void build_orchestration(Model& m);

}  // namespace pipelint

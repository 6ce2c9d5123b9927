// Locations of orchestration records for findings (DAG, task, edge, cluster).
#pragma once
#include <string>

#include "analyzer/model/model.h"

namespace pipelint {

inline Location dag_location(const Model& m, uint32_t dag) {
  const auto& d = m.orch.dag(m, dag);
  return Location{m.files[m.orch.dags[dag].file].display_path, d.line, d.col, 0};
}

inline Location task_location(const Model& m, uint32_t task) {
  const auto& t = m.orch.task(m, task);
  return Location{m.files[m.orch.tasks[task].file].display_path, t.line, t.col, 0};
}

inline Location edge_location(const Model& m, uint32_t edge) {
  const auto& e = m.orch.edge(m, edge);
  return Location{m.files[m.orch.edges[edge].file].display_path, e.line, e.col, 0};
}

inline std::string task_name(const Model& m, uint32_t task) {
  const auto& t = m.orch.task(m, task);
  return t.dag_id + "." + t.task_id;
}

// Which configuration applies to a DAG's file (teams, rule options).
inline const Config& dag_config(const Model& m, uint32_t dag) { return *m.files[m.orch.dags[dag].file].config; }

}  // namespace pipelint

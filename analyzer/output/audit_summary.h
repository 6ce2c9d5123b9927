// summary.md of `pipelint audit` (docs/audit.md): totals, findings per team and
// per rule, tables per team by layer, cross-team reads (a pipeline of team A reads
// a table owned by team B) and the repositories left out. Deterministic: no times
// unless `timings` is given.
#pragma once
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/model/graph/platform_graph.h"
#include "analyzer/model/model.h"
#include "analyzer/output/report.h"

namespace pipelint {

struct AuditSummary {
  const Model& model;
  const PlatformGraph& graph;
  const Report& report;                     // the findings (suppressed ones are counted apart)
  std::vector<FileFailure> failed_repositories;
  size_t repositories = 0;                  // analysed
  std::vector<std::pair<std::string, double>> timings;  // phase, ms; empty = no section
};

void write_audit_summary(const AuditSummary& s, std::ostream& out);

}  // namespace pipelint

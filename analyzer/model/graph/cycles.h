// Cycles in the table graph (DEP001). A pipeline that reads A and writes B gives
// A → B; reading the table it writes (an incremental self-read: merge, overwrite,
// append) gives no self-loop. The search runs on the bipartite graph
// table → reading pipeline → written table, whose size is the number of edges,
// so a file with many reads and writes does not make it quadratic; tables are
// mutually reachable there exactly when they are in the table graph.
//
// Only resolved, non-external tables take part. A cycle is reported once per
// strongly connected set of at least two tables and at least two pipelines: a
// loop closed inside one file is not a scheduling cycle (one job does not wait
// for itself), and pipelint cannot tell which of a file's reads feed which write.
#pragma once
#include <cstdint>
#include <vector>

#include "analyzer/model/graph/platform_graph.h"

namespace pipelint {

// One step of a cycle: a pipeline reads table A (read_edge) and writes B (write_edge).
struct CycleStep {
  uint32_t read_edge;
  uint32_t write_edge;
};

struct TableCycle {
  std::vector<uint32_t> members;    // table ids of the strongly connected set, sorted by name
  std::vector<CycleStep> steps;     // a shortest cycle through members.front(), in order
  std::vector<uint32_t> edges;      // every read and write edge inside the set, by id
  std::vector<uint32_t> pipelines;  // the pipelines inside the set, by id
};

// Every cycle, sorted by the names of their members.
std::vector<TableCycle> find_table_cycles(const PlatformGraph& g);

}  // namespace pipelint

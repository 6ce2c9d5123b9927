// What lies downstream (or upstream) of a table: breadth first over
// table → reading pipeline → written table (reversed for upstream), so every node
// is reached by a shortest path, which `via` records. Linear in the edges.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/model/graph/platform_graph.h"

namespace pipelint {

enum class Direction : uint8_t { Upstream, Downstream };

struct Reach {
  uint32_t start = 0;
  Direction direction = Direction::Downstream;
  std::vector<uint32_t> tables;      // reached table ids in breadth-first order, the start first
  std::vector<uint32_t> pipelines;   // reached pipeline ids in breadth-first order
  std::vector<uint32_t> edges;       // every edge followed, by id
  std::vector<uint32_t> table_via;     // per table: the edge it was reached by; kNoIndex if start/unreached
  std::vector<uint32_t> pipeline_via;  // per pipeline: likewise
  std::vector<uint32_t> table_depth;   // per table: pipeline steps from the start; kNoIndex if unreached
  std::vector<uint32_t> pipeline_depth;

  bool has_table(uint32_t t) const { return table_depth[t] != kNoIndex; }
  bool has_pipeline(uint32_t p) const { return pipeline_depth[p] != kNoIndex; }
};

// max_depth: pipeline steps to follow (0 = no limit).
Reach reach_from(const PlatformGraph& g, uint32_t start, Direction direction, uint32_t max_depth = 0);

// The shortest path from the start to a node, as the edges followed in order.
std::vector<uint32_t> path_to_table(const PlatformGraph& g, const Reach& r, uint32_t table);
std::vector<uint32_t> path_to_pipeline(const PlatformGraph& g, const Reach& r, uint32_t pipeline);

}  // namespace pipelint

// The part of the platform graph a command shows: all of it, or what a table
// reaches upstream or downstream. Ids are sorted by name, so output is stable.
#pragma once
#include <cstdint>
#include <vector>

#include "analyzer/model/graph/platform_graph.h"
#include "analyzer/model/graph/reach.h"

namespace pipelint {

struct GraphView {
  std::vector<uint32_t> tables;     // sorted by name
  std::vector<uint32_t> pipelines;  // sorted by path
  std::vector<uint32_t> edges;      // sorted by (pipeline path, table name, op)
};

GraphView whole_graph(const Model& m, const PlatformGraph& g);
GraphView reach_view(const Model& m, const PlatformGraph& g, const Reach& r);

}  // namespace pipelint

#include "analyzer/model/graph/reach.h"

#include <algorithm>

namespace pipelint {

Reach reach_from(const PlatformGraph& g, uint32_t start, Direction direction, uint32_t max_depth) {
  Reach r;
  r.start = start;
  r.direction = direction;
  r.table_via.assign(g.tables.size(), kNoIndex);
  r.pipeline_via.assign(g.pipelines.size(), kNoIndex);
  r.table_depth.assign(g.tables.size(), kNoIndex);
  r.pipeline_depth.assign(g.pipelines.size(), kNoIndex);
  const bool down = direction == Direction::Downstream;

  r.table_depth[start] = 0;
  r.tables.push_back(start);
  for (size_t next = 0; next < r.tables.size(); ++next) {  // r.tables is the queue
    const uint32_t t = r.tables[next];
    const uint32_t depth = r.table_depth[t];
    if (max_depth != 0 && depth >= max_depth) continue;
    for (uint32_t e1 : down ? g.tables[t].reads : g.tables[t].writes) {
      const uint32_t p = g.edges[e1].pipeline;
      r.edges.push_back(e1);
      if (r.pipeline_depth[p] != kNoIndex) continue;  // its tables are already queued
      r.pipeline_depth[p] = depth + 1;
      r.pipeline_via[p] = e1;
      r.pipelines.push_back(p);
      for (uint32_t e2 : down ? g.pipelines[p].writes : g.pipelines[p].reads) {
        const uint32_t y = g.edges[e2].table;
        if (y == t) continue;  // an incremental self-read leads nowhere new
        r.edges.push_back(e2);
        if (r.table_depth[y] != kNoIndex) continue;
        r.table_depth[y] = depth + 1;
        r.table_via[y] = e2;
        r.tables.push_back(y);
      }
    }
  }
  std::sort(r.edges.begin(), r.edges.end());
  r.edges.erase(std::unique(r.edges.begin(), r.edges.end()), r.edges.end());
  return r;
}

namespace {

// The table an edge was entered from, walking back towards the start.
uint32_t back_table(const PlatformGraph& g, const Reach& r, uint32_t pipeline) {
  return g.edges[r.pipeline_via[pipeline]].table;
}

}  // namespace

std::vector<uint32_t> path_to_pipeline(const PlatformGraph& g, const Reach& r, uint32_t pipeline) {
  std::vector<uint32_t> path;
  if (!r.has_pipeline(pipeline)) return path;
  uint32_t p = pipeline;
  while (true) {
    path.push_back(r.pipeline_via[p]);
    const uint32_t t = back_table(g, r, p);
    if (r.table_via[t] == kNoIndex) break;  // the start
    path.push_back(r.table_via[t]);
    p = g.edges[r.table_via[t]].pipeline;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<uint32_t> path_to_table(const PlatformGraph& g, const Reach& r, uint32_t table) {
  if (!r.has_table(table) || r.table_via[table] == kNoIndex) return {};
  const uint32_t via = r.table_via[table];
  std::vector<uint32_t> path = path_to_pipeline(g, r, g.edges[via].pipeline);
  path.push_back(via);
  return path;
}

}  // namespace pipelint

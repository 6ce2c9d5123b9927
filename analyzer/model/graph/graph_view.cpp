#include "analyzer/model/graph/graph_view.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace pipelint {
namespace {

void sort_view(const Model& m, const PlatformGraph& g, GraphView& v) {
  auto path = [&](uint32_t p) -> const std::string& { return pipeline_path(m, g, p); };
  std::sort(v.tables.begin(), v.tables.end(), [&](uint32_t a, uint32_t b) { return g.tables[a].name < g.tables[b].name; });
  std::sort(v.pipelines.begin(), v.pipelines.end(), [&](uint32_t a, uint32_t b) { return path(a) < path(b); });
  std::sort(v.edges.begin(), v.edges.end(), [&](uint32_t a, uint32_t b) {
    const GraphEdge& x = g.edges[a];
    const GraphEdge& y = g.edges[b];
    return std::forward_as_tuple(path(x.pipeline), g.tables[x.table].name, x.op) <
           std::forward_as_tuple(path(y.pipeline), g.tables[y.table].name, y.op);
  });
}

}  // namespace

GraphView whole_graph(const Model& m, const PlatformGraph& g) {
  GraphView v;
  v.tables.resize(g.tables.size());
  std::iota(v.tables.begin(), v.tables.end(), 0u);
  v.pipelines.resize(g.pipelines.size());
  std::iota(v.pipelines.begin(), v.pipelines.end(), 0u);
  v.edges.resize(g.edges.size());
  std::iota(v.edges.begin(), v.edges.end(), 0u);
  sort_view(m, g, v);
  return v;
}

GraphView reach_view(const Model& m, const PlatformGraph& g, const Reach& r) {
  GraphView v{r.tables, r.pipelines, r.edges};
  // An edge is shown when both ends were reached (a depth limit can cut the far end).
  v.edges.erase(std::remove_if(v.edges.begin(), v.edges.end(),
                               [&](uint32_t e) { return !r.has_table(g.edges[e].table) || !r.has_pipeline(g.edges[e].pipeline); }),
                v.edges.end());
  sort_view(m, g, v);
  return v;
}

}  // namespace pipelint

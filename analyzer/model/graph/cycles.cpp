#include "analyzer/model/graph/cycles.h"

#include <algorithm>
#include <deque>

#include "analyzer/model/graph/scc.h"

namespace pipelint {
namespace {

bool in_cycle_graph(const GraphTable& t) { return !t.unresolved && !t.external; }

// Nodes 0..T-1 are tables, T..T+P-1 pipelines.
Csr bipartite(const PlatformGraph& g) {
  const uint32_t tables = static_cast<uint32_t>(g.tables.size());
  Csr csr;
  csr.offsets.reserve(g.tables.size() + g.pipelines.size() + 1);
  csr.targets.reserve(g.edges.size());
  for (const auto& t : g.tables) {
    if (in_cycle_graph(t))
      for (uint32_t e : t.reads) csr.targets.push_back(tables + g.edges[e].pipeline);
    csr.offsets.push_back(static_cast<uint32_t>(csr.targets.size()));
  }
  for (const auto& p : g.pipelines) {
    for (uint32_t e : p.writes)
      if (in_cycle_graph(g.tables[g.edges[e].table])) csr.targets.push_back(g.edges[e].table);
    csr.offsets.push_back(static_cast<uint32_t>(csr.targets.size()));
  }
  return csr;
}

// A shortest table cycle through `start` inside component `c` (breadth first).
// A pipeline is expanded once, except from `start` itself, where writing `start`
// is a self-read and the same pipeline may still close the cycle from elsewhere.
class CycleSearch {
 public:
  CycleSearch(const PlatformGraph& g, const std::vector<uint32_t>& comp)
      : g_(g), comp_(comp), tables_(static_cast<uint32_t>(g.tables.size())),
        seen_(g.tables.size(), 0), expanded_(g.pipelines.size(), 0), pred_(g.tables.size()) {}

  std::vector<CycleStep> run(uint32_t start) {
    ++stamp_;
    const uint32_t c = comp_[start];
    std::deque<uint32_t> queue{start};
    seen_[start] = stamp_;
    while (!queue.empty()) {
      const uint32_t x = queue.front();
      queue.pop_front();
      for (uint32_t re : g_.tables[x].reads) {
        const uint32_t p = g_.edges[re].pipeline;
        if (comp_[tables_ + p] != c || expanded_[p] == stamp_) continue;
        if (x != start) expanded_[p] = stamp_;
        for (uint32_t we : g_.pipelines[p].writes) {
          const uint32_t y = g_.edges[we].table;
          if (y == x || comp_[y] != c || !in_cycle_graph(g_.tables[y])) continue;
          if (y == start) return unwind(start, CycleStep{re, we});
          if (seen_[y] == stamp_) continue;
          seen_[y] = stamp_;
          pred_[y] = CycleStep{re, we};
          queue.push_back(y);
        }
      }
    }
    return {};
  }

 private:
  std::vector<CycleStep> unwind(uint32_t start, CycleStep last) {
    std::vector<CycleStep> steps{last};
    for (uint32_t x = g_.edges[last.read_edge].table; x != start; x = g_.edges[pred_[x].read_edge].table)
      steps.push_back(pred_[x]);
    std::reverse(steps.begin(), steps.end());
    return steps;
  }

  const PlatformGraph& g_;
  const std::vector<uint32_t>& comp_;
  uint32_t tables_;
  uint32_t stamp_ = 0;
  std::vector<uint32_t> seen_, expanded_;
  std::vector<CycleStep> pred_;
};

}  // namespace

std::vector<TableCycle> find_table_cycles(const PlatformGraph& g) {
  const Csr csr = bipartite(g);
  uint32_t count = 0;
  const std::vector<uint32_t> comp = strongly_connected_components(csr, count);
  const uint32_t tables = static_cast<uint32_t>(g.tables.size());

  std::vector<uint32_t> table_count(count, 0), pipeline_count(count, 0);
  for (uint32_t t = 0; t < tables; ++t)
    if (in_cycle_graph(g.tables[t])) ++table_count[comp[t]];
  for (uint32_t p = 0; p < g.pipelines.size(); ++p) ++pipeline_count[comp[tables + p]];

  std::vector<TableCycle> cycles;
  std::vector<uint32_t> cycle_of(count, kNoIndex);
  for (uint32_t t = 0; t < tables; ++t) {
    const uint32_t c = comp[t];
    if (!in_cycle_graph(g.tables[t]) || table_count[c] < 2 || pipeline_count[c] < 2) continue;
    if (cycle_of[c] == kNoIndex) {
      cycle_of[c] = static_cast<uint32_t>(cycles.size());
      cycles.emplace_back();
    }
    cycles[cycle_of[c]].members.push_back(t);
  }

  CycleSearch search(g, comp);
  for (auto& cycle : cycles) {
    auto& m = cycle.members;
    std::sort(m.begin(), m.end(), [&](uint32_t a, uint32_t b) { return g.tables[a].name < g.tables[b].name; });
    const uint32_t c = comp[m.front()];
    for (uint32_t t : m) {
      for (uint32_t e : g.tables[t].reads)
        if (comp[tables + g.edges[e].pipeline] == c) cycle.edges.push_back(e);
      for (uint32_t e : g.tables[t].writes)
        if (comp[tables + g.edges[e].pipeline] == c) cycle.edges.push_back(e);
    }
    std::sort(cycle.edges.begin(), cycle.edges.end());
    for (uint32_t e : cycle.edges) cycle.pipelines.push_back(g.edges[e].pipeline);
    std::sort(cycle.pipelines.begin(), cycle.pipelines.end());
    cycle.pipelines.erase(std::unique(cycle.pipelines.begin(), cycle.pipelines.end()), cycle.pipelines.end());
    cycle.steps = search.run(m.front());
  }
  std::sort(cycles.begin(), cycles.end(), [&](const TableCycle& a, const TableCycle& b) {
    return g.tables[a.members.front()].name < g.tables[b.members.front()].name;
  });
  return cycles;
}

}  // namespace pipelint

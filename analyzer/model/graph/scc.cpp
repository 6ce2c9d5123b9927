#include "analyzer/model/graph/scc.h"

#include <algorithm>
#include <limits>

namespace pipelint {

std::vector<uint32_t> strongly_connected_components(const Csr& graph, uint32_t& count) {
  constexpr uint32_t kUnvisited = std::numeric_limits<uint32_t>::max();
  const uint32_t n = graph.nodes();
  std::vector<uint32_t> index(n, kUnvisited), low(n, 0), component(n, kUnvisited);
  std::vector<char> on_stack(n, 0);
  std::vector<uint32_t> stack;                          // Tarjan's node stack
  std::vector<std::pair<uint32_t, uint32_t>> calls;     // (node, next successor position)
  uint32_t next_index = 0;
  count = 0;

  auto visit = [&](uint32_t v) {
    index[v] = low[v] = next_index++;
    stack.push_back(v);
    on_stack[v] = 1;
    calls.emplace_back(v, graph.offsets[v]);
  };

  for (uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    visit(root);
    while (!calls.empty()) {
      const uint32_t v = calls.back().first;
      const uint32_t pos = calls.back().second;
      if (pos < graph.offsets[v + 1]) {
        calls.back().second = pos + 1;
        const uint32_t w = graph.targets[pos];
        if (index[w] == kUnvisited) visit(w);
        else if (on_stack[w]) low[v] = std::min(low[v], index[w]);
        continue;
      }
      if (low[v] == index[v]) {
        uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = 0;
          component[w] = count;
        } while (w != v);
        ++count;
      }
      calls.pop_back();
      if (!calls.empty()) {
        const uint32_t parent = calls.back().first;
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }
  return component;
}

}  // namespace pipelint

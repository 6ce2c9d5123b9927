#include <catch2/catch.hpp>

#include <set>

#include "analyzer/model/graph/scc.h"

using namespace pipelint;

namespace {

Csr from_edges(uint32_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  Csr g;
  std::vector<std::vector<uint32_t>> adj(n);
  for (auto [a, b] : edges) adj[a].push_back(b);
  for (const auto& succ : adj) {
    g.targets.insert(g.targets.end(), succ.begin(), succ.end());
    g.offsets.push_back(static_cast<uint32_t>(g.targets.size()));
  }
  return g;
}

}  // namespace

TEST_CASE("SCCs of a small graph") {
  // 0 → 1 → 2 → 0 is a cycle; 3 → 4 → 3 another; 5 alone with a self-loop; 6 alone.
  Csr g = from_edges(7, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}, {5, 5}, {6, 0}});
  uint32_t count = 0;
  auto comp = strongly_connected_components(g, count);
  CHECK(count == 4);
  CHECK(comp[0] == comp[1]);
  CHECK(comp[1] == comp[2]);
  CHECK(comp[3] == comp[4]);
  CHECK(comp[0] != comp[3]);
  CHECK(comp[5] != comp[6]);
  CHECK(comp[6] != comp[0]);
}

TEST_CASE("a 100,000-node chain has no cycle and does not overflow the stack") {
  const uint32_t n = 100000;
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (uint32_t i = 0; i + 1 < n; ++i) edges.emplace_back(i, i + 1);
  uint32_t count = 0;
  auto comp = strongly_connected_components(from_edges(n, edges), count);
  CHECK(count == n);
  CHECK(std::set<uint32_t>(comp.begin(), comp.end()).size() == n);
}

TEST_CASE("a 100,000-node cycle is one component") {
  const uint32_t n = 100000;
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (uint32_t i = 0; i < n; ++i) edges.emplace_back(i, (i + 1) % n);
  uint32_t count = 0;
  auto comp = strongly_connected_components(from_edges(n, edges), count);
  CHECK(count == 1);
  CHECK(comp[0] == comp[n - 1]);
}

TEST_CASE("an empty graph has no components") {
  uint32_t count = 7;
  CHECK(strongly_connected_components(Csr{}, count).empty());
  CHECK(count == 0);
}

// Strongly connected components, iteratively (Tarjan with an explicit stack), so
// a 100,000-node chain or cycle cannot overflow the call stack. Linear time.
#pragma once
#include <cstdint>
#include <vector>

namespace pipelint {

// A directed graph in compressed sparse rows: the successors of node v are
// targets[offsets[v] .. offsets[v+1]).
struct Csr {
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> targets;
  uint32_t nodes() const { return static_cast<uint32_t>(offsets.size() - 1); }
};

// The component of every node; components are numbered 0..count-1.
std::vector<uint32_t> strongly_connected_components(const Csr& graph, uint32_t& count);

}  // namespace pipelint

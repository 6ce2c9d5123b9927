// Where a Model keeps its platform graph: built on first use by
// platform_graph(model), once per run, and shared by every rule (rules run in
// parallel, so the first use is guarded). A copy of a model starts with an empty
// slot; a model changed after the graph was built must call reset().
#pragma once
#include <memory>
#include <mutex>

namespace pipelint {

struct Model;
struct PlatformGraph;

class GraphSlot {
 public:
  GraphSlot();
  ~GraphSlot();
  GraphSlot(const GraphSlot&);
  GraphSlot& operator=(const GraphSlot&);
  GraphSlot(GraphSlot&&) noexcept;
  GraphSlot& operator=(GraphSlot&&) noexcept;

  const PlatformGraph& get(const Model& model) const;
  void reset();

 private:
  std::unique_ptr<std::mutex> mu_;  // behind a pointer so the slot can move
  mutable std::unique_ptr<const PlatformGraph> graph_;
};

}  // namespace pipelint

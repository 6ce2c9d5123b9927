#include "analyzer/model/graph/graph_slot.h"

#include "analyzer/model/graph/platform_graph.h"

namespace pipelint {

GraphSlot::GraphSlot() : mu_(std::make_unique<std::mutex>()) {}
GraphSlot::~GraphSlot() = default;
GraphSlot::GraphSlot(const GraphSlot&) : GraphSlot() {}
GraphSlot& GraphSlot::operator=(const GraphSlot&) {
  reset();
  return *this;
}
GraphSlot::GraphSlot(GraphSlot&& o) noexcept : mu_(std::make_unique<std::mutex>()), graph_(std::move(o.graph_)) {}
GraphSlot& GraphSlot::operator=(GraphSlot&& o) noexcept {
  if (this != &o) {
    std::lock_guard lock(*mu_);
    graph_ = std::move(o.graph_);
  }
  return *this;
}

const PlatformGraph& GraphSlot::get(const Model& model) const {
  std::lock_guard lock(*mu_);
  if (!graph_) graph_ = std::make_unique<const PlatformGraph>(build_platform_graph(model));
  return *graph_;
}

void GraphSlot::reset() {
  std::lock_guard lock(*mu_);
  graph_.reset();
}

const PlatformGraph& platform_graph(const Model& model) { return model.graph.get(model); }

}  // namespace pipelint

// `pipelint graph` and `pipelint impact` output (SPEC 5): the lineage graph as
// Mermaid, Graphviz DOT or JSON, and a table's downstream impact as text or JSON.
// Deterministic: nodes and edges come sorted from the GraphView.
#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "analyzer/model/graph/graph_view.h"

namespace pipelint {

struct GraphFocus {        // what `--upstream/--downstream TABLE --depth N` asked for
  std::string table;
  Direction direction = Direction::Downstream;
  uint32_t depth = 0;      // 0 = no limit
};

void write_graph_mermaid(const Model& m, const PlatformGraph& g, const GraphView& v, std::ostream& out);
void write_graph_dot(const Model& m, const PlatformGraph& g, const GraphView& v, std::ostream& out);
void write_graph_json(const Model& m, const PlatformGraph& g, const GraphView& v,
                      const std::optional<GraphFocus>& focus, std::ostream& out);

// Every pipeline, table and team downstream of r.start, each with the path that reaches it.
void write_impact_text(const Model& m, const PlatformGraph& g, const Reach& r, std::ostream& out);
void write_impact_json(const Model& m, const PlatformGraph& g, const Reach& r, std::ostream& out);

// Names of the nodes along a path of edges, the start table first.
std::vector<std::string> path_names(const Model& m, const PlatformGraph& g, const Reach& r,
                                    const std::vector<uint32_t>& edges);

}  // namespace pipelint

// Mermaid and DOT renderings of a graph view. Node ids are positional (t0, p0),
// labels are escaped for each syntax; pipelines are grouped by team.
#include <algorithm>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "analyzer/output/graph_writers.h"

namespace pipelint {
namespace {

std::string mermaid_label(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"') out += "#quot;";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string dot_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') { out += "\\n"; continue; }
    out += c;
  }
  return out + "\"";
}

// Modes of a write edge, in first-seen order ("merge,overwrite").
std::string edge_modes(const Model& m, const GraphEdge& e) {
  std::vector<std::string> modes;
  for (uint32_t ai : e.accesses) {
    const std::string& mode = m.accesses[ai].rec(m).mode;
    if (!mode.empty() && std::find(modes.begin(), modes.end(), mode) == modes.end()) modes.push_back(mode);
  }
  std::string out;
  for (const auto& mode : modes) {
    if (!out.empty()) out += ',';
    out += mode;
  }
  return out;
}

struct Ids {
  std::vector<std::string> table, pipeline;  // by graph id
};

Ids positional_ids(const PlatformGraph& g, const GraphView& v) {
  Ids ids;
  ids.table.resize(g.tables.size());
  ids.pipeline.resize(g.pipelines.size());
  for (size_t i = 0; i < v.tables.size(); ++i) ids.table[v.tables[i]] = fmt::format("t{}", i);
  for (size_t i = 0; i < v.pipelines.size(); ++i) ids.pipeline[v.pipelines[i]] = fmt::format("p{}", i);
  return ids;
}

// Pipelines per team ("" = unknown team), teams sorted, pipelines in view order.
std::map<std::string, std::vector<uint32_t>> by_team(const PlatformGraph& g, const GraphView& v) {
  std::map<std::string, std::vector<uint32_t>> teams;
  for (uint32_t p : v.pipelines) teams[g.pipelines[p].team].push_back(p);
  return teams;
}

}  // namespace

void write_graph_mermaid(const Model& m, const PlatformGraph& g, const GraphView& v, std::ostream& out) {
  const Ids ids = positional_ids(g, v);
  out << "flowchart LR\n";
  size_t team_no = 0;
  for (const auto& [team, pipes] : by_team(g, v)) {
    std::string indent = "  ";
    if (!team.empty()) {
      out << "  subgraph team" << team_no++ << "[\"team " << mermaid_label(team) << "\"]\n";
      indent = "    ";
    }
    for (uint32_t p : pipes)
      out << indent << ids.pipeline[p] << "[\"" << mermaid_label(pipeline_path(m, g, p)) << "\"]\n";
    if (!team.empty()) out << "  end\n";
  }
  for (uint32_t t : v.tables) out << "  " << ids.table[t] << "[(\"" << mermaid_label(g.tables[t].name) << "\")]\n";
  for (uint32_t e : v.edges) {
    const GraphEdge& edge = g.edges[e];
    if (edge.op == Op::Read) {
      out << "  " << ids.table[edge.table] << " --> " << ids.pipeline[edge.pipeline] << "\n";
    } else {
      std::string modes = edge_modes(m, edge);
      out << "  " << ids.pipeline[edge.pipeline] << " -->";
      if (!modes.empty()) out << '|' << mermaid_label(modes) << '|';
      out << " " << ids.table[edge.table] << "\n";
    }
  }
  out << "  classDef external stroke-dasharray: 4 4\n  classDef unresolved fill:#eee,stroke:#999\n";
  for (uint32_t t : v.tables) {
    if (g.tables[t].external) out << "  class " << ids.table[t] << " external\n";
    else if (g.tables[t].unresolved) out << "  class " << ids.table[t] << " unresolved\n";
  }
}

void write_graph_dot(const Model& m, const PlatformGraph& g, const GraphView& v, std::ostream& out) {
  const Ids ids = positional_ids(g, v);
  out << "digraph lineage {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n";
  size_t team_no = 0;
  for (const auto& [team, pipes] : by_team(g, v)) {
    std::string indent = "  ";
    if (!team.empty()) {
      out << "  subgraph cluster_team" << team_no++ << " {\n    label=" << dot_string("team " + team) << ";\n";
      indent = "    ";
    }
    for (uint32_t p : pipes)
      out << indent << ids.pipeline[p] << " [shape=box, label=" << dot_string(pipeline_path(m, g, p)) << "];\n";
    if (!team.empty()) out << "  }\n";
  }
  for (uint32_t t : v.tables) {
    const GraphTable& table = g.tables[t];
    out << "  " << ids.table[t] << " [shape=cylinder, label=" << dot_string(table.name)
        << (table.external ? ", style=dashed" : table.unresolved ? ", style=filled, fillcolor=\"#eeeeee\"" : "") << "];\n";
  }
  for (uint32_t e : v.edges) {
    const GraphEdge& edge = g.edges[e];
    if (edge.op == Op::Read) {
      out << "  " << ids.table[edge.table] << " -> " << ids.pipeline[edge.pipeline] << ";\n";
    } else {
      std::string modes = edge_modes(m, edge);
      out << "  " << ids.pipeline[edge.pipeline] << " -> " << ids.table[edge.table];
      if (!modes.empty()) out << " [label=" << dot_string(modes) << "]";
      out << ";\n";
    }
  }
  out << "}\n";
}

}  // namespace pipelint

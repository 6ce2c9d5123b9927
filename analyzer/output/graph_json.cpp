// `pipelint graph --format json`: the graph view as a versioned document.
#include <set>

#include <nlohmann/json.hpp>

#include "analyzer/output/graph_writers.h"

namespace pipelint {

using Json = nlohmann::ordered_json;

void write_graph_json(const Model& m, const PlatformGraph& g, const GraphView& v,
                      const std::optional<GraphFocus>& focus, std::ostream& out) {
  Json doc;
  doc["version"] = 1;
  if (focus) {
    doc["focus"] = Json{{"table", focus->table},
                        {"direction", focus->direction == Direction::Upstream ? "upstream" : "downstream"},
                        {"depth", focus->depth == 0 ? Json(nullptr) : Json(focus->depth)}};
  }
  Json tables = Json::array();
  for (uint32_t t : v.tables) {
    const GraphTable& table = g.tables[t];
    tables.push_back(Json{{"name", table.name},
                          {"kind", table.is_path ? "path" : "table"},
                          {"layer", table.layer_name.empty() ? Json(nullptr) : Json(table.layer_name)},
                          {"owner", table.owner.empty() ? Json(nullptr) : Json(table.owner)},
                          {"external", table.external},
                          {"unresolved", table.unresolved}});
  }
  Json pipelines = Json::array();
  for (uint32_t p : v.pipelines) {
    const std::string& team = g.pipelines[p].team;
    pipelines.push_back(Json{{"path", pipeline_path(m, g, p)}, {"team", team.empty() ? Json(nullptr) : Json(team)}});
  }
  Json edges = Json::array();
  for (uint32_t e : v.edges) {
    const GraphEdge& edge = g.edges[e];
    Json accesses = Json::array();
    for (uint32_t ai : edge.accesses) {
      const AccessRecord& rec = m.accesses[ai].rec(m);
      accesses.push_back(Json{{"line", rec.line}, {"col", rec.col},
                              {"mode", rec.mode.empty() ? Json(nullptr) : Json(rec.mode)}, {"api", rec.api}});
    }
    edges.push_back(Json{{"pipeline", pipeline_path(m, g, edge.pipeline)},
                         {"table", g.tables[edge.table].name},
                         {"op", to_string(edge.op)},
                         {"accesses", std::move(accesses)}});
  }
  std::set<std::string> teams;
  for (uint32_t p : v.pipelines)
    if (!g.pipelines[p].team.empty()) teams.insert(g.pipelines[p].team);
  for (uint32_t t : v.tables)
    if (!g.tables[t].owner.empty()) teams.insert(g.tables[t].owner);
  doc["tables"] = std::move(tables);
  doc["pipelines"] = std::move(pipelines);
  doc["edges"] = std::move(edges);
  doc["teams"] = Json(std::vector<std::string>(teams.begin(), teams.end()));
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace pipelint

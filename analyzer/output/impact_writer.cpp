// `pipelint impact TABLE`: who breaks if this table changes — every downstream
// pipeline, table and team, each with the shortest path that reaches it.
#include <algorithm>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "analyzer/output/graph_writers.h"

namespace pipelint {
namespace {

using Json = nlohmann::ordered_json;

std::vector<uint32_t> sorted_pipelines(const Model& m, const PlatformGraph& g, const Reach& r) {
  std::vector<uint32_t> out = r.pipelines;
  std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
    return std::forward_as_tuple(r.pipeline_depth[a], pipeline_path(m, g, a)) <
           std::forward_as_tuple(r.pipeline_depth[b], pipeline_path(m, g, b));
  });
  return out;
}

std::vector<uint32_t> sorted_tables(const PlatformGraph& g, const Reach& r) {
  std::vector<uint32_t> out;
  for (uint32_t t : r.tables)
    if (t != r.start) out.push_back(t);
  std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
    return std::forward_as_tuple(r.table_depth[a], g.tables[a].name) <
           std::forward_as_tuple(r.table_depth[b], g.tables[b].name);
  });
  return out;
}

struct TeamImpact {
  size_t pipelines = 0, tables = 0;
};

std::map<std::string, TeamImpact> team_impact(const PlatformGraph& g, const Reach& r) {
  std::map<std::string, TeamImpact> teams;
  for (uint32_t p : r.pipelines)
    if (!g.pipelines[p].team.empty()) ++teams[g.pipelines[p].team].pipelines;
  for (uint32_t t : r.tables)
    if (t != r.start && !g.tables[t].owner.empty()) ++teams[g.tables[t].owner].tables;
  return teams;
}

std::string arrow_path(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += " → ";
    out += names[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> path_names(const Model& m, const PlatformGraph& g, const Reach& r,
                                    const std::vector<uint32_t>& edges) {
  std::vector<std::string> names{g.tables[r.start].name};
  const bool down = r.direction == Direction::Downstream;
  for (uint32_t e : edges) {
    const GraphEdge& edge = g.edges[e];
    // Downstream, a read edge enters a pipeline and a write edge a table; upstream the reverse.
    if ((edge.op == Op::Read) == down) names.push_back(pipeline_path(m, g, edge.pipeline));
    else names.push_back(g.tables[edge.table].name);
  }
  return names;
}

void write_impact_text(const Model& m, const PlatformGraph& g, const Reach& r, std::ostream& out) {
  const auto pipes = sorted_pipelines(m, g, r);
  const auto tables = sorted_tables(g, r);
  const auto teams = team_impact(g, r);
  out << "impact of `" << g.tables[r.start].name << "`: " << pipes.size() << " pipeline" << (pipes.size() == 1 ? "" : "s")
      << ", " << tables.size() << " table" << (tables.size() == 1 ? "" : "s") << ", " << teams.size() << " team"
      << (teams.size() == 1 ? "" : "s") << " downstream\n";
  if (!pipes.empty()) out << "\npipelines\n";
  for (uint32_t p : pipes) {
    const std::string& team = g.pipelines[p].team;
    out << "  " << pipeline_path(m, g, p) << "  (team " << (team.empty() ? "unknown" : team) << ")\n      via "
        << arrow_path(path_names(m, g, r, path_to_pipeline(g, r, p))) << "\n";
  }
  if (!tables.empty()) out << "\ntables\n";
  for (uint32_t t : tables) {
    const GraphTable& table = g.tables[t];
    out << "  " << table.name << "  (owner " << (table.owner.empty() ? "unknown" : table.owner) << ")\n      via "
        << arrow_path(path_names(m, g, r, path_to_table(g, r, t))) << "\n";
  }
  if (!teams.empty()) out << "\nteams\n";
  for (const auto& [team, n] : teams)
    out << "  " << team << ": " << n.pipelines << " pipeline" << (n.pipelines == 1 ? "" : "s") << ", " << n.tables
        << " table" << (n.tables == 1 ? "" : "s") << "\n";
  out << "\ndags\n  none known: Airflow and bundle orchestration records are not extracted yet\n";
}

void write_impact_json(const Model& m, const PlatformGraph& g, const Reach& r, std::ostream& out) {
  Json doc;
  doc["version"] = 1;
  doc["table"] = g.tables[r.start].name;
  Json pipelines = Json::array();
  for (uint32_t p : sorted_pipelines(m, g, r)) {
    const std::string& team = g.pipelines[p].team;
    pipelines.push_back(Json{{"path", pipeline_path(m, g, p)},
                             {"team", team.empty() ? Json(nullptr) : Json(team)},
                             {"depth", r.pipeline_depth[p]},
                             {"via", path_names(m, g, r, path_to_pipeline(g, r, p))}});
  }
  Json tables = Json::array();
  for (uint32_t t : sorted_tables(g, r)) {
    const GraphTable& table = g.tables[t];
    tables.push_back(Json{{"name", table.name},
                          {"owner", table.owner.empty() ? Json(nullptr) : Json(table.owner)},
                          {"layer", table.layer_name.empty() ? Json(nullptr) : Json(table.layer_name)},
                          {"depth", r.table_depth[t]},
                          {"via", path_names(m, g, r, path_to_table(g, r, t))}});
  }
  Json teams = Json::array();
  for (const auto& [team, n] : team_impact(g, r))
    teams.push_back(Json{{"team", team}, {"pipelines", n.pipelines}, {"tables", n.tables}});
  doc["pipelines"] = std::move(pipelines);
  doc["tables"] = std::move(tables);
  doc["teams"] = std::move(teams);
  doc["dags"] = Json::array();  // filled once orchestration records exist
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace pipelint

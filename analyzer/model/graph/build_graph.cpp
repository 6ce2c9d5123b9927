// One pass over Model::accesses (sorted by file, then record): tables and
// pipelines are looked up in hash maps, edges aggregate a pipeline's accesses to
// one table per op. Linear in the number of accesses.
#include <algorithm>
#include <cctype>
#include <set>

#include "analyzer/model/glob.h"
#include "analyzer/model/graph/graph_teams.h"
#include "analyzer/model/graph/name_groups.h"
#include "analyzer/model/graph/platform_graph.h"

namespace pipelint {

std::string table_identity(const std::string& resolved, bool unmapped_path) {
  std::string id = resolved;
  if (unmapped_path) {
    while (id.size() > 1 && id.back() == '/') id.pop_back();
    return id;
  }
  std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return id;
}

std::optional<uint32_t> PlatformGraph::find_table(std::string_view name) const {
  std::string key(name);
  if (auto it = table_index.find(key); it != table_index.end()) return it->second;
  bool path = !key.empty() && (key.front() == '/' || key.find(":/") != std::string::npos);
  if (auto it = table_index.find(table_identity(key, path)); it != table_index.end()) return it->second;
  return std::nullopt;
}

bool is_producing_mode(std::string_view mode) {
  return mode != "create" && mode != "delete" && mode != "truncate" && mode != "drop";
}

bool is_destructive_mode(std::string_view mode) {
  return mode == "overwrite" || mode == "replace" || mode == "truncate" || mode == "drop";
}

namespace {

bool external_name(const std::string& table, const NamespaceConfig& ns) {
  return std::any_of(ns.external.begin(), ns.external.end(),
                     [&](const std::string& glob) { return table_glob_match(glob, table); });
}

struct EdgeKey {
  uint32_t table;
  Op op;
  bool operator==(const EdgeKey& o) const { return table == o.table && op == o.op; }
};
struct EdgeKeyHash {
  size_t operator()(const EdgeKey& k) const { return (size_t(k.table) << 1) | size_t(k.op == Op::Write); }
};

}  // namespace

PlatformGraph build_platform_graph(const Model& model) {
  PlatformGraph g;
  g.pipeline_of_file.assign(model.files.size(), kNoIndex);
  g.table_index.reserve(model.accesses.size() / 2 + 1);
  std::unordered_map<EdgeKey, uint32_t, EdgeKeyHash> file_edges;  // of the current file
  uint32_t current_file = kNoIndex;

  for (uint32_t ai = 0; ai < model.accesses.size(); ++ai) {
    const TableAccess& a = model.accesses[ai];
    const FileEntry& file = model.files[a.file];
    const AccessRecord& rec = a.rec(model);
    const bool unmapped_path = rec.kind == Kind::Path && a.path_location.empty();
    if (a.table.empty()) continue;

    std::string id = table_identity(a.table, unmapped_path);
    auto [it, inserted] = g.table_index.try_emplace(id, static_cast<uint32_t>(g.tables.size()));
    if (inserted) {
      GraphTable t;
      t.name = id;
      t.is_path = unmapped_path;
      t.unresolved = a.resolved != Resolution::Full || id.find('{') != std::string::npos;
      if (file.config && !unmapped_path) {
        const NamespaceConfig& ns = file.config->ns;
        t.external = external_name(id, ns);
        TableLayer layer = table_layer(id, ns);
        t.layer = layer.index;
        t.layer_name = layer.name;
        t.owner = owner_of_table(model, a, id);
      }
      g.tables.push_back(std::move(t));
    }
    const uint32_t table = it->second;

    if (a.file != current_file) {
      current_file = a.file;
      file_edges.clear();
    }
    uint32_t pipeline = g.pipeline_of_file[a.file];
    if (pipeline == kNoIndex) {
      pipeline = g.pipeline_of_file[a.file] = static_cast<uint32_t>(g.pipelines.size());
      g.pipelines.push_back(GraphPipeline{a.file, pipeline_team(file), {}, {}});
    }
    auto [eit, new_edge] = file_edges.try_emplace(EdgeKey{table, rec.op}, static_cast<uint32_t>(g.edges.size()));
    if (new_edge) {
      g.edges.push_back(GraphEdge{pipeline, table, rec.op, {}});
      auto& p = g.pipelines[pipeline];
      auto& t = g.tables[table];
      (rec.op == Op::Read ? p.reads : p.writes).push_back(eit->second);
      (rec.op == Op::Read ? t.reads : t.writes).push_back(eit->second);
    }
    g.edges[eit->second].accesses.push_back(ai);
  }

  std::set<std::string> teams;
  for (const auto& p : g.pipelines)
    if (!p.team.empty()) teams.insert(p.team);
  for (const auto& t : g.tables)
    if (!t.owner.empty()) teams.insert(t.owner);
  g.teams.assign(teams.begin(), teams.end());
  return g;
}

Location edge_location(const Model& model, const PlatformGraph&, const GraphEdge& e) {
  const TableAccess& a = model.accesses[e.accesses.front()];
  const AccessRecord& rec = a.rec(model);
  return Location{model.files[a.file].display_path, rec.line, rec.col, 0};
}

const std::string& pipeline_path(const Model& model, const PlatformGraph& g, uint32_t pipeline) {
  return model.files[g.pipelines[pipeline].file].display_path;
}

}  // namespace pipelint

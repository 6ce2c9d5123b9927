#include "analyzer/output/catalog_rows.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "analyzer/model/graph/platform_graph.h"

namespace pipelint {
namespace {

bool run_less(const CatalogRun& a, const CatalogRun& b) {
  return std::tie(a.dag, a.task, a.path, a.line) < std::tie(b.dag, b.task, b.path, b.line);
}

bool run_equal(const CatalogRun& a, const CatalogRun& b) {
  return std::tie(a.dag, a.task, a.path, a.line) == std::tie(b.dag, b.task, b.path, b.line);
}

// Per Model::files index: the tasks that run the file (its script, or accesses
// the task performs in it: callables, inline SQL, a bundle job it triggers).
std::vector<std::vector<CatalogRun>> runs_by_file(const Model& m) {
  std::vector<std::vector<CatalogRun>> out(m.files.size());
  const OrchestrationModel& o = m.orch;
  for (uint32_t i = 0; i < o.tasks.size(); ++i) {
    const TaskInfo& info = o.tasks[i];
    if (info.file >= m.files.size()) continue;
    const TaskRecord& rec = o.task(m, i);
    CatalogRun run{rec.dag_id, rec.task_id, "", m.files[info.file].display_path, rec.line};
    if (info.dag < o.dags.size()) run.source = o.dag(m, info.dag).source;
    std::set<uint32_t> files;
    if (info.script_file >= 0 && static_cast<size_t>(info.script_file) < m.files.size())
      files.insert(static_cast<uint32_t>(info.script_file));
    for (uint32_t a : info.accesses)
      if (a < m.accesses.size()) files.insert(m.accesses[a].file);
    for (uint32_t f : files) out[f].push_back(run);
  }
  for (auto& runs : out) {
    std::sort(runs.begin(), runs.end(), run_less);
    runs.erase(std::unique(runs.begin(), runs.end(), run_equal), runs.end());
  }
  return out;
}

CatalogAccess access_of(const Model& m, const PlatformGraph& g, const GraphEdge& e,
                        const std::vector<std::vector<CatalogRun>>& runs) {
  CatalogAccess a;
  const GraphPipeline& p = g.pipelines[e.pipeline];
  a.pipeline = pipeline_path(m, g, e.pipeline);
  Location loc = edge_location(m, g, e);
  a.line = loc.line;
  a.col = loc.col;
  a.op = to_string(e.op);
  a.team = p.team;
  for (uint32_t ai : e.accesses) {
    const AccessRecord& rec = m.accesses[ai].rec(m);
    if (a.api.empty()) a.api = rec.api;
    if (!rec.mode.empty() && std::find(a.modes.begin(), a.modes.end(), rec.mode) == a.modes.end())
      a.modes.push_back(rec.mode);
  }
  if (p.file < runs.size()) a.runs = runs[p.file];
  return a;
}

void add_columns(const std::vector<Property>& props, const std::string& prefix, std::vector<CatalogColumn>& out,
                 int depth = 0) {
  if (depth > 32) return;  // hostile nesting
  for (const Property& p : props) {
    CatalogColumn c;
    c.name = prefix + p.name;
    c.logical_type = p.logical_type.value;
    c.physical_type = p.physical_type.value;
    c.required = p.required.value;
    c.primary_key = p.primary_key.value;
    c.classification = p.classification.value;
    c.description = p.description.value;
    out.push_back(std::move(c));
    add_columns(p.fields, prefix + p.name + ".", out, depth + 1);
  }
}

std::optional<CatalogSla> sla_of(const std::optional<SlaDuration>& d) {
  if (!d) return std::nullopt;
  return CatalogSla{d->property, d->text, d->seconds, d->element};
}

// The first contract (by path) whose schema covers the table; later ones go to also_in.
std::optional<CatalogContract> contract_of(const Model& m, const std::string& table) {
  std::optional<CatalogContract> out;
  for (const ContractFile& f : m.contracts) {
    if (!f.parsed) continue;
    const DataContract& dc = f.contract;
    const SchemaObject* obj = dc.find_table(table);
    if (!obj) continue;
    if (out) {
      out->also_in.push_back(f.path);
      continue;
    }
    CatalogContract c;
    c.path = f.path;
    c.id = dc.id.value;
    c.name = dc.name.value;
    c.version = dc.version.value;
    c.status = dc.status.value;
    c.team = dc.team.value;
    c.schema = obj->name;
    add_columns(obj->properties, "", c.columns);
    c.latency = sla_of(dc.sla.latency);
    c.frequency = sla_of(dc.sla.frequency);
    c.retention = sla_of(dc.sla.retention);
    out = std::move(c);
  }
  return out;
}

// Tables one pipeline step away: read by the table's producers (upstream) or
// written by its consumers (downstream), the table itself excluded.
std::vector<std::string> neighbours(const PlatformGraph& g, uint32_t t, bool upstream) {
  std::set<std::string> names;
  const GraphTable& table = g.tables[t];
  for (uint32_t e1 : upstream ? table.writes : table.reads) {
    const GraphPipeline& p = g.pipelines[g.edges[e1].pipeline];
    for (uint32_t e2 : upstream ? p.reads : p.writes) {
      uint32_t y = g.edges[e2].table;
      if (y != t) names.insert(g.tables[y].name);
    }
  }
  return {names.begin(), names.end()};
}

std::vector<CatalogAccess> accesses_of(const Model& m, const PlatformGraph& g, const std::vector<uint32_t>& edges,
                                       const std::vector<std::vector<CatalogRun>>& runs) {
  std::vector<CatalogAccess> out;
  for (uint32_t e : edges) out.push_back(access_of(m, g, g.edges[e], runs));
  std::stable_sort(out.begin(), out.end(), [](const CatalogAccess& a, const CatalogAccess& b) {
    return std::tie(a.pipeline, a.line, a.col) < std::tie(b.pipeline, b.line, b.col);
  });
  return out;
}

}  // namespace

std::vector<CatalogRow> catalog_rows(const Model& m) {
  const PlatformGraph& g = platform_graph(m);
  const auto runs = runs_by_file(m);
  std::vector<CatalogRow> rows;
  rows.reserve(g.tables.size());
  for (uint32_t t = 0; t < g.tables.size(); ++t) {
    const GraphTable& table = g.tables[t];
    CatalogRow row;
    row.name = table.name;
    row.is_path = table.is_path;
    row.external = table.external;
    row.unresolved = table.unresolved;
    row.layer = table.layer_name;
    row.owner = table.owner;
    row.producers = accesses_of(m, g, table.writes, runs);
    row.consumers = accesses_of(m, g, table.reads, runs);
    if (!table.is_path && !table.unresolved) row.contract = contract_of(m, table.name);
    row.upstream = neighbours(g, t, true);
    row.downstream = neighbours(g, t, false);
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const CatalogRow& a, const CatalogRow& b) { return a.name < b.name; });
  return rows;
}

std::vector<CatalogTeam> catalog_teams(const std::vector<CatalogRow>& rows) {
  std::vector<CatalogTeam> teams;
  std::vector<size_t> unowned;
  std::set<std::string> names;
  for (const auto& r : rows)
    if (!r.owner.empty()) names.insert(r.owner);
  for (const auto& name : names) teams.push_back({name, {}});
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].owner.empty()) {
      unowned.push_back(i);
      continue;
    }
    auto it = std::lower_bound(teams.begin(), teams.end(), rows[i].owner,
                               [](const CatalogTeam& t, const std::string& n) { return t.team < n; });
    it->rows.push_back(i);
  }
  if (!unowned.empty()) teams.push_back({"", std::move(unowned)});
  return teams;
}

}  // namespace pipelint

#include "analyzer/output/lineage.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace pipelint {
namespace {

nlohmann::ordered_json access_record(const Model& m, const TableAccess& a) {
  const auto& rec = a.rec(m);
  nlohmann::ordered_json j;
  j["type"] = "access";
  j["path"] = m.file_of(a).display_path;
  j["line"] = rec.line;
  j["col"] = rec.col;
  j["op"] = to_string(rec.op);
  j["table"] = a.table;
  j["kind"] = to_string(rec.kind);
  j["mode"] = rec.mode.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(rec.mode);
  j["api"] = rec.api;
  j["resolved"] = to_string(a.resolved);
  if (!a.path_location.empty()) j["path_location"] = a.path_location;
  return j;
}

using Json = nlohmann::ordered_json;

Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// Orchestration records (SPEC 5): dag, task and edge, in file order.
std::vector<Json> orchestration_records(const Model& m) {
  std::vector<Json> out;
  const auto& o = m.orch;
  for (uint32_t i = 0; i < o.dags.size(); ++i) {
    const auto& d = o.dag(m, i);
    Json j;
    j["type"] = "dag";
    j["path"] = m.files[o.dags[i].file].display_path;
    j["line"] = d.line;
    j["dag_id"] = d.dag_id;
    j["source"] = d.source;
    j["schedule"] = or_null(d.schedule);
    j["schedule_kind"] = d.schedule_kind;
    if (!d.schedule_datasets.empty()) j["schedule_datasets"] = d.schedule_datasets;
    j["owner"] = or_null(d.owner);
    j["tags"] = d.tags;
    j["failure_alerting"] = d.failure_alerting;
    j["retries"] = or_null(d.retries);
    out.push_back(std::move(j));
  }
  for (uint32_t i = 0; i < o.tasks.size(); ++i) {
    const auto& info = o.tasks[i];
    const auto& t = o.task(m, i);
    Json j;
    j["type"] = "task";
    j["path"] = m.files[info.file].display_path;
    j["line"] = t.line;
    j["dag_id"] = t.dag_id;
    j["task_id"] = t.task_id;
    j["operator"] = t.op;
    j["script"] = or_null(info.script);
    if (!t.callable.empty()) j["callable"] = t.callable;
    if (info.job_dag >= 0) j["job"] = o.dag(m, static_cast<uint32_t>(info.job_dag)).dag_id;
    if (!t.external_dag_id.empty()) j["external_dag_id"] = t.external_dag_id;
    if (!t.trigger_dag_id.empty()) j["trigger_dag_id"] = t.trigger_dag_id;
    if (!t.outlets.empty()) j["outlets"] = t.outlets;
    if (!t.inlets.empty()) j["inlets"] = t.inlets;
    if (!info.note.empty()) j["note"] = info.note;
    out.push_back(std::move(j));
  }
  for (uint32_t i = 0; i < o.edges.size(); ++i) {
    const auto& e = o.edge(m, i);
    Json j;
    j["type"] = "edge";
    j["path"] = m.files[o.edges[i].file].display_path;
    j["line"] = e.line;
    j["dag_id"] = e.dag_id;
    j["upstream"] = e.upstream;
    j["downstream"] = e.downstream;
    out.push_back(std::move(j));
  }
  return out;
}

// The access of `file` whose record index is `record` (Model::accesses is
// ordered by file, then record); nullptr when it is not there.
const TableAccess* access_at(const Model& m, uint32_t file, uint32_t record) {
  auto it = std::lower_bound(m.accesses.begin(), m.accesses.end(), std::make_pair(file, record),
                             [](const TableAccess& a, const std::pair<uint32_t, uint32_t>& k) {
                               return std::make_pair(a.file, a.record) < k;
                             });
  return it != m.accesses.end() && it->file == file && it->record == record ? &*it : nullptr;
}

// Column references of read tables (docs/columns.md), by file in source order.
std::vector<Json> column_records(const Model& m) {
  std::vector<Json> out;
  for (uint32_t f = 0; f < m.files.size(); ++f)
    for (const auto& c : m.files[f].records.columns) {
      const TableAccess* read = access_at(m, f, c.access);
      if (!read) continue;
      const TableAccess* into = c.into >= 0 ? access_at(m, f, static_cast<uint32_t>(c.into)) : nullptr;
      Json j;
      j["type"] = "column";
      j["path"] = m.files[f].display_path;
      j["line"] = c.line;
      j["col"] = c.col;
      j["table"] = read->table;
      j["column"] = c.column;
      j["how"] = c.how;
      j["into"] = into ? Json(into->table) : Json(nullptr);
      if (into && !c.as.empty()) j["as"] = c.as;
      out.push_back(std::move(j));
    }
  return out;
}

}  // namespace

void write_lineage_jsonl(const Model& m, std::ostream& out) {
  for (const auto& a : m.accesses) out << access_record(m, a).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  for (const auto& j : orchestration_records(m)) out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  for (const auto& j : column_records(m)) out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

void write_lineage_json(const Model& m, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["records"] = nlohmann::ordered_json::array();
  for (const auto& a : m.accesses) doc["records"].push_back(access_record(m, a));
  for (auto& j : orchestration_records(m)) doc["records"].push_back(std::move(j));
  for (auto& j : column_records(m)) doc["records"].push_back(std::move(j));
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void write_lineage_text(const Model& m, std::ostream& out) {
  for (const auto& a : m.accesses) {
    const auto& rec = a.rec(m);
    out << m.file_of(a).display_path << ':' << rec.line << ':' << rec.col << ": " << to_string(rec.op) << ' '
        << (rec.kind == Kind::Path ? "path " : "") << a.table;
    if (!rec.mode.empty()) out << " [" << rec.mode << ']';
    out << " via " << rec.api;
    if (a.resolved != Resolution::Full) out << " (" << to_string(a.resolved) << ')';
    out << '\n';
  }
  const auto& o = m.orch;
  for (uint32_t i = 0; i < o.dags.size(); ++i) {
    const auto& d = o.dag(m, i);
    out << m.files[o.dags[i].file].display_path << ':' << d.line << ": dag " << d.dag_id;
    if (!d.schedule.empty()) out << " schedule " << d.schedule;
    if (!d.owner.empty()) out << " owner " << d.owner;
    out << '\n';
  }
  for (uint32_t i = 0; i < o.tasks.size(); ++i) {
    const auto& t = o.task(m, i);
    out << m.files[o.tasks[i].file].display_path << ':' << t.line << ": task " << t.dag_id << '.' << t.task_id << " ("
        << t.op << ')';
    if (!o.tasks[i].script.empty()) out << " runs " << o.tasks[i].script;
    if (!o.tasks[i].note.empty()) out << " [note: " << o.tasks[i].note << ']';
    out << '\n';
  }
  for (uint32_t i = 0; i < o.edges.size(); ++i) {
    const auto& e = o.edge(m, i);
    out << m.files[o.edges[i].file].display_path << ':' << e.line << ": edge " << e.dag_id << ": " << e.upstream
        << " >> " << e.downstream << '\n';
  }
}

}  // namespace pipelint

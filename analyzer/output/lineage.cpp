#include "analyzer/output/lineage.h"

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

}  // namespace

void write_lineage_jsonl(const Model& m, std::ostream& out) {
  for (const auto& a : m.accesses) out << access_record(m, a).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void write_lineage_json(const Model& m, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["records"] = nlohmann::ordered_json::array();
  for (const auto& a : m.accesses) doc["records"].push_back(access_record(m, a));
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
}

}  // namespace pipelint

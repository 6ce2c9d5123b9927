// `pipelint catalog --format json` and audit's catalog.json (schema in docs/catalog.md).
#include "analyzer/output/catalog_json.h"

#include <nlohmann/json.hpp>

#include "analyzer/output/catalog.h"

namespace pipelint {
namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json access_json(const CatalogAccess& a) {
  Json runs = Json::array();
  for (const CatalogRun& r : a.runs)
    runs.push_back(Json{{"dag", r.dag}, {"task", r.task}, {"source", text_or_null(r.source)},
                        {"path", r.path}, {"line", r.line}});
  return Json{{"pipeline", a.pipeline}, {"line", a.line},       {"col", a.col},
              {"op", a.op},             {"modes", a.modes},     {"api", text_or_null(a.api)},
              {"team", text_or_null(a.team)}, {"runs", std::move(runs)}};
}

Json sla_json(const std::optional<CatalogSla>& s) {
  if (!s) return nullptr;
  return Json{{"property", s->property}, {"text", s->text}, {"seconds", s->seconds},
              {"element", text_or_null(s->element)}};
}

Json contract_json(const std::optional<CatalogContract>& c) {
  if (!c) return nullptr;
  Json columns = Json::array();
  for (const CatalogColumn& col : c->columns)
    columns.push_back(Json{{"name", col.name},
                           {"logical_type", text_or_null(col.logical_type)},
                           {"physical_type", text_or_null(col.physical_type)},
                           {"required", col.required},
                           {"primary_key", col.primary_key},
                           {"classification", text_or_null(col.classification)},
                           {"description", text_or_null(col.description)}});
  return Json{{"path", c->path},
              {"id", text_or_null(c->id)},
              {"name", text_or_null(c->name)},
              {"version", text_or_null(c->version)},
              {"status", text_or_null(c->status)},
              {"team", text_or_null(c->team)},
              {"schema", text_or_null(c->schema)},
              {"columns", std::move(columns)},
              {"sla", Json{{"latency", sla_json(c->latency)},
                           {"frequency", sla_json(c->frequency)},
                           {"retention", sla_json(c->retention)}}},
              {"also_in", c->also_in}};
}

Json row_json(const CatalogRow& r) {
  Json producers = Json::array(), consumers = Json::array();
  for (const auto& a : r.producers) producers.push_back(access_json(a));
  for (const auto& a : r.consumers) consumers.push_back(access_json(a));
  return Json{{"name", r.name},
              {"kind", r.is_path ? "path" : "table"},
              {"layer", text_or_null(r.layer)},
              {"owner", text_or_null(r.owner)},
              {"external", r.external},
              {"unresolved", r.unresolved},
              {"producers", std::move(producers)},
              {"consumers", std::move(consumers)},
              {"contract", contract_json(r.contract)},
              {"upstream", r.upstream},
              {"downstream", r.downstream}};
}

}  // namespace

std::string catalog_json_text(const std::vector<CatalogRow>& rows, int indent) {
  Json tables = Json::array();
  for (const auto& r : rows) tables.push_back(row_json(r));
  Json doc{{"version", 1}, {"tables", std::move(tables)}};
  return doc.dump(indent, ' ', false, Json::error_handler_t::replace);
}

void write_catalog_json(const std::vector<CatalogRow>& rows, std::ostream& out) {
  out << catalog_json_text(rows, 2) << '\n';
}

}  // namespace pipelint

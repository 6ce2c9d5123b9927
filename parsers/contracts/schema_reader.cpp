// `schema[]` objects and their `properties[]` (columns), nested fields included.
#include <algorithm>
#include <cctype>

#include "parsers/contracts/reader_parts.h"

namespace pipelint::contracts {
namespace {

constexpr int kMaxFieldDepth = 32;

const char* const kObjectKeys[] = {
    "authoritativeDefinitions", "businessName", "customProperties", "dataGranularityDescription", "description",
    "id", "logicalType", "name", "physicalName", "physicalType", "properties", "quality", "relationships", "tags"};

const char* const kPropertyKeys[] = {
    "authoritativeDefinitions", "businessName", "classification", "criticalDataElement", "customProperties",
    "description", "encryptedName", "examples", "id", "items", "logicalType", "logicalTypeOptions", "name",
    "partitionKeyPosition", "partitioned", "physicalName", "physicalType", "primaryKey", "primaryKeyPosition", "properties",
    "quality", "relationships", "required", "tags", "transformDescription", "transformLogic",
    "transformSourceObjects", "unique"};

const char* const kLogicalTypes[] = {"string", "date", "timestamp", "time", "number",
                                     "integer", "object", "array", "boolean"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The ODCS logical type someone most likely meant by a physical or misspelt name.
std::string suggest_logical(const std::string& written) {
  std::string w = lower(written);
  for (const char* t : kLogicalTypes)
    if (w == t) return t;
  static const struct { const char* from; const char* to; } hints[] = {
      {"int", "integer"},   {"bigint", "integer"},   {"long", "integer"},  {"smallint", "integer"},
      {"tinyint", "integer"}, {"float", "number"},   {"double", "number"}, {"decimal", "number"},
      {"numeric", "number"}, {"bool", "boolean"},    {"datetime", "timestamp"}, {"timestamp_ntz", "timestamp"},
      {"text", "string"},   {"varchar", "string"},   {"char", "string"},   {"str", "string"},
      {"struct", "object"}, {"map", "object"},       {"record", "object"}, {"list", "array"}};
  for (const auto& h : hints)
    if (w == h.from) return h.to;
  return "";
}

void check_logical_type(const PosString& lt, const std::string& where, IssueSink& sink) {
  if (!lt.present()) return;
  for (const char* t : kLogicalTypes)
    if (lt.value == t) return;
  std::string hint = suggest_logical(lt.value);
  sink.add(lt.pos, "unknown logicalType `" + lt.value + "` for " + where +
                       (hint.empty() ? "" : " (did you mean `" + hint + "`?)") +
                       ": ODCS v3 allows string, date, timestamp, time, number, integer, object, array, boolean");
}

void read_properties(const std::vector<YAML::Node>& items, const std::string& owner, int depth, IssueSink& sink,
                     std::vector<Property>& out);

// `items` of an array column: its nested `properties` become the column's fields.
void read_items(const YAML::Node& items, const std::string& where, int depth, IssueSink& sink, Property& p) {
  if (!items.IsMap()) {
    if (!items.IsNull())
      sink.add(items, "`items` of " + where + " must be a mapping, not " + std::string(node_kind(items)));
    return;
  }
  if (depth >= kMaxFieldDepth) {
    sink.add(items, where + " is nested deeper than " + std::to_string(kMaxFieldDepth) + " levels; its fields are not read");
    return;
  }
  Fields f(items, "the items of " + where, sink);
  if (auto lt = f.text("logicalType")) check_logical_type(*lt, "the items of " + where, sink);
  read_properties(f.list("properties"), where, depth + 1, sink, p.fields);
  if (const YAML::Node* inner = f.get("items")) read_items(*inner, where, depth + 1, sink, p);
}

Property read_property(const YAML::Node& item, const std::string& owner, int depth, IssueSink& sink) {
  Property p;
  Fields f(item, "a column of " + owner, sink);
  auto name = f.text("name");
  if (name && !name->value.empty()) {
    p.name = name->value;
    p.pos = name->pos;
  } else {
    p.pos = sink.pos(item);
    sink.add(p.pos, "column of " + owner + " without a `name` (ODCS requires one)");
  }
  std::string where = "column `" + p.name + "` of " + owner;
  f.set_where(where);
  check_known_keys(item, kPropertyKeys, std::size(kPropertyKeys), where, sink);
  if (auto v = f.text("id")) p.id = v->value;
  if (auto v = f.text("logicalType")) p.logical_type = *v;
  check_logical_type(p.logical_type, where, sink);
  if (auto v = f.text("physicalType")) p.physical_type = *v;
  if (auto v = f.text("physicalName")) p.physical_name = *v;
  if (auto v = f.text("classification")) p.classification = *v;
  if (auto v = f.text("description")) p.description = *v;
  p.required = f.boolean("required");
  p.primary_key = f.boolean("primaryKey");
  if (auto v = f.integer("primaryKeyPosition")) p.primary_key_position = *v;
  f.boolean("unique");
  f.boolean("partitioned");
  f.integer("partitionKeyPosition");
  if (depth >= kMaxFieldDepth) {
    if (f.get("properties") || f.get("items"))
      sink.add(p.pos, where + " is nested deeper than " + std::to_string(kMaxFieldDepth) +
                          " levels; its fields are not read");
    return p;
  }
  read_properties(f.list("properties"), where, depth + 1, sink, p.fields);
  if (const YAML::Node* items = f.get("items")) read_items(*items, where, depth, sink, p);
  return p;
}

void read_properties(const std::vector<YAML::Node>& items, const std::string& owner, int depth, IssueSink& sink,
                     std::vector<Property>& out) {
  for (const auto& item : items) {
    if (!item.IsMap()) {
      sink.add(item, "columns of " + owner + " must be mappings with a `name`, not " + std::string(node_kind(item)));
      continue;
    }
    Property p = read_property(item, owner, depth, sink);
    if (!p.name.empty()) {
      // Spark resolves column names case-insensitively: `Meter_ID` and `meter_id` collide.
      auto same = std::find_if(out.begin(), out.end(), [&](const Property& q) { return lower(q.name) == lower(p.name); });
      if (same != out.end()) {
        sink.add(p.pos, "duplicate column `" + p.name + "` in " + owner + " (first defined at line " +
                            std::to_string(same->pos.line) + ")");
        continue;
      }
    }
    out.push_back(std::move(p));
  }
}

}  // namespace

void check_known_keys(const YAML::Node& map, const char* const* known, size_t count, const std::string& where,
                      IssueSink& sink) {
  if (!map.IsMap()) return;
  for (const auto& kv : map) {
    YAML::Node key_node = kv.first;
    if (!key_node.IsScalar()) continue;
    const std::string key = key_node.Scalar();
    if (std::find_if(known, known + count, [&](const char* k) { return key == k; }) != known + count) continue;
    std::string hint;
    for (size_t i = 0; i < count; ++i)
      if (lower(key) == lower(known[i])) hint = std::string(" (did you mean `") + known[i] + "`?)";
    if (hint.empty() && key == "freshness") hint = " (an SLA: write it under `slaProperties`)";
    sink.add(key_node, "unknown key `" + key + "` in " + where + hint + ": ODCS v3 does not define it");
  }
}

void read_schema(const Fields& top, IssueSink& sink, std::vector<SchemaObject>& out) {
  for (const auto& item : top.list("schema")) {
    if (!item.IsMap()) {
      sink.add(item, "items of `schema` must be mappings (one per table), not " + std::string(node_kind(item)));
      continue;
    }
    SchemaObject o;
    Fields f(item, "a schema object", sink);
    auto name = f.text("name");
    if (name && !name->value.empty()) {
      o.name = name->value;
      o.pos = name->pos;
    } else {
      o.pos = sink.pos(item);
      sink.add(o.pos, "schema object without a `name` (ODCS requires one)");
    }
    std::string where = "schema object `" + o.name + "`";
    f.set_where(where);
    check_known_keys(item, kObjectKeys, std::size(kObjectKeys), where, sink);
    if (auto v = f.text("id")) o.id = v->value;
    if (auto v = f.text("physicalName")) o.physical_name = *v;
    if (auto v = f.text("physicalType")) o.physical_type = *v;
    if (auto v = f.text("description")) o.description = *v;
    if (auto lt = f.text("logicalType"); lt && lt->value != "object")
      sink.add(lt->pos, "logicalType of " + where + " must be `object`, not `" + lt->value + "`");
    read_properties(f.list("properties"), "`" + o.name + "`", 0, sink, o.properties);
    out.push_back(std::move(o));
  }
}

}  // namespace pipelint::contracts

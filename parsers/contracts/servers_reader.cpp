// `servers[]` and the table names of schema objects they qualify.
#include <algorithm>
#include <cctype>

#include "parsers/contracts/reader_parts.h"

namespace pipelint::contracts {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

size_t dot_parts(const std::string& name) { return static_cast<size_t>(std::count(name.begin(), name.end(), '.')) + 1; }

std::string qualify(const std::string& name, const Server& s) {
  size_t parts = dot_parts(name);
  if (parts >= 3) return name;
  if (parts == 2) return s.catalog + "." + name;
  return s.catalog + "." + s.schema + "." + name;
}

bool usable(const Server& s) { return lower(s.type) == "databricks" && !s.catalog.empty() && !s.schema.empty(); }

bool is_production(const Server& s) {
  std::string e = lower(s.environment);
  return e == "prod" || e == "production" || e == "prd";
}

}  // namespace

void read_servers(const Fields& top, IssueSink& sink, std::vector<Server>& out) {
  for (const auto& item : top.list("servers")) {
    if (!item.IsMap()) {
      sink.add(item, "items of `servers` must be mappings, not " + std::string(node_kind(item)));
      continue;
    }
    Fields f(item, "a server", sink);
    Server s;
    s.pos = sink.pos(item);
    if (auto v = f.text("server")) s.server = v->value;
    if (auto v = f.text("type")) s.type = v->value;
    if (auto v = f.text("environment")) s.environment = v->value;
    if (auto v = f.text("catalog")) s.catalog = v->value;
    if (auto v = f.text("schema")) s.schema = v->value;
    if (lower(s.type) == "databricks") {
      for (const char* key : {"catalog", "schema"})
        if (!f.text(key))
          sink.add(s.pos, "databricks server `" + s.server + "` has no `" + key +
                              "`: ODCS requires catalog and schema, and pipelint needs them to name its tables");
    }
    out.push_back(std::move(s));
  }
}

void qualify_tables(DataContract& c, IssueSink& sink) {
  std::vector<const Server*> servers;
  for (const auto& s : c.servers)
    if (usable(s)) servers.push_back(&s);
  // Lineage resolves names for production by default: a prod server names the table first.
  std::stable_partition(servers.begin(), servers.end(), [](const Server* s) { return is_production(*s); });
  for (auto& o : c.schema) {
    std::string base = o.physical_name.value.empty() ? o.name : o.physical_name.value;
    if (base.empty()) continue;
    if (servers.empty()) {
      o.table = base;
      continue;
    }
    o.table = qualify(base, *servers.front());
    for (size_t i = 1; i < servers.size(); ++i) {
      std::string other = qualify(base, *servers[i]);
      if (lower(other) != lower(o.table) &&
          std::none_of(o.other_tables.begin(), o.other_tables.end(), [&](auto& t) { return lower(t) == lower(other); }))
        o.other_tables.push_back(other);
    }
  }
  for (size_t i = 0; i < c.schema.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (!c.schema[i].table.empty() && lower(c.schema[i].table) == lower(c.schema[j].table)) {
        sink.add(c.schema[i].physical_name.present() ? c.schema[i].physical_name.pos : c.schema[i].pos,
                 "schema objects `" + c.schema[j].name + "` (line " + std::to_string(c.schema[j].pos.line) +
                     ") and `" + c.schema[i].name + "` both describe table `" + c.schema[i].table + "`");
        break;
      }
}

}  // namespace pipelint::contracts

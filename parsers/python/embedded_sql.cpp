#include "parsers/python/embedded_sql.h"

#include <vector>

namespace pipelint::py {

namespace {

struct Segment {
  size_t start = 0, len = 0;
  int64_t off = -1;
  const void* origin = nullptr;
  bool anchored = false;
};

// Gives SQL holes ({x} / ${x}) the source and default of the Python hole of
// the same name, or a widget default for notebook SQL.
void fill_holes(NameTemplate& name, const std::unordered_map<std::string, const VPart*>& holes,
                const SqlSite& site) {
  for (auto& part : name.parts) {
    if (!part.hole) continue;
    auto h = holes.find(part.text);
    if (h != holes.end()) {
      part.source = h->second->k == VPart::K::Param ? HoleSource::Parameter : h->second->src;
      if (!part.default_value) part.default_value = h->second->def;
      continue;
    }
    if (site.widget_defaults && !part.default_value) {
      auto w = site.widget_defaults->find(part.text);
      if (w != site.widget_defaults->end()) part.default_value = w->second;
    }
  }
}

}  // namespace

void sql_records(const VStr& text, const SqlSite& site, SqlFn fn, FileRecords& out) {
  std::string sql;
  std::vector<Segment> segments;
  std::unordered_map<std::string, const VPart*> holes;
  for (const auto& p : text.parts) {
    if (p.k == VPart::K::Text) {
      segments.push_back({sql.size(), p.text.size(), p.off, p.origin, p.anchored});
      sql += p.text;
    } else {
      std::string rendered = "{" + p.text + "}";
      segments.push_back({sql.size(), rendered.size(), p.off, p.origin, p.anchored});
      sql += rendered;
      holes.emplace(p.text, &p);
    }
  }
  auto where = [&](size_t offset) -> std::pair<uint32_t, uint32_t> {
    for (const auto& s : segments) {
      if (offset < s.start || offset >= s.start + s.len) continue;
      if (s.off < 0 || s.origin != site.origin || !site.pos) break;
      size_t delta = s.anchored ? 0 : offset - s.start;
      return site.pos->position(static_cast<size_t>(s.off) + delta);
    }
    return {site.line, site.col};
  };
  sql::SqlResult result = fn(sql);
  const size_t base = out.accesses.size();
  for (auto& a : result.accesses) {
    AccessRecord r;
    std::tie(r.line, r.col) = where(a.offset);
    r.op = a.op;
    r.kind = a.kind;
    r.mode = a.mode;
    r.api = site.api_prefix + ":" + a.statement;
    r.name = std::move(a.name);
    fill_holes(r.name, holes, site);
    out.accesses.push_back(std::move(r));
  }
  for (auto& c : result.created_columns) {
    DeclaredColumns d;
    std::tie(d.line, d.col) = where(c.offset);
    d.table = std::move(c.table);
    fill_holes(d.table, holes, site);
    d.columns = std::move(c.columns);
    out.declared_columns.push_back(std::move(d));
  }
  for (auto& c : result.columns) {
    ColumnRef r;
    std::tie(r.line, r.col) = where(c.offset);
    r.access = static_cast<uint32_t>(base + c.access);
    r.into = c.into >= 0 ? static_cast<int32_t>(base + static_cast<size_t>(c.into)) : -1;
    r.column = std::move(c.column);
    r.how = std::move(c.how);
    r.as = std::move(c.as);
    out.columns.push_back(std::move(r));
  }
}

}  // namespace pipelint::py

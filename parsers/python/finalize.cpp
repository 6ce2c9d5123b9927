#include "parsers/python/finalize.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace pipelint::py {

namespace {

constexpr int kMaxDepth = 16;

Val resolve_import_value(ModuleData& m, int ref, ModuleSource* repo, int depth);

VStr resolve_imports(ModuleData& m, const VStr& v, ModuleSource* repo, int depth) {
  if (!v.has(VPart::K::Import)) return v;
  VStr out;
  for (const auto& p : v.parts) {
    if (p.k != VPart::K::Import) {
      out.append_part(p);
      continue;
    }
    VStr r = resolve_import_value(m, p.ref, repo, depth).as_str(p.text);
    r.strip_offsets();
    if (p.off >= 0) r.anchor_at(p.off, p.origin);  // where the imported name is substituted
    out.append(r);
  }
  return out;
}

Val resolve_val(ModuleData& m, const Val& v, ModuleSource* repo, int depth) {
  Val out = v;
  out.s = resolve_imports(m, v.s, repo, depth);
  for (auto& i : out.items) i = resolve_val(m, i, repo, depth);
  return out;
}

std::string last_component(const std::string& name) {
  auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

Val resolve_import_value(ModuleData& m, int ref, ModuleSource* repo, int depth) {
  if (ref < 0 || ref >= static_cast<int>(m.imports.size())) return Val::unknown("?");
  const ImportRef& imp = m.imports[ref];
  std::string fallback = imp.alts.empty() ? "?" : last_component(imp.alts.front().second);
  if (!repo || depth > kMaxDepth) return Val::unknown(fallback);
  for (const auto& [path, name] : imp.alts) {
    ModuleData* target = repo->module(path);
    if (!target) continue;
    auto c = target->constants.find(name);
    if (c != target->constants.end()) return resolve_val(*target, c->second, repo, depth + 1);
    auto re = target->imported_names.find(name);
    if (re != target->imported_names.end())
      return resolve_import_value(*target, re->second, repo, depth + 1);
  }
  return Val::unknown(fallback);
}

bool depends_on_params(const Pending& p) { return p.mode_param >= 0 || p.name.has(VPart::K::Param); }

void params_to_holes(VStr& v) {
  for (auto& p : v.parts)
    if (p.k == VPart::K::Param) {
      p.k = VPart::K::Hole;
      p.src = HoleSource::Parameter;
    }
}

FuncRef callee_of(ModuleData& m, const CallSite& c, ModuleSource* repo) {
  if (c.local_func >= 0) return {&m, c.local_func};
  if (c.import_ref >= 0 && repo) return resolve_function(m, c.import_ref, *repo);
  return {};
}

const std::vector<Pending>& summary(ModuleData& m, int f, ModuleSource* repo, int depth);

// The callee's access `s` seen from call site `c`: parameters replaced by the
// call's arguments (or the defaults), positioned at the call.
Pending instantiate(const Pending& s, const FuncInfo& callee, const CallSite& c) {
  Pending out = s;
  out.name.parts.clear();
  const Arg* position_arg = nullptr;
  bool position_decided = false;
  for (const auto& p : s.name.parts) {
    if (p.k != VPart::K::Param) {
      VPart q = p;
      q.off = -1;  // the callee's source is not the caller's file
      out.name.append_part(q);
      continue;
    }
    const Arg* arg = nullptr;
    int index = p.ref - (c.bound_method ? 1 : 0);
    if (index >= 0 && index < static_cast<int>(c.pos.size())) arg = &c.pos[index];
    for (const auto& [k, a] : c.kw)
      if (k == p.text) arg = &a;
    if (!position_decided && arg && arg->literal) {
      position_arg = arg;
      position_decided = true;
    }
    if (arg) {
      out.name.append(arg->v.as_str(p.text));
    } else if (p.def) {
      out.name.append(VStr::text(*p.def));
    } else if (p.ref >= 0 && p.ref < static_cast<int>(callee.params.size()) &&
               callee.params[p.ref].def) {
      out.name.append(VStr::text(*callee.params[p.ref].def));
    } else {
      out.name.append(VStr::hole(p.text, HoleSource::Parameter));
    }
  }
  if (s.mode_param >= 0) {
    int index = s.mode_param - (c.bound_method ? 1 : 0);
    const Arg* arg = nullptr;
    if (index >= 0 && index < static_cast<int>(c.pos.size())) arg = &c.pos[index];
    if (s.mode_param < static_cast<int>(callee.params.size()))
      for (const auto& [k, a] : c.kw)
        if (k == callee.params[s.mode_param].name) arg = &a;
    out.mode_param = -1;
    if (arg && arg->v.is_str() && arg->v.s.known()) {
      out.mode = arg->v.s.known_text();
      for (auto& ch : out.mode) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else if (arg && arg->v.is_str() && arg->v.s.parts.size() == 1 &&
               arg->v.s.parts[0].k == VPart::K::Param) {
      out.mode_param = arg->v.s.parts[0].ref;  // passed on from the caller's parameter
      if (arg->v.s.parts[0].def) out.mode = *arg->v.s.parts[0].def;
    }
  }
  if (!s.sql && position_arg && position_arg->literal) {
    out.line = position_arg->line;
    out.col = position_arg->col;
  } else {
    out.line = c.line;
    out.col = c.col;
  }
  out.func = depends_on_params(out) ? c.func : -1;
  return out;
}

const std::vector<Pending>& summary(ModuleData& m, int f, ModuleSource* repo, int depth) {
  FuncInfo& fn = m.funcs[f];
  if (fn.state != 0 || depth > kMaxDepth) return fn.summary;  // done, or a recursion
  fn.state = 1;
  std::vector<Pending> out;
  for (int id : fn.pending_ids) {
    const Pending& p = m.pending[id];
    if (!depends_on_params(p)) continue;
    Pending r = p;
    r.name = resolve_imports(m, p.name, repo, 0);
    out.push_back(std::move(r));
  }
  for (int id : fn.call_ids) {
    const CallSite& c = m.calls[id];
    FuncRef callee = callee_of(m, c, repo);
    if (!callee.module) continue;
    const auto& inner = summary(*callee.module, callee.func, repo, depth + 1);
    for (const auto& s : inner) {
      Pending r = instantiate(s, callee.module->funcs[callee.func], c);
      r.name = resolve_imports(m, r.name, repo, 0);
      if (depends_on_params(r)) out.push_back(std::move(r));
    }
  }
  fn.summary = std::move(out);
  fn.state = 2;
  return fn.summary;
}

void emit(ModuleData& m, Pending p, ModuleSource* repo, SqlFn sql_fn, FileRecords& out) {
  p.name = resolve_imports(m, p.name, repo, 0);
  params_to_holes(p.name);
  if (p.sql) {
    SqlSite site{p.api, p.line, p.col, &m, &m.pos, &m.widget_defaults};
    sql_records(p.name, site, sql_fn, out);
    return;
  }
  AccessRecord r;
  r.line = p.line;
  r.col = p.col;
  r.op = p.op;
  r.kind = p.kind;
  r.mode = p.mode;
  r.api = p.api;
  r.name = to_template(p.name);
  out.accesses.push_back(std::move(r));
}

void sort_columns(FileRecords& r) {
  auto key = [](const ColumnRef& c) { return std::tie(c.line, c.col, c.access, c.into, c.column, c.how, c.as); };
  std::stable_sort(r.columns.begin(), r.columns.end(),
                   [&](const ColumnRef& a, const ColumnRef& b) { return key(a) < key(b); });
  r.columns.erase(std::unique(r.columns.begin(), r.columns.end(),
                              [&](const ColumnRef& a, const ColumnRef& b) { return key(a) == key(b); }),
                  r.columns.end());
}

bool only_bare_parameters(const NameTemplate& name) {
  bool any = false;
  for (const auto& part : name.parts) {
    if (!part.hole) {
      if (!part.text.empty()) return false;
      continue;
    }
    if (part.source != HoleSource::Parameter || part.default_value) return false;
    any = true;
  }
  return any;
}

bool reported_in_body(const ModuleData& m, const Pending& p) {
  return p.func < 0 || !depends_on_params(p) || !m.funcs[p.func].called;
}

// Column references follow their accesses through a reordering: remap[old]
// is the new index, -1 when the access is gone.
void remap_columns(FileRecords& r, const std::vector<int>& remap) {
  std::vector<ColumnRef> kept;
  kept.reserve(r.columns.size());
  for (auto& c : r.columns) {
    if (c.access >= remap.size() || remap[c.access] < 0) continue;
    c.access = static_cast<uint32_t>(remap[c.access]);
    if (c.into >= 0) c.into = static_cast<size_t>(c.into) < remap.size() ? remap[c.into] : -1;
    kept.push_back(std::move(c));
  }
  r.columns = std::move(kept);
}

void sort_and_dedupe(FileRecords& r) {
  auto key = [](const AccessRecord& a) {
    return std::make_tuple(a.line, a.col, a.op, a.name.placeholder_text(), a.api, a.mode, a.kind);
  };
  auto& acc = r.accesses;
  std::vector<size_t> order(acc.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(acc[a]) < key(acc[b]); });
  std::vector<AccessRecord> sorted;
  sorted.reserve(acc.size());
  std::vector<int> remap(acc.size(), -1);
  for (size_t k : order) {
    if (!sorted.empty() && key(sorted.back()) == key(acc[k]) && sorted.back().name == acc[k].name) {
      remap[k] = static_cast<int>(sorted.size()) - 1;
      continue;
    }
    remap[k] = static_cast<int>(sorted.size());
    sorted.push_back(std::move(acc[k]));
  }
  acc = std::move(sorted);
  remap_columns(r, remap);
  std::stable_sort(r.declared_columns.begin(), r.declared_columns.end(),
                   [](const DeclaredColumns& a, const DeclaredColumns& b) {
                     return std::tie(a.line, a.col) < std::tie(b.line, b.col);
                   });
}

std::vector<TempView> own_views(const ModuleData& m) {
  std::vector<TempView> views = m.temp_views;
  for (const auto& p : m.pending)
    if (p.sql) sql_temp_views(p.name.known_text(), views);
  return views;
}

// The file's views and those of the notebooks it %runs.
std::vector<TempView> views_seen_by(const ModuleData& m, ModuleSource* repo) {
  std::vector<TempView> views = own_views(m);
  if (repo)
    for (const auto& inc : m.run_includes)
      if (ModuleData* target = repo->module(inc); target && target != &m)
        for (auto& v : own_views(*target)) views.push_back(TempView{std::move(v.name), {}});
  return views;
}

}  // namespace

FuncRef resolve_function(ModuleData& m, int import_ref, ModuleSource& repo, int depth) {
  if (import_ref < 0 || import_ref >= static_cast<int>(m.imports.size()) || depth > kMaxDepth)
    return {};
  for (const auto& [path, name] : m.imports[import_ref].alts) {
    ModuleData* target = repo.function_module(path);
    if (!target) continue;
    auto f = target->func_index.find(name);
    if (f != target->func_index.end()) return {target, f->second};
    auto re = target->imported_names.find(name);
    if (re != target->imported_names.end()) return resolve_function(*target, re->second, repo, depth + 1);
  }
  return {};
}

FileRecords finalize(ModuleData& m, ModuleSource* repo, SqlFn sql_fn) {
  FileRecords out;
  out.diagnostics = m.diagnostics;
  for (auto& f : m.funcs) {
    f.state = 0;
    f.summary.clear();
  }
  std::vector<int> access_of(m.pending.size(), -1);  // pending id -> its record
  for (size_t id = 0; id < m.pending.size(); ++id) {
    const Pending& p = m.pending[id];
    if (!reported_in_body(m, p)) continue;
    if (p.func < 0 || !depends_on_params(p)) {
      size_t before = out.accesses.size();
      emit(m, p, repo, sql_fn, out);
      if (!p.sql && out.accesses.size() == before + 1) access_of[id] = static_cast<int>(before);
      continue;
    }
    // A helper nobody calls: its body says nothing about a table whose whole
    // name is a parameter, so only names with a known part or a default stay.
    FileRecords body;
    emit(m, p, repo, sql_fn, body);
    for (auto& a : body.accesses)
      if (!only_bare_parameters(a.name)) out.accesses.push_back(std::move(a));
    for (auto& d : body.declared_columns)
      if (!only_bare_parameters(d.table)) out.declared_columns.push_back(std::move(d));
  }
  for (const auto& c : m.calls) {
    FuncRef callee = callee_of(m, c, repo);
    if (!callee.module) continue;
    std::vector<Pending> inner = summary(*callee.module, callee.func, repo, 0);
    for (const auto& s : inner) {
      Pending r = instantiate(s, callee.module->funcs[callee.func], c);
      if (reported_in_body(m, r)) emit(m, std::move(r), repo, sql_fn, out);
    }
  }
  for (const auto& c : m.columns) {
    if (c.read < 0 || access_of[c.read] < 0) continue;
    ColumnRef r;
    r.line = c.line;
    r.col = c.col;
    r.access = static_cast<uint32_t>(access_of[c.read]);
    r.column = c.column;
    r.how = c.how;
    r.into = c.into >= 0 ? access_of[c.into] : -1;
    r.as = c.as;
    out.columns.push_back(std::move(r));
  }
  sort_and_dedupe(out);
  std::vector<int> kept;
  drop_view_accesses(out, views_seen_by(m, repo), &kept);
  remap_columns(out, kept);
  sort_columns(out);
  return out;
}

}  // namespace pipelint::py

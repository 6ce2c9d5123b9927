// The value lattice over the collected assignments (SPEC 2.2): literals,
// concatenation, f-strings, str.format, %-formatting, join, constants (a name
// is constant only when every assignment that can reach the use agrees),
// parameters, class attributes, imports, widgets, environment and Spark conf.
#include <algorithm>
#include <cctype>
#include <climits>

#include "parsers/common/utf8.h"
#include "parsers/python/file_analyzer.h"

namespace pipelint::py {

namespace {

constexpr int kMaxEvalDepth = 40;
constexpr size_t kMaxItems = 256;


// Escapes may name values past U+10FFFF; those are dropped, not encoded.
void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x110000) utf8::append(out, static_cast<char32_t>(cp));
}

std::string decode_escape(std::string_view e) {
  if (e.size() < 2) return std::string(e);
  char c = e[1];
  switch (c) {
    case 'n': return "\n";
    case 't': return "\t";
    case 'r': return "\r";
    case '\\': return "\\";
    case '\'': return "'";
    case '"': return "\"";
    case 'a': return "\a";
    case 'b': return "\b";
    case 'f': return "\f";
    case 'v': return "\v";
    case '\n': return "";
    case 'x': case 'u': case 'U': {
      uint32_t cp = 0;
      for (size_t i = 2; i < e.size(); ++i) {
        char h = e[i];
        int d = std::isdigit(static_cast<unsigned char>(h)) ? h - '0'
                : (h >= 'a' && h <= 'f')                   ? h - 'a' + 10
                : (h >= 'A' && h <= 'F')                   ? h - 'A' + 10
                                                           : -1;
        if (d < 0) return std::string(e);
        cp = cp * 16 + static_cast<uint32_t>(d);
      }
      std::string out;
      append_utf8(out, cp);
      return out;
    }
    default:
      if (c >= '0' && c <= '7') {
        uint32_t cp = 0;
        for (size_t i = 1; i < e.size() && e[i] >= '0' && e[i] <= '7'; ++i) cp = cp * 8 + (e[i] - '0');
        std::string out;
        append_utf8(out, cp);
        return out;
      }
      return std::string(e);  // \N{...} and unknown escapes stay as written
  }
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

bool FileAnalyzer::dominates(int block, int inner) const {
  if (block < 0) return true;
  for (int b = inner, guard = 0; b >= 0 && guard < 10000; b = block_parent_[b], ++guard)
    if (b == block) return true;
  return false;
}

std::vector<std::string> FileAnalyzer::module_files(const std::string& dotted, int level) const {
  std::string rel;
  for (char ch : dotted) rel += ch == '.' ? '/' : ch;
  std::vector<std::string> bases;
  auto base_of = [&](size_t n) {
    std::string b;
    for (size_t i = 0; i < n; ++i) b += dir_parts_[i] + "/";
    return b;
  };
  if (level > 0) {
    if (static_cast<size_t>(level - 1) > dir_parts_.size()) return {};
    bases.push_back(base_of(dir_parts_.size() - (level - 1)));
  } else {
    // The script's folder is first on sys.path; the repository root last.
    for (size_t n = dir_parts_.size() + 1; n-- > 0;) bases.push_back(base_of(n));
  }
  std::vector<std::string> out;
  for (const auto& b : bases) {
    if (rel.empty()) {
      out.push_back(b + "__init__.py");
    } else {
      out.push_back(b + rel + ".py");
      out.push_back(b + rel + "/__init__.py");
    }
  }
  return out;
}

// Standard library and third-party packages: never a module of the repository.
bool FileAnalyzer::third_party(const std::string& dotted) {
  static const std::string_view roots[] = {
      "pyspark", "delta", "os", "sys", "json", "datetime", "time", "re", "logging", "typing",
      "pandas", "numpy", "mlflow", "requests", "dlt", "functools", "itertools", "collections",
      "pathlib", "uuid", "math", "random", "argparse", "dataclasses", "enum", "abc", "yaml",
      "boto3", "awsglue", "databricks", "pyarrow", "sklearn", "airflow", "great_expectations"};
  std::string_view root(dotted);
  root = root.substr(0, root.find('.'));
  return std::find(std::begin(roots), std::end(roots), root) != std::end(roots);
}

int FileAnalyzer::import_ref_for(const ModuleRef& m, const std::string& name, bool also_submodule) {
  std::string key = m.module + "|" + std::to_string(m.level) + "|" + name + (also_submodule ? "|s" : "");
  auto cached = import_ref_cache_.find(key);
  if (cached != import_ref_cache_.end()) return cached->second;
  ImportRef ref;
  for (auto& f : module_files(m.module, m.level)) ref.alts.emplace_back(f, name);
  if (also_submodule) {
    auto dot = m.module.rfind('.');
    if (dot != std::string::npos)
      for (auto& f : module_files(m.module.substr(0, dot), m.level))
        ref.alts.emplace_back(f, m.module.substr(dot + 1) + "." + name);
  }
  md_.imports.push_back(std::move(ref));
  md_.has_external_refs = true;
  int id = static_cast<int>(md_.imports.size()) - 1;
  import_ref_cache_.emplace(std::move(key), id);
  return id;
}

int FileAnalyzer::import_ref_for_info(const ImportInfo& info) {
  size_t idx = static_cast<size_t>(&info - import_infos_.data());
  if (import_info_ref_[idx] >= 0) return import_info_ref_[idx];
  ModuleRef m{true, info.module, info.level};
  std::string name = info.name;
  if (name.empty()) {  // `import a.b` used as a value: nothing to name
    name = info.module;
  }
  int id = import_ref_for(m, name, false);
  import_info_ref_[idx] = id;
  return id;
}

int FileAnalyzer::star_ref(const std::string& name) {
  auto it = star_refs_.find(name);
  if (it != star_refs_.end()) return it->second;
  ImportRef ref;
  for (auto& f : md_.star_sources) ref.alts.emplace_back(f, name);
  md_.imports.push_back(std::move(ref));
  md_.has_external_refs = true;
  int id = static_cast<int>(md_.imports.size()) - 1;
  star_refs_.emplace(name, id);
  return id;
}

const FileAnalyzer::Assign* FileAnalyzer::find_binding(std::string_view name, const Ctx& c,
                                                      int* scope_out) const {
  bool first = true;
  for (int s = c.scope; s >= 0; s = scopes_[s].parent) {
    const Scope& S = scopes_[s];
    if (S.k == Scope::K::Class && !first) continue;
    auto it = S.names.find(std::string(name));
    if (it == S.names.end()) {
      first = false;
      continue;
    }
    if (scope_out) *scope_out = s;
    const Assign* best = nullptr;
    for (const auto& a : it->second) {
      if (first && a.k != Assign::K::Param && a.off >= c.off) continue;
      best = &a;  // the last one before the use
    }
    if (!best) best = &it->second.back();
    return best;
  }
  return nullptr;
}

FileAnalyzer::ModuleRef FileAnalyzer::module_ref(TSNode n, const Ctx& c) const {
  TSSymbol sym = ts_node_symbol(n);
  if (sym == S_.identifier) {
    const Assign* a = find_binding(text(n), c, nullptr);
    if (!a || a->k != Assign::K::Import) return {};
    const ImportInfo& info = import_infos_[a->index];
    if (info.name.empty()) return {true, info.module, info.level};
    std::string dotted = info.module;
    if (!dotted.empty()) dotted.push_back('.');
    dotted.append(info.name);
    return {true, dotted, info.level};
  }
  if (sym == S_.attribute) {
    ModuleRef base = module_ref(field(n, S_.f_object), c);
    if (!base.ok) return {};
    base.module.push_back('.');
    base.module.append(text(field(n, S_.f_attribute)));
    return base;
  }
  return {};
}

Val FileAnalyzer::widget_default_hole(const std::string& name) {
  auto it = md_.widget_defaults.find(name);
  std::optional<std::string> def;
  if (it != md_.widget_defaults.end()) def = it->second;
  return Val::str(VStr::hole(name, HoleSource::Widget, def));
}

Val FileAnalyzer::value_of_assign(const Assign& a, std::string_view name, int scope,
                                  const Bindings* bind, int depth) {
  switch (a.k) {
    case Assign::K::Value:
    case Assign::K::Unpack: {
      Ctx ac{scope, a.block, a.off, bind};
      Val v = eval(a.value, ac, depth + 1);
      if (a.k == Assign::K::Unpack) {
        if (v.t == Val::T::List && a.index >= 0 && a.index < static_cast<int>(v.items.size()))
          return v.items[a.index];
        return Val::unknown(std::string(name));
      }
      return v;
    }
    case Assign::K::Param: {
      VPart p;
      p.k = VPart::K::Param;
      p.text = std::string(name);
      p.ref = a.index;
      p.src = HoleSource::Parameter;
      if (!ts_node_is_null(a.value)) {
        Ctx dc{scopes_[scope].parent, 0, UINT32_MAX, nullptr};
        Val d = eval(a.value, dc, depth + 1);
        if (d.is_str() && d.s.known()) p.def = d.s.known_text();
      }
      VStr s;
      s.parts.push_back(std::move(p));
      return Val::str(std::move(s));
    }
    case Assign::K::Import: {
      const ImportInfo& info = import_infos_[a.index];
      if (info.name.empty()) return Val::unknown(std::string(name));
      VPart p;
      p.k = VPart::K::Import;
      p.text = std::string(name);
      p.ref = import_ref_for_info(info);
      VStr s;
      s.parts.push_back(std::move(p));
      return Val::str(std::move(s));
    }
    default:
      return Val::unknown(std::string(name));
  }
}

Val FileAnalyzer::value_of(const std::vector<Assign>& as, std::string_view name, const Ctx* flow,
                           int scope, const Bindings* bind, int depth) {
  std::vector<const Assign*> cands;
  if (flow) {
    int dom = -1;
    for (size_t i = 0; i < as.size(); ++i) {
      const Assign& a = as[i];
      if (a.k != Assign::K::Param && a.off >= flow->off) continue;
      if (a.k == Assign::K::Param || dominates(a.block, flow->block)) dom = static_cast<int>(i);
    }
    for (size_t i = 0; i < as.size(); ++i) {
      const Assign& a = as[i];
      if (a.k != Assign::K::Param && a.off >= flow->off) continue;
      if (dom < 0 || static_cast<int>(i) >= dom) cands.push_back(&a);
    }
  }
  if (cands.empty())
    for (const auto& a : as) cands.push_back(&a);
  if (cands.size() > 32) return Val::unknown(std::string(name));
  Val first;
  for (size_t i = 0; i < cands.size(); ++i) {
    Val v = value_of_assign(*cands[i], name, scope, bind, depth);
    if (i == 0) {
      first = std::move(v);
    } else if (!first.same_value(v)) {
      return Val::unknown(std::string(name));  // different values on different paths
    }
  }
  return first;
}

Val FileAnalyzer::lookup(std::string_view name, const Ctx& c, int depth) {
  if (c.bind)
    for (const auto& [k, v] : *c.bind)
      if (k == name) return v;
  bool first = true;
  int own_func = enclosing_func(c.scope);
  for (int s = c.scope; s >= 0; s = scopes_[s].parent) {
    const Scope& S = scopes_[s];
    if (S.k == Scope::K::Class && !first) continue;
    auto it = S.names.find(std::string(name));
    if (it != S.names.end()) {
      const auto& as = it->second;
      // A parameter of an enclosing function (not ours) is not bound at our call sites.
      if (S.k == Scope::K::Function && S.func != own_func)
        for (const auto& a : as)
          if (a.k == Assign::K::Param) return Val::str(VStr::hole(std::string(name), HoleSource::Parameter));
      return value_of(as, name, first ? &c : nullptr, s, c.bind, depth);
    }
    first = false;
  }
  if (!md_.star_sources.empty()) {
    VPart p;
    p.k = VPart::K::Import;
    p.text = std::string(name);
    p.ref = star_ref(std::string(name));
    VStr s;
    s.parts.push_back(std::move(p));
    return Val::str(std::move(s));
  }
  return Val::unknown(std::string(name));
}

Val FileAnalyzer::class_attr(int k, std::string_view attr, const Bindings* bind, int depth) {
  std::vector<Val> vals;
  const Scope& K = scopes_[k];
  std::string key(attr);
  auto body = K.names.find(key);
  if (body != K.names.end())
    for (const auto& a : body->second) vals.push_back(value_of_assign(a, attr, k, bind, depth));
  auto inst = K.self_attrs.find(key);
  if (inst != K.self_attrs.end())
    for (const auto& a : inst->second) {
      // self.X = v sits in a method (its scope is kept in `index`); the
      // method's parameters are not bound where the attribute is read.
      Ctx ac{a.index, a.block, a.off, bind};
      Val v = eval(a.value, ac, depth + 1);
      for (auto& p : v.s.parts)
        if (p.k == VPart::K::Param) p.k = VPart::K::Hole;
      vals.push_back(std::move(v));
    }
  if (vals.empty() || vals.size() > 32) return Val::unknown(key);
  for (size_t i = 1; i < vals.size(); ++i)
    if (!vals[0].same_value(vals[i])) return Val::unknown(key);
  return vals[0];
}

Val FileAnalyzer::eval_attribute(TSNode n, const Ctx& c, int depth) {
  TSNode obj = field(n, S_.f_object);
  std::string attr(text(field(n, S_.f_attribute)));
  if (ts_node_symbol(obj) == S_.identifier) {
    std::string_view o = text(obj);
    if (o == "self" || o == "cls") {
      int k = enclosing_class(c.scope);
      if (k >= 0) return class_attr(k, attr, c.bind, depth);
    }
    const Assign* a = find_binding(o, c, nullptr);
    if (a && a->k == Assign::K::Class) return class_attr(a->index, attr, c.bind, depth);
  }
  ModuleRef m = module_ref(obj, c);
  if (m.ok) {
    VPart p;
    p.k = VPart::K::Import;
    p.text = attr;
    p.ref = import_ref_for(m, attr, true);
    VStr s;
    s.parts.push_back(std::move(p));
    return Val::str(std::move(s));
  }
  return Val::unknown(attr);
}

Val FileAnalyzer::eval_subscript(TSNode n, const Ctx& c, int depth) {
  TSNode value = field(n, S_.f_value);
  TSNode sub = field(n, S_.f_subscript);
  Val key = ts_node_is_null(sub) ? Val::unknown("?") : eval(sub, c, depth + 1);
  std::string key_text = key.is_str() && key.s.known() ? key.s.known_text() : "";
  if (std::string_view(text(value)).ends_with("environ"))
    return Val::str(VStr::hole(key_text.empty() ? "?" : key_text, HoleSource::Env));
  Val base = eval(value, c, depth + 1);
  if (base.t == Val::T::Dict && !key_text.empty()) {
    for (size_t i = 0; i < base.keys.size(); ++i)
      if (base.keys[i] == key_text) return base.items[i];
  }
  if (base.t == Val::T::List && !key_text.empty() && ts_node_symbol(sub) == S_.integer) {
    size_t i = static_cast<size_t>(std::atoi(key_text.c_str()));
    if (i < base.items.size()) return base.items[i];
  }
  if (!key_text.empty()) return Val::unknown(key_text);
  return Val::unknown(ts_node_symbol(value) == S_.identifier ? std::string(text(value)) : "?");
}

Val FileAnalyzer::eval_call(TSNode n, const Ctx& c, int depth) {
  TSNode fn = field(n, S_.f_function);
  TSNode args = field(n, S_.f_arguments);
  auto arg_val = [&](int pos, std::string_view kw) -> std::optional<Val> {
    TSNode a = arg(args, pos, kw);
    if (ts_node_is_null(a)) return std::nullopt;
    return eval(a, c, depth + 1);
  };
  auto arg_text = [&](int pos, std::string_view kw) -> std::optional<std::string> {
    auto v = arg_val(pos, kw);
    if (!v || !v->is_str() || !v->s.known()) return std::nullopt;
    return v->s.known_text();
  };
  TSSymbol fs = ts_node_symbol(fn);
  if (fs == S_.identifier) {
    std::string_view f = text(fn);
    if (f == "str") {
      auto v = arg_val(0, "");
      return v ? *v : Val::unknown("?");
    }
    if (f == "getArgument") {
      auto k = arg_text(0, "");
      return k ? widget_default_hole(*k) : Val::unknown("?", HoleSource::Widget);
    }
    return Val::unknown("?", HoleSource::Unknown);
  }
  if (fs != S_.attribute) return Val::unknown("?", HoleSource::Unknown);
  std::string_view m = text(field(fn, S_.f_attribute));
  TSNode obj = field(fn, S_.f_object);
  std::string_view dotted = text(fn);
  if (m == "get" || m == "getArgument" || m == "getenv") {
    if (std::string_view(dotted).ends_with("widgets.get") || m == "getArgument") {
      auto k = arg_text(0, "");
      return k ? widget_default_hole(*k) : Val::unknown("?", HoleSource::Widget);
    }
    HoleSource src = HoleSource::Unknown;
    if (std::string_view(dotted).ends_with("environ.get") || m == "getenv") src = HoleSource::Env;
    if (std::string_view(dotted).ends_with("conf.get")) src = HoleSource::SparkConf;
    if (src != HoleSource::Unknown) {
      auto k = arg_text(0, "key");
      auto d = arg_text(1, "default");
      return Val::str(VStr::hole(k ? *k : "?", src, d));
    }
    Val base = eval(obj, c, depth + 1);
    auto k = arg_text(0, "");
    if (base.t == Val::T::Dict && k) {
      for (size_t i = 0; i < base.keys.size(); ++i)
        if (base.keys[i] == *k) return base.items[i];
      auto d = arg_val(1, "");
      if (d) return *d;
    }
    return Val::unknown(k ? *k : "?");
  }
  if (m == "format") {
    Val base = eval(obj, c, depth + 1);
    if (!base.is_str()) return Val::unknown("?");
    std::vector<Val> pos;
    std::vector<std::string> kw_names;
    std::vector<Val> kw_vals;
    uint32_t count = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < count && i < kMaxItems; ++i) {
      TSNode a = ts_node_named_child(args, i);
      TSSymbol as = ts_node_symbol(a);
      if (as == S_.keyword_argument) {
        kw_names.emplace_back(text(field(a, S_.f_name)));
        kw_vals.push_back(eval(field(a, S_.f_value), c, depth + 1));
      } else if (as == S_.dictionary_splat) {
        Val d = eval(ts_node_named_child(a, 0), c, depth + 1);
        if (d.t == Val::T::Dict)
          for (size_t k = 0; k < d.keys.size(); ++k) {
            kw_names.push_back(d.keys[k]);
            kw_vals.push_back(d.items[k]);
          }
      } else if (as != S_.list_splat && as != S_.comment) {
        pos.push_back(eval(a, c, depth + 1));
      }
    }
    return Val::str(brace_format(base.s, pos, kw_names, kw_vals));
  }
  if (m == "join") {
    if (std::string_view(dotted).ends_with("path.join")) {
      std::vector<Val> parts;
      uint32_t count = ts_node_named_child_count(args);
      for (uint32_t i = 0; i < count && i < kMaxItems; ++i)
        parts.push_back(eval(ts_node_named_child(args, i), c, depth + 1));
      return Val::str(join_values(VStr::text("/"), parts));
    }
    Val sep = eval(obj, c, depth + 1);
    auto items = arg_val(0, "");
    if (sep.is_str() && items && items->t == Val::T::List) return Val::str(join_values(sep.s, items->items));
    return Val::unknown("?");
  }
  if (m == "lower" || m == "upper" || m == "strip") {
    Val base = eval(obj, c, depth + 1);
    if (base.is_str() && base.s.known()) {
      std::string s = base.s.known_text();
      if (m == "lower") s = lower(s);
      if (m == "upper")
        for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (m == "strip") {
        size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
        s = a == std::string::npos ? "" : s.substr(a, b - a + 1);
      }
      return Val::str(VStr::text(s));
    }
    return base;
  }
  if (m == "keys" || m == "values" || m == "items") {
    Val base = eval(obj, c, depth + 1);
    if (base.t != Val::T::Dict) return Val::unknown("?");
    Val out;
    out.t = Val::T::List;
    for (size_t i = 0; i < base.keys.size(); ++i) {
      if (m == "keys") {
        out.items.push_back(Val::str(VStr::text(base.keys[i])));
      } else if (m == "values") {
        out.items.push_back(base.items[i]);
      } else {
        Val pair;
        pair.t = Val::T::List;
        pair.items = {Val::str(VStr::text(base.keys[i])), base.items[i]};
        out.items.push_back(std::move(pair));
      }
    }
    return out;
  }
  return Val::unknown("?", HoleSource::Unknown);
}

Val FileAnalyzer::eval_string(TSNode n, const Ctx& c, int depth) {
  VStr out;
  bool raw = false, fmt = false;
  uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode k = ts_node_child(n, i);
    TSSymbol ks = ts_node_symbol(k);
    if (ks == S_.string_start) {
      for (char ch : text(k)) {
        if (ch == 'r' || ch == 'R') raw = true;
        if (ch == 'f' || ch == 'F') fmt = true;
      }
    } else if (ks == S_.string_content) {
      uint32_t pos = ts_node_start_byte(k), end = ts_node_end_byte(k);
      uint32_t nk = ts_node_named_child_count(k);
      auto lit = [&](uint32_t a, uint32_t b) {
        if (b > a) out.append(VStr::text(std::string(src_.substr(a, b - a)), a, &md_));
      };
      for (uint32_t j = 0; j < nk; ++j) {
        TSNode e = ts_node_named_child(k, j);
        uint32_t es = ts_node_start_byte(e), ee = ts_node_end_byte(e);
        TSSymbol sym = ts_node_symbol(e);
        if (sym == S_.escape_interpolation && fmt) {
          lit(pos, es);
          out.append(VStr::text(std::string(src_.substr(es, 1))));
          pos = ee;
        } else if (sym == S_.escape_sequence && !raw) {
          lit(pos, es);
          out.append(VStr::text(decode_escape(src_.substr(es, ee - es))));
          pos = ee;
        }
      }
      lit(pos, end);
    } else if (ks == S_.interpolation) {
      TSNode e = field(k, S_.f_expression);
      std::string hole_name = "?";
      if (!ts_node_is_null(e)) {
        TSSymbol es = ts_node_symbol(e);
        if (es == S_.identifier) hole_name = std::string(text(e));
        if (es == S_.attribute) hole_name = std::string(text(field(e, S_.f_attribute)));
      }
      VStr v = ts_node_is_null(e) ? VStr::hole("?") : eval(e, c, depth + 1).as_str(hole_name);
      v.strip_offsets();
      v.anchor_at(ts_node_start_byte(k), &md_);  // `{name}` as written: SQL names map here
      out.append(v);
    }
  }
  return Val::str(std::move(out));
}

Val FileAnalyzer::eval(TSNode n, const Ctx& c, int depth) {
  if (ts_node_is_null(n)) return Val::unknown("?", HoleSource::Unknown);
  TSSymbol s = ts_node_symbol(n);
  if (depth > kMaxEvalDepth)  // too deep, or a cycle of assignments
    return s == S_.identifier ? Val::unknown(std::string(text(n))) : Val::unknown("?", HoleSource::Unknown);
  if (s == S_.string) return eval_string(n, c, depth);
  if (s == S_.concatenated_string) {
    VStr out;
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode k = ts_node_named_child(n, i);
      if (ts_node_symbol(k) == S_.string) out.append(eval_string(k, c, depth + 1).s);
    }
    return Val::str(std::move(out));
  }
  if (s == S_.identifier) {
    Val v = lookup(text(n), c, depth + 1);
    v.strip_offsets();
    return v;
  }
  if (s == S_.attribute) return eval_attribute(n, c, depth + 1);
  if (s == S_.call) return eval_call(n, c, depth + 1);
  if (s == S_.subscript) return eval_subscript(n, c, depth + 1);
  if (s == S_.parenthesized_expression) {
    if (ts_node_named_child_count(n) == 0) return Val::unknown("?");
    return eval(ts_node_named_child(n, 0), c, depth + 1);
  }
  if (s == S_.binary_operator) {
    TSNode op = field(n, S_.f_operator);
    std::string_view o = text(op);
    Val l = eval(field(n, S_.f_left), c, depth + 1);
    if (o == "+") {
      Val r = eval(field(n, S_.f_right), c, depth + 1);
      if (l.t == Val::T::List && r.t == Val::T::List) {
        for (auto& i : r.items) l.items.push_back(std::move(i));
        return l;
      }
      if (!l.is_str() || !r.is_str()) return Val::unknown("?");
      l.s.append(r.s);
      return l;
    }
    if (o == "%" && l.is_str()) {
      TSNode rn = field(n, S_.f_right);
      Val r = eval(rn, c, depth + 1);
      if (r.t == Val::T::Dict) return Val::str(percent_format(l.s, {}, &r));
      if (r.t == Val::T::List && ts_node_symbol(rn) == S_.tuple) return Val::str(percent_format(l.s, r.items, nullptr));
      return Val::str(percent_format(l.s, {r}, nullptr));
    }
    return Val::unknown("?");
  }
  if (s == S_.list || s == S_.tuple || s == S_.expression_list) {
    Val out;
    out.t = Val::T::List;
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count && i < kMaxItems; ++i) {
      TSNode k = ts_node_named_child(n, i);
      if (ts_node_symbol(k) == S_.comment) continue;
      out.items.push_back(eval(k, c, depth + 1));
    }
    return out;
  }
  if (s == S_.dictionary) {
    Val out;
    out.t = Val::T::Dict;
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count && i < kMaxItems; ++i) {
      TSNode p = ts_node_named_child(n, i);
      if (ts_node_symbol(p) != S_.pair) continue;
      Val k = eval(field(p, S_.f_key), c, depth + 1);
      if (!k.is_str() || !k.s.known()) continue;
      out.keys.push_back(k.s.known_text());
      out.items.push_back(eval(field(p, S_.f_value), c, depth + 1));
    }
    return out;
  }
  if (s == S_.conditional_expression) {
    Val a = eval(ts_node_named_child(n, 0), c, depth + 1);
    Val b = eval(ts_node_named_child(n, 2), c, depth + 1);
    if (a.same_value(b)) return a;
    return Val::unknown("?", HoleSource::Unknown);
  }
  if (s == S_.boolean_operator) {
    Val l = eval(field(n, S_.f_left), c, depth + 1);
    if (text(field(n, S_.f_operator)) == "or") {
      Val r = eval(field(n, S_.f_right), c, depth + 1);
      // os.getenv("X") or "default": the hole gets the default
      if (l.is_str() && l.s.parts.size() == 1 && l.s.parts[0].k == VPart::K::Hole && !l.s.parts[0].def &&
          r.is_str() && r.s.known()) {
        l.s.parts[0].def = r.s.known_text();
        return l;
      }
      if (l.is_str() && l.s.known()) return l;
    }
    return Val::unknown("?", HoleSource::Unknown);
  }
  if (s == S_.integer || s == S_.float_) return Val::str(VStr::text(std::string(text(n))));
  if (s == S_.true_) return Val::str(VStr::text("True"));
  if (s == S_.false_) return Val::str(VStr::text("False"));
  return Val::unknown("?", HoleSource::Unknown);
}

}  // namespace pipelint::py

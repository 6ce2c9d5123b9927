// PySpark reader/writer chains, DeltaTable handles, DLT and Glue (SPEC 2.1).
// A chain is read from its outermost call down to its root; a root variable
// is followed to the chain assigned to it (`w = df.write.mode("overwrite")`),
// whose links then give context (mode, format, options) but no records.
#include <algorithm>
#include <array>
#include <cctype>

#include "parsers/python/file_analyzer.h"

namespace pipelint::py {

namespace {

constexpr size_t kMaxLinks = 256;
constexpr int kMaxHops = 4;

bool in(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool contains_ci(std::string_view s, std::string_view needle) {
  if (needle.size() > s.size()) return false;
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() &&
           std::tolower(static_cast<unsigned char>(s[i + k])) == needle[k])
      ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool is_maintenance(std::string_view m) {
  return in(m, {"optimize", "vacuum", "history", "detail", "generate", "restoreToVersion",
                "restoreToTimestamp", "upgradeTableProtocol", "addFeatureSupport",
                "dropFeatureSupport", "executeCompaction", "executeZOrderBy", "clone",
                "cloneAtVersion", "cloneAtTimestamp"});
}

// Formats whose load/save/start are not tables or storage paths.
bool non_storage_format(std::string_view f) {
  return in(f, {"kafka", "console", "memory", "noop", "socket", "rate", "foreach", "eventhubs",
                "kinesis", "jdbc"});
}

std::string normalize_mode(std::string m) {
  for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (m == "error" || m == "default") return "errorifexists";
  return m;
}

// Method names that start an access; a chain whose text holds none of them
// (and whose root is no variable that may hold a reader or writer) is skipped.
bool may_hold_access(std::string_view chain) {
  static constexpr std::string_view words[] = {
      "table", "save", "insertInto", "sql", "load", "forName", "forPath", "merge", "delete",
      "update", "dlt", "dp", "writeTo", "toTable", "parquet", "json", "csv", "orc", "delta", "text",
      "jdbc", "catalog", "streaming", "read", "start", "append", "create", "replace", "overwrite", "avro",
      "TempView", "TempTable"};
  for (auto w : words)
    if (chain.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

TSNode FileAnalyzer::arg(TSNode args, int pos, std::string_view kw) const {
  if (ts_node_is_null(args)) return TSNode{};
  uint32_t n = ts_node_named_child_count(args);
  int p = 0;
  for (uint32_t i = 0; i < n; ++i) {
    TSNode a = ts_node_named_child(args, i);
    TSSymbol s = ts_node_symbol(a);
    if (s == S_.keyword_argument) {
      if (!kw.empty() && text(field(a, S_.f_name)) == kw) return field(a, S_.f_value);
      continue;
    }
    if (s == S_.comment) continue;
    if (s == S_.list_splat || s == S_.dictionary_splat) {
      if (s == S_.list_splat) p = 1 << 20;  // positions after *args are unknown
      continue;
    }
    if (p == pos) return a;
    ++p;
  }
  return TSNode{};
}

std::string FileAnalyzer::known_lower(TSNode n, const Ctx& c) {
  if (ts_node_is_null(n)) return "";
  Val v = eval(n, c, 0);
  if (!v.is_str()) return "";
  if (!v.s.known()) {
    // a parameter or variable with a known default still tells the mode
    if (v.s.parts.size() == 1 && v.s.parts[0].def) return normalize_mode(*v.s.parts[0].def);
    return "";
  }
  return normalize_mode(v.s.known_text());
}

std::string FileAnalyzer::mode_of(TSNode n, const Ctx& c) {
  if (ts_node_is_null(n)) return "";
  Val v = eval(n, c, 0);
  if (v.is_str() && v.s.parts.size() == 1 && v.s.parts[0].k == VPart::K::Param) mode_param_ = v.s.parts[0].ref;
  return known_lower(n, c);
}

void FileAnalyzer::emit(Op op, Kind kind, std::string mode, std::string api, TSNode name_expr,
                        TSNode method_node, const Ctx& c, bool sql) {
  if (ts_node_is_null(name_expr)) return;
  Val v;
  if (sql && ts_node_symbol(name_expr) == S_.identifier) {
    v = lookup(text(name_expr), c, 0);  // the query text keeps its source offsets
  } else {
    v = eval(name_expr, c, 0);
  }
  TSSymbol ns = ts_node_symbol(name_expr);
  bool literal = ns == S_.string || ns == S_.concatenated_string;
  // SQL names map through source offsets; the method is where the rest goes.
  auto [line, col] = pos_of(literal && !sql ? name_expr : method_node);
  std::vector<VStr> names;
  if (v.t == Val::T::List && !sql) {
    for (const auto& i : v.items) names.push_back(i.as_str("?"));
  } else {
    names.push_back(v.as_str(ns == S_.identifier ? std::string(text(name_expr)) : "?"));
  }
  for (auto& name : names) {
    Pending p;
    p.op = op;
    p.kind = kind;
    p.mode = mode;
    p.api = api;
    p.sql = sql;
    p.line = line;
    p.col = col;
    p.name = std::move(name);
    p.mode_param = mode_param_;
    if (p.name.has(VPart::K::Param) || p.mode_param >= 0) p.func = enclosing_func(c.scope);
    int id = static_cast<int>(md_.pending.size());
    if (p.func >= 0) md_.funcs[p.func].pending_ids.push_back(id);
    md_.pending.push_back(std::move(p));
    if (!sql && kind == Kind::Table && !ts_node_is_null(method_node)) {
      auto& at = op == Op::Read ? read_at_ : write_at_;
      auto [it, fresh] = at.emplace(ts_node_start_byte(method_node), id);
      if (!fresh || names.size() != 1) it->second = -1;
    }
  }
}

bool FileAnalyzer::build_chain(TSNode top, const Ctx& c, Chain& out, int hops) {
  std::vector<Link> rev;
  TSNode cur = top;
  for (size_t steps = 0; steps < kMaxLinks; ++steps) {
    TSSymbol s = ts_node_symbol(cur);
    if (s == S_.call) {
      TSNode fn = field(cur, S_.f_function);
      TSSymbol fs = ts_node_symbol(fn);
      if (fs == S_.attribute) {
        TSNode an = field(fn, S_.f_attribute);
        rev.push_back(Link{text(an), an, cur, field(cur, S_.f_arguments), c, false});
        cur = field(fn, S_.f_object);
        continue;
      }
      if (fs == S_.identifier) {  // e.g. SparkSession(...) or a factory call
        out.root = text(fn);
        out.root_node = fn;
      }
      break;
    }
    if (s == S_.attribute) {
      TSNode an = field(cur, S_.f_attribute);
      rev.push_back(Link{text(an), an, TSNode{}, TSNode{}, c, false});
      cur = field(cur, S_.f_object);
      continue;
    }
    if (s == S_.parenthesized_expression && ts_node_named_child_count(cur) == 1) {
      cur = ts_node_named_child(cur, 0);
      continue;
    }
    if (s == S_.identifier) {
      out.root = text(cur);
      out.root_node = cur;
      int scope = -1;
      const Assign* a = hops < kMaxHops ? find_binding(out.root, c, &scope) : nullptr;
      if (a && a->k == Assign::K::Value && !ts_node_is_null(a->value)) {
        TSSymbol vs = ts_node_symbol(a->value);
        if (vs == S_.call || vs == S_.attribute) {
          Chain prefix;
          Ctx ac{scope, a->block, a->off, c.bind};
          build_chain(a->value, ac, prefix, hops + 1);
          for (auto& l : prefix.links) l.context_only = true;
          out.root = prefix.root;
          out.root_node = prefix.root_node;
          out.links = std::move(prefix.links);
          out.via = std::move(prefix.via);
          out.via.push_back(a->value);
          out.vars = std::move(prefix.vars);
          out.vars.push_back(text(cur));
        }
      }
    }
    break;
  }
  for (auto it = rev.rbegin(); it != rev.rend(); ++it) out.links.push_back(*it);
  return !out.links.empty();
}

bool FileAnalyzer::deltatable_read_needed(const Chain& ch, size_t i, const Site& s) {
  for (size_t j = i + 1; j < ch.links.size(); ++j)
    if (!ts_node_is_null(ch.links[j].call)) return !is_maintenance(ch.links[j].name);
  if (i + 1 < ch.links.size()) return true;
  // The handle is kept in a variable: a read unless every use is maintenance.
  TSNode parent = ts_node_parent(s.node);
  if (!ts_node_is_null(parent) && ts_node_symbol(parent) == S_.assignment) {
    TSNode left = field(parent, S_.f_left);
    if (ts_node_symbol(left) == S_.identifier) {
      const auto& vm = scopes_[s.scope].var_methods;
      auto it = vm.find(std::string(text(left)));
      if (it != vm.end() && !it->second.empty() &&
          std::all_of(it->second.begin(), it->second.end(), [](const std::string& m) { return is_maintenance(m); }))
        return false;
    }
  }
  return true;
}

void FileAnalyzer::match_chain(const Chain& ch, const Site& s, const Ctx&) {
  enum class Side { None, Reader, Writer, StreamWriter, WriteTo } side = Side::None;
  std::string format, out_mode;
  std::string mode;
  std::vector<std::pair<std::string, std::pair<TSNode, Ctx>>> options;
  int delta = -1, write_to = -1;
  bool glue_read = false, glue_write = false;
  bool sparkish = contains_ci(ch.root, "spark") || contains_ci(ch.root, "session");
  bool dlt_root = ch.root == "dlt" || ch.root == "dp";
  auto option = [&](std::string_view key) -> const std::pair<TSNode, Ctx>* {
    for (auto it = options.rbegin(); it != options.rend(); ++it)
      if (it->first == key) return &it->second;
    return nullptr;
  };
  auto reset = [&] {
    format.clear();
    mode.clear();
    out_mode.clear();
    options.clear();
  };
  mode_param_ = -1;
  for (size_t i = 0; i < ch.links.size(); ++i) {
    const Link& L = ch.links[i];
    std::string_view m = L.name;
    const Ctx& c = L.ctx;
    if (ts_node_is_null(L.call)) {
      if (m == "read" || m == "readStream") { side = Side::Reader; reset(); }
      else if (m == "write") { side = Side::Writer; reset(); }
      else if (m == "writeStream") { side = Side::StreamWriter; reset(); }
      else if (m == "create_dynamic_frame") glue_read = true;
      else if (m == "write_dynamic_frame") glue_write = true;
      else if (contains_ci(m, "spark") || contains_ci(m, "session")) sparkish = true;
      else if (m == "catalog" || m == "conf" || m == "udf") sparkish = false;
      continue;
    }
    TSNode args = L.args;
    if (m == "format") { format = known_lower(arg(args, 0, "source"), c); continue; }
    if (m == "mode") { mode = mode_of(arg(args, 0, "saveMode"), c); continue; }
    if (m == "outputMode") { out_mode = known_lower(arg(args, 0, "outputMode"), c); continue; }
    if (m == "option") {
      std::string key = known_lower(arg(args, 0, "key"), c);
      options.push_back({key, {arg(args, 1, "value"), c}});
      if (key == "mode") mode = known_lower(arg(args, 1, "value"), c);
      continue;
    }
    if (m == "options") {
      uint32_t n = ts_node_named_child_count(args);
      for (uint32_t k = 0; k < n; ++k) {
        TSNode a = ts_node_named_child(args, k);
        if (ts_node_symbol(a) != S_.keyword_argument) continue;
        std::string key = normalize_mode(std::string(text(field(a, S_.f_name))));
        options.push_back({key, {field(a, S_.f_value), c}});
        if (key == "mode") mode = known_lower(field(a, S_.f_value), c);
      }
      continue;
    }
    if (m == "getOrCreate" || m == "builder") { sparkish = true; continue; }
    if (m == "writeTo") { side = Side::WriteTo; write_to = static_cast<int>(i); continue; }
    if ((m == "forName" || m == "forPath") &&
        ((i == 0 && ch.root == "DeltaTable") || (i > 0 && ch.links[i - 1].name == "DeltaTable"))) {
      delta = static_cast<int>(i);
      if (!L.context_only && deltatable_read_needed(ch, i, s)) {
        bool path = m == "forPath";
        emit(Op::Read, path ? Kind::Path : Kind::Table, "", std::string(m),
             arg(args, 1, path ? "path" : "tableOrViewName"), L.name_node, c);
      }
      continue;
    }
    if (L.context_only) continue;
    if (in(m, {"createOrReplaceTempView", "createTempView", "registerTempTable", "createGlobalTempView",
               "createOrReplaceGlobalTempView"})) {
      register_view(ch, L, s, m.find("Global") != std::string_view::npos);
      continue;
    }

    // --- reads
    if (m == "table" && (side == Side::Reader || (side == Side::None && sparkish))) {
      emit(Op::Read, Kind::Table, "", "table", arg(args, 0, "tableName"), L.name_node, c);
      continue;
    }
    if (m == "load" && side == Side::Reader) {
      if (format == "jdbc") {
        if (auto* t = option("dbtable")) emit(Op::Read, Kind::Table, "", "jdbc", t->first, L.name_node, t->second);
        continue;
      }
      if (non_storage_format(format)) continue;
      TSNode p = arg(args, 0, "path");
      if (!ts_node_is_null(p)) emit(Op::Read, Kind::Path, "", "load", p, L.name_node, c);
      else if (auto* o = option("path")) emit(Op::Read, Kind::Path, "", "load", o->first, L.name_node, o->second);
      continue;
    }
    if (in(m, {"parquet", "json", "csv", "orc", "delta", "text", "avro"}) &&
        (side == Side::Reader || side == Side::Writer || side == Side::StreamWriter)) {
      if (side == Side::Reader) {
        for (int k = 0; k < 64; ++k) {
          TSNode p = arg(args, k, k == 0 ? "path" : "");
          if (ts_node_is_null(p)) break;
          emit(Op::Read, Kind::Path, "", std::string(m), p, L.name_node, c);
        }
      } else {
        std::string wm = known_lower(arg(args, 1, "mode"), c);
        if (wm.empty()) wm = mode.empty() ? (side == Side::StreamWriter ? "append" : "errorifexists") : mode;
        emit(Op::Write, Kind::Path, wm, std::string(m), arg(args, 0, "path"), L.name_node, c);
      }
      continue;
    }
    if (m == "jdbc" && (side == Side::Reader || side == Side::Writer)) {
      if (side == Side::Reader) {
        emit(Op::Read, Kind::Table, "", "jdbc", arg(args, 1, "table"), L.name_node, c);
      } else {
        std::string wm = known_lower(arg(args, 2, "mode"), c);
        if (wm.empty()) wm = mode.empty() ? "errorifexists" : mode;
        emit(Op::Write, Kind::Table, wm, "jdbc", arg(args, 1, "table"), L.name_node, c);
      }
      continue;
    }
    if ((m == "read" || m == "read_stream") && dlt_root && i == 0) {
      TSNode n = arg(args, 0, "name");
      if (!ts_node_is_null(n)) {
        Val v = eval(n, c, 0);
        if (v.is_str() && v.s.known() && view_names_.count(v.s.known_text())) continue;  // a @dlt.view
      }
      emit(Op::Read, Kind::Table, "", std::string(ch.root) + "." + std::string(m), n, L.name_node, c);
      continue;
    }
    if ((m == "from_catalog" && (glue_read || glue_write)) || m == "create_dynamic_frame_from_catalog" ||
        m == "write_dynamic_frame_from_catalog") {
      bool write = glue_write || m == "write_dynamic_frame_from_catalog";
      int shift = write ? 1 : 0;
      TSNode db = arg(args, shift, "database");
      TSNode tn = arg(args, shift + 1, "table_name");
      if (ts_node_is_null(tn)) continue;
      VStr name;
      if (!ts_node_is_null(db)) {
        VStr d = eval(db, c, 0).as_str("database");
        d.strip_offsets();
        name.append(d);
        name.append(VStr::text("."));
      }
      VStr t = eval(tn, c, 0).as_str("table_name");
      t.strip_offsets();
      name.append(t);
      TSSymbol ts = ts_node_symbol(tn);
      auto [line, col] = pos_of(ts == S_.string ? tn : L.name_node);
      Pending p;
      p.op = write ? Op::Write : Op::Read;
      p.mode = write ? "append" : "";
      p.api = write ? "write_dynamic_frame.from_catalog" : "create_dynamic_frame.from_catalog";
      p.name = std::move(name);
      p.line = line;
      p.col = col;
      if (p.name.has(VPart::K::Param)) p.func = enclosing_func(c.scope);
      if (p.func >= 0) md_.funcs[p.func].pending_ids.push_back(static_cast<int>(md_.pending.size()));
      md_.pending.push_back(std::move(p));
      continue;
    }
    if (m == "sql" && !in(ch.root, {"duckdb", "pl", "polars", "sqlglot", "ibis"})) {
      emit(Op::Read, Kind::Table, "", "spark.sql", arg(args, 0, "sqlQuery"), L.name_node, c, true);
      continue;
    }

    // --- writes
    if (m == "saveAsTable") {
      std::string wm = known_lower(arg(args, 2, "mode"), c);
      if (wm.empty()) wm = mode.empty() ? "errorifexists" : mode;
      emit(Op::Write, Kind::Table, wm, "saveAsTable", arg(args, 0, "name"), L.name_node, c);
      continue;
    }
    if (m == "insertInto") {
      TSNode ow = arg(args, 1, "overwrite");
      bool overwrite = !ts_node_is_null(ow) ? text(ow) == "True" : mode == "overwrite";
      emit(Op::Write, Kind::Table, overwrite ? "overwrite" : "append", "insertInto",
           arg(args, 0, "tableName"), L.name_node, c);
      continue;
    }
    if (side == Side::WriteTo && write_to >= 0 &&
        in(m, {"append", "overwritePartitions", "overwrite", "create", "createOrReplace", "replace"})) {
      std::string wm = m == "append"                               ? "append"
                       : (m == "overwritePartitions" || m == "overwrite") ? "overwrite"
                       : m == "create"                             ? "create"
                                                                   : "replace";
      const Link& w = ch.links[write_to];
      emit(Op::Write, Kind::Table, wm, "writeTo." + std::string(m), arg(w.args, 0, "table"), w.name_node, w.ctx);
      continue;
    }
    if (m == "toTable" && side != Side::Reader) {
      std::string wm = out_mode.empty() ? "append" : out_mode;
      if (wm == "complete") wm = "overwrite";
      emit(Op::Write, Kind::Table, wm, "toTable", arg(args, 0, "tableName"), L.name_node, c);
      continue;
    }
    if ((m == "save" && (side == Side::Writer || side == Side::StreamWriter)) ||
        (m == "start" && side == Side::StreamWriter)) {
      if (format == "jdbc") {
        if (auto* t = option("dbtable"))
          emit(Op::Write, Kind::Table, mode.empty() ? "errorifexists" : mode, "jdbc", t->first, L.name_node, t->second);
        continue;
      }
      if (non_storage_format(format)) continue;
      std::string wm = known_lower(arg(args, 2, "mode"), c);
      if (wm.empty()) wm = mode;
      if (wm.empty()) wm = side == Side::StreamWriter ? (out_mode.empty() ? "append" : out_mode) : "errorifexists";
      if (wm == "complete") wm = "overwrite";
      TSNode p = arg(args, 0, "path");
      if (!ts_node_is_null(p)) emit(Op::Write, Kind::Path, wm, std::string(m), p, L.name_node, c);
      else if (auto* o = option("path")) emit(Op::Write, Kind::Path, wm, std::string(m), o->first, L.name_node, o->second);
      continue;
    }
    if (delta >= 0 && in(m, {"merge", "delete", "update", "updateExpr"})) {
      const Link& d = ch.links[delta];
      bool path = d.name == "forPath";
      std::string wm = m == "merge" ? "merge" : m == "delete" ? "delete" : "update";
      // the name lives in forName(...), the write happens here: report at the method
      TSNode name_expr = arg(d.args, 1, path ? "path" : "tableOrViewName");
      if (ts_node_is_null(name_expr)) continue;
      Val v = eval(name_expr, d.ctx, 0);
      auto [line, col] = pos_of(L.name_node);
      Pending p;
      p.op = Op::Write;
      p.kind = path ? Kind::Path : Kind::Table;
      p.mode = wm;
      p.api = std::string(m);
      p.name = v.as_str(ts_node_symbol(name_expr) == S_.identifier ? std::string(text(name_expr)) : "?");
      p.line = line;
      p.col = col;
      if (p.name.has(VPart::K::Param)) p.func = enclosing_func(d.ctx.scope);
      if (p.func >= 0) md_.funcs[p.func].pending_ids.push_back(static_cast<int>(md_.pending.size()));
      md_.pending.push_back(std::move(p));
      continue;
    }
    if (dlt_root && i == 0 && (m == "create_streaming_table" || m == "create_target_table")) {
      emit(Op::Write, Kind::Table, "", std::string(ch.root) + "." + std::string(m), arg(args, 0, "name"),
           L.name_node, c);
      continue;
    }
  }
}

void FileAnalyzer::add_view(std::string name, std::vector<std::pair<SourcePos, SourcePos>> own) {
  for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  md_.temp_views.push_back(TempView{std::move(name), std::move(own)});
}

// df.createOrReplaceTempView("v"): the accesses of the chain that builds df
// (written before the method, or in the variables it came from) feed v.
void FileAnalyzer::register_view(const Chain& ch, const Link& L, const Site& s, bool global) {
  Val v = eval(arg(L.args, 0, "viewName"), L.ctx, 0);
  if (!v.is_str() || !v.s.known()) return;
  std::vector<std::pair<SourcePos, SourcePos>> own;
  own.emplace_back(pos_of(s.node), pos_of(L.name_node));
  for (TSNode n : ch.via) own.emplace_back(pos_of(n), md_.pos.position(ts_node_end_byte(n)));
  add_view((global ? "global_temp." : "") + v.s.known_text(), std::move(own));
}

void FileAnalyzer::collect_dlt(const Site& s) {
  TSNode def = field(s.node, S_.f_definition);
  if (ts_node_is_null(def) || ts_node_symbol(def) != S_.function_definition) return;
  TSNode fname = field(def, S_.f_name);
  Ctx c{s.scope, s.block, ts_node_start_byte(s.node), nullptr};
  uint32_t n = ts_node_named_child_count(s.node);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode d = ts_node_named_child(s.node, i);
    if (ts_node_symbol(d) != S_.decorator || ts_node_named_child_count(d) == 0) continue;
    TSNode e = ts_node_named_child(d, 0);
    TSNode args{};
    if (ts_node_symbol(e) == S_.call) {
      args = field(e, S_.f_arguments);
      e = field(e, S_.f_function);
    }
    if (ts_node_symbol(e) != S_.attribute) continue;
    std::string_view root = text(field(e, S_.f_object));
    std::string_view kind = text(field(e, S_.f_attribute));
    if (root != "dlt" && root != "dp") continue;
    TSNode name_arg = arg(args, -1, "name");
    bool is_view = in(kind, {"view", "temporary_view"});
    bool is_table = in(kind, {"table", "materialized_view", "streaming_table", "create_table"});
    if (!is_view && !is_table) continue;
    if (is_view) {
      std::string name(text(fname));
      if (!ts_node_is_null(name_arg)) {
        Val v = eval(name_arg, c, 0);
        if (v.is_str() && v.s.known()) name = v.s.known_text();
      }
      view_names_.emplace(name, 1);
      add_view(name, {});
      add_view("live." + name, {});
      continue;
    }
    std::string api = std::string(root) + "." + std::string(kind);
    if (!ts_node_is_null(name_arg)) {
      emit(Op::Write, Kind::Table, "", api, name_arg, fname, c);
    } else {
      auto [line, col] = pos_of(fname);
      Pending p;
      p.op = Op::Write;
      p.api = api;
      p.name = VStr::text(std::string(text(fname)));
      p.line = line;
      p.col = col;
      md_.pending.push_back(std::move(p));
    }
  }
}

void FileAnalyzer::record_widget(TSNode call, const Ctx& c) {
  TSNode fn = field(call, S_.f_function);
  std::string_view m = text(field(fn, S_.f_attribute));
  if (!in(m, {"text", "dropdown", "combobox", "multiselect"})) return;
  std::string_view obj = text(field(fn, S_.f_object));
  if (obj.size() < 7 || obj.substr(obj.size() - 7) != "widgets") return;
  TSNode args = field(call, S_.f_arguments);
  Val name = eval(arg(args, 0, "name"), c, 0);
  Val def = eval(arg(args, 1, "defaultValue"), c, 0);
  if (!name.is_str() || !name.s.known() || !def.is_str() || !def.s.known()) return;
  md_.widget_defaults.emplace(name.s.known_text(), def.s.known_text());
}

void FileAnalyzer::extract_sites() {
  for (const auto& s : chain_sites_) {
    TSNode fn = field(s.node, S_.f_function);
    TSNode obj = field(fn, S_.f_object);
    if (ts_node_symbol(obj) == S_.identifier)
      scopes_[s.scope].var_methods[std::string(text(obj))].emplace_back(text(field(fn, S_.f_attribute)));
    Ctx c{s.scope, s.block, ts_node_start_byte(s.node), nullptr};
    record_widget(s.node, c);
  }
  for (const auto& d : decorated_sites_) collect_dlt(d);
  for (const auto& s : chain_sites_) {
    if (!may_hold_access(text(s.node))) {  // F.col(...), df.filter(...): no Spark I/O
      TSNode fn = field(s.node, S_.f_function);
      TSNode obj = field(fn, S_.f_object);
      std::string_view o = ts_node_symbol(obj) == S_.identifier ? text(obj) : std::string_view{};
      if (o != "self" && o != "cls" && (o.empty() || !find_binding(o, Ctx{s.scope, s.block, 0, nullptr}, nullptr)))
        continue;
    }
    std::vector<Bindings> combos = s.loops.empty() ? std::vector<Bindings>{Bindings{}} : loop_bindings(s);
    for (const auto& b : combos) {
      Ctx c{s.scope, s.block, ts_node_start_byte(s.node), b.empty() ? nullptr : &b};
      helper_call_from_chain(s, c);
      Chain ch;
      if (build_chain(s.node, c, ch, 0)) match_chain(ch, s, c);
    }
  }
  extract_columns();
  for (const auto& s : ident_sites_) {
    std::vector<Bindings> combos = s.loops.empty() ? std::vector<Bindings>{Bindings{}} : loop_bindings(s);
    for (const auto& b : combos) {
      Ctx c{s.scope, s.block, ts_node_start_byte(s.node), b.empty() ? nullptr : &b};
      helper_call_from_identifier(s, c);
    }
  }
}

}  // namespace pipelint::py

// Calls of helpers (functions of this file, methods via self, functions
// imported from the repository or brought in by %run): each call site keeps
// its evaluated arguments so that the helper's summary can be instantiated
// there (SPEC 2.2 "Helpers and loops").
#include <algorithm>

#include "parsers/python/file_analyzer.h"

namespace pipelint::py {

namespace {

bool is_builtin(std::string_view n) {
  static const std::string_view names[] = {
      "print", "len", "str", "int", "float", "bool", "list", "dict", "set", "tuple", "range",
      "enumerate", "zip", "map", "filter", "sorted", "min", "max", "sum", "any", "all", "open",
      "isinstance", "getattr", "setattr", "hasattr", "repr", "type", "super", "round", "abs",
      "col", "lit", "when", "F", "display", "expr", "current_timestamp", "to_date", "udf"};
  return std::find(std::begin(names), std::end(names), n) != std::end(names);
}

}  // namespace

void FileAnalyzer::record_call(TSNode call, TSNode name_node, int local_func, int import_ref,
                               bool bound, const Site& s, const Ctx& c) {
  CallSite cs;
  cs.local_func = local_func;
  cs.import_ref = import_ref;
  cs.bound_method = bound;
  std::tie(cs.line, cs.col) = pos_of(name_node);
  cs.func = enclosing_func(s.scope);
  TSNode args = field(call, S_.f_arguments);
  uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n && i < 64; ++i) {
    TSNode a = ts_node_named_child(args, i);
    TSSymbol sym = ts_node_symbol(a);
    if (sym == S_.comment) continue;
    if (sym == S_.list_splat || sym == S_.dictionary_splat) break;  // positions unknown from here
    bool kw = sym == S_.keyword_argument;
    TSNode v = kw ? field(a, S_.f_value) : a;
    Arg arg;
    arg.v = eval(v, c, 0);
    TSSymbol vs = ts_node_symbol(v);
    arg.literal = vs == S_.string || vs == S_.concatenated_string;
    std::tie(arg.line, arg.col) = pos_of(v);
    if (kw) cs.kw.emplace_back(std::string(text(field(a, S_.f_name))), std::move(arg));
    else cs.pos.push_back(std::move(arg));
  }
  if (local_func >= 0) md_.funcs[local_func].called = true;
  if (import_ref >= 0) md_.has_external_refs = true;
  int id = static_cast<int>(md_.calls.size());
  if (cs.func >= 0) md_.funcs[cs.func].call_ids.push_back(id);
  md_.calls.push_back(std::move(cs));
}

void FileAnalyzer::helper_call_from_identifier(const Site& s, const Ctx& c) {
  TSNode fn = field(s.node, S_.f_function);
  std::string_view name = text(fn);
  if (is_builtin(name)) return;
  int scope = -1;
  const Assign* a = find_binding(name, c, &scope);
  if (a) {
    if (a->k == Assign::K::Def) {
      record_call(s.node, fn, a->index, -1, false, s, c);
    } else if (a->k == Assign::K::Import && !import_infos_[a->index].name.empty() &&
               !third_party(import_infos_[a->index].module)) {
      record_call(s.node, fn, -1, import_ref_for_info(import_infos_[a->index]), false, s, c);
    }
    return;
  }
  if (!md_.star_sources.empty()) record_call(s.node, fn, -1, star_ref(std::string(name)), false, s, c);
}

bool FileAnalyzer::helper_call_from_chain(const Site& s, const Ctx& c) {
  TSNode fn = field(s.node, S_.f_function);
  TSNode obj = field(fn, S_.f_object);
  TSNode attr = field(fn, S_.f_attribute);
  if (ts_node_symbol(obj) != S_.identifier) return false;
  std::string_view o = text(obj);
  if (o == "self" || o == "cls") {
    int k = enclosing_class(s.scope);
    if (k < 0) return false;
    auto it = md_.func_index.find(scopes_[k].name + "." + std::string(text(attr)));
    if (it == md_.func_index.end()) return false;
    record_call(s.node, attr, it->second, -1, true, s, c);
    return true;
  }
  const Assign* a = find_binding(o, c, nullptr);
  if (!a || a->k != Assign::K::Import) return false;
  ModuleRef m = module_ref(obj, c);
  if (!m.ok || (m.level == 0 && third_party(m.module))) return false;
  record_call(s.node, attr, -1, import_ref_for(m, std::string(text(attr)), true), false, s, c);
  return true;
}

}  // namespace pipelint::py

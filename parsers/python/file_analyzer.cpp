#include "parsers/python/file_analyzer.h"

namespace pipelint::py {

namespace {
constexpr size_t kMaxLoopCombos = 64;
}

void FileAnalyzer::run(TSNode root) {
  collect(root);
  if (ts_node_has_error(root)) first_error(root);
  extract_sites();
  build_constants();
}

void FileAnalyzer::bind_loop_target(TSNode t, const Val& v, Bindings& out) const {
  if (ts_node_is_null(t)) return;
  TSSymbol s = ts_node_symbol(t);
  if (s == S_.identifier) {
    out.emplace_back(std::string(text(t)), v);
    return;
  }
  if (s == S_.pattern_list || s == S_.tuple_pattern || s == S_.list_pattern || s == S_.tuple ||
      s == S_.list) {
    uint32_t n = ts_node_named_child_count(t);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode k = ts_node_named_child(t, i);
      if (v.t == Val::T::List && i < v.items.size()) bind_loop_target(k, v.items[i], out);
    }
  }
}

// One binding of the loop variables per element of literal (or constant)
// lists, over all enclosing loops, capped.
std::vector<FileAnalyzer::Bindings> FileAnalyzer::loop_bindings(const Site& s) {
  std::vector<Bindings> combos{Bindings{}};
  for (int id : s.loops) {
    const Loop& L = loops_[id];
    std::vector<Bindings> next;
    for (const auto& b : combos) {
      Ctx lc{L.scope, L.block, L.off, b.empty() ? nullptr : &b};
      Val it = eval(L.right, lc, 0);
      std::vector<Val> elems;
      if (it.t == Val::T::List) elems = it.items;
      if (it.t == Val::T::Dict)
        for (const auto& k : it.keys) elems.push_back(Val::str(VStr::text(k)));
      if (elems.empty()) {
        next.push_back(b);
        continue;
      }
      for (const auto& e : elems) {
        if (next.size() >= kMaxLoopCombos) break;
        Bindings nb = b;
        Val ev = e;
        ev.strip_offsets();
        bind_loop_target(L.left, ev, nb);
        next.push_back(std::move(nb));
      }
    }
    combos = std::move(next);
  }
  return combos;
}

// Module-level names and class attributes that other modules may import.
void FileAnalyzer::build_constants() {
  const Scope& mod = scopes_[0];
  for (const auto& [name, as] : mod.names) {
    bool only_import = as.size() == 1 && as[0].k == Assign::K::Import;
    if (only_import) {
      const ImportInfo& info = import_infos_[as[0].index];
      if (!info.name.empty()) md_.imported_names.emplace(name, import_ref_for_info(info));
      continue;
    }
    bool has_value = false;
    for (const auto& a : as) has_value |= a.k == Assign::K::Value || a.k == Assign::K::Unpack;
    if (!has_value) continue;
    Val v = value_of(as, name, nullptr, 0, nullptr, 0);
    v.strip_offsets();
    if (v.is_str() && v.s.parts.size() == 1 && v.s.parts[0].k == VPart::K::Hole) continue;
    md_.constants.emplace(name, std::move(v));
  }
  for (size_t k = 1; k < scopes_.size(); ++k) {
    const Scope& cls = scopes_[k];
    if (cls.k != Scope::K::Class || cls.parent != 0) continue;
    auto add = [&](const std::string& attr) {
      Val v = class_attr(static_cast<int>(k), attr, nullptr, 0);
      v.strip_offsets();
      if (v.is_str() && v.s.parts.size() == 1 && v.s.parts[0].k == VPart::K::Hole) return;
      md_.constants.emplace(cls.name + "." + attr, std::move(v));
    };
    for (const auto& [attr, as] : cls.names) {
      bool has_value = false;
      for (const auto& a : as) has_value |= a.k == Assign::K::Value;
      if (has_value) add(attr);
    }
    for (const auto& [attr, as] : cls.self_attrs)
      if (!cls.names.count(attr)) add(attr);
  }
}

}  // namespace pipelint::py

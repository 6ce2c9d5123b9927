// The single walk over the tree (iterative: 5,000-deep nesting must not
// overflow the stack). Records scopes, blocks, assignments, loops and imports,
// and the call sites that pattern matching looks at afterwards.
#include <cstring>

#include "parsers/python/file_analyzer.h"

namespace pipelint::py {

FileAnalyzer::FileAnalyzer(std::string_view src, ModuleData& md)
    : src_(src), md_(md), S_(Syms::get()) {
  std::string_view path = md.rel_path;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (i > start) dir_parts_.emplace_back(path.substr(start, i - start));
      start = i + 1;
    }
  }
  if (!dir_parts_.empty()) dir_parts_.pop_back();  // the file itself
}

int FileAnalyzer::new_scope(Scope::K k, int parent, std::string name) {
  Scope s;
  s.k = k;
  s.parent = parent;
  s.name = std::move(name);
  scopes_.push_back(std::move(s));
  return static_cast<int>(scopes_.size()) - 1;
}

void FileAnalyzer::add_assign(int scope, std::string name, Assign a) {
  scopes_[scope].names[std::move(name)].push_back(a);
}

void FileAnalyzer::bind_target(TSNode t, TSNode value, Assign::K k, int scope, int block, int index) {
  TSSymbol sym = ts_node_symbol(t);
  Assign a;
  a.k = k;
  a.value = value;
  a.off = ts_node_start_byte(t);
  a.block = block;
  a.index = index;
  if (sym == S_.identifier) {
    add_assign(scope, std::string(text(t)), a);
  } else if (sym == S_.pattern_list || sym == S_.tuple_pattern || sym == S_.list_pattern ||
             sym == S_.tuple || sym == S_.list || sym == S_.expression_list) {
    uint32_t n = ts_node_named_child_count(t);
    for (uint32_t i = 0; i < n && i < 64; ++i) {
      TSNode c = ts_node_named_child(t, i);
      if (ts_node_symbol(c) != S_.identifier) continue;
      Assign u = a;
      u.off = ts_node_start_byte(c);
      if (k == Assign::K::Value) {
        u.k = Assign::K::Unpack;
        u.index = static_cast<int>(i);
      }
      add_assign(scope, std::string(text(c)), u);
    }
  } else if (sym == S_.attribute) {
    // self.X = ... inside a method: an attribute of the enclosing class
    TSNode obj = field(t, S_.f_object);
    int klass = enclosing_class(scope);
    a.index = scope;
    if (klass >= 0 && ts_node_symbol(obj) == S_.identifier && text(obj) == "self")
      scopes_[klass].self_attrs[std::string(text(field(t, S_.f_attribute)))].push_back(a);
  }
}

void FileAnalyzer::collect_function(TSNode fn, int scope, int block) {
  TSNode name = field(fn, S_.f_name);
  std::string fname(text(name));
  const Scope& outer = scopes_[scope];
  std::string key = outer.k == Scope::K::Class ? outer.name + "." + fname : fname;
  FuncInfo info;
  info.key = key;
  int fidx = static_cast<int>(md_.funcs.size());
  Assign def;
  def.k = Assign::K::Def;
  def.off = ts_node_start_byte(name);
  def.block = block;
  def.index = fidx;
  add_assign(scope, fname, def);
  int fs = new_scope(Scope::K::Function, scope, fname);
  scopes_[fs].func = fidx;
  scopes_[fs].klass = outer.k == Scope::K::Class ? scope : -1;
  TSNode params = field(fn, S_.f_parameters);
  uint32_t n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode p = ts_node_named_child(params, i);
    TSSymbol ps = ts_node_symbol(p);
    TSNode pname{}, pdef{};
    if (ps == S_.identifier) {
      pname = p;
    } else if (ps == S_.default_parameter || ps == S_.typed_default_parameter) {
      pname = field(p, S_.f_name);
      pdef = field(p, S_.f_value);
    } else if (ps == S_.typed_parameter) {
      pname = ts_node_named_child(p, 0);
    } else {
      continue;  // *args, **kwargs, separators
    }
    if (ts_node_is_null(pname) || ts_node_symbol(pname) != S_.identifier) continue;
    Param param;
    param.name = std::string(text(pname));
    Assign a;
    a.k = Assign::K::Param;
    a.value = pdef;
    a.off = 0;  // parameters are bound before the body runs
    a.block = -1;
    a.index = static_cast<int>(info.params.size());
    scopes_[fs].names[param.name].push_back(a);
    info.params.push_back(std::move(param));
  }
  md_.funcs.push_back(std::move(info));
  md_.func_index.emplace(key, fidx);
}

void FileAnalyzer::collect_import(TSNode n, int scope, int block) {
  auto add = [&](ImportInfo info, const std::string& bound) {
    Assign a;
    a.k = Assign::K::Import;
    a.off = ts_node_start_byte(n);
    a.block = block;
    a.index = static_cast<int>(import_infos_.size());
    import_infos_.push_back(std::move(info));
    import_info_ref_.push_back(-1);
    add_assign(scope, bound, a);
  };
  if (ts_node_symbol(n) == S_.import_statement) {
    uint32_t c = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < c; ++i) {
      TSNode item = ts_node_named_child(n, i);
      ImportInfo info;
      if (ts_node_symbol(item) == S_.aliased_import) {
        info.module = std::string(text(field(item, S_.f_name)));
        add(info, std::string(text(field(item, S_.f_alias))));
      } else {
        info.module = std::string(text(item));
        std::string root = info.module.substr(0, info.module.find('.'));
        info.binds_root = root != info.module;
        if (info.binds_root) info.module = root;
        add(info, root);
      }
    }
    return;
  }
  // from [.]mod import a [as b], c | *
  TSNode mod = field(n, S_.f_module_name);
  ImportInfo base;
  if (ts_node_symbol(mod) == S_.relative_import) {
    uint32_t c = ts_node_child_count(mod);
    for (uint32_t i = 0; i < c; ++i) {
      TSNode k = ts_node_child(mod, i);
      if (ts_node_symbol(k) == S_.import_prefix)
        for (char ch : text(k)) base.level += ch == '.';
      else if (ts_node_symbol(k) == S_.dotted_name)
        base.module = std::string(text(k));
    }
  } else {
    base.module = std::string(text(mod));
  }
  uint32_t c = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < c; ++i) {
    TSNode item = ts_node_named_child(n, i);
    if (ts_node_eq(item, mod)) continue;
    TSSymbol s = ts_node_symbol(item);
    if (s == S_.wildcard_import) {
      for (auto& f : module_files(base.module, base.level)) md_.star_sources.push_back(f);
      continue;
    }
    ImportInfo info = base;
    if (s == S_.aliased_import) {
      info.name = std::string(text(field(item, S_.f_name)));
      add(info, std::string(text(field(item, S_.f_alias))));
    } else if (s == S_.dotted_name) {
      info.name = std::string(text(item));
      add(info, info.name);
    }
  }
}

void FileAnalyzer::collect(TSNode root) {
  new_scope(Scope::K::Module, -1, "");
  block_parent_.push_back(-1);
  int scope = 0, block = 0;
  std::vector<int> loop_stack;
  struct Frame {
    int scope, block;
    size_t loops;
  };
  std::vector<Frame> stack;
  TSTreeCursor cur = ts_tree_cursor_new(root);
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    TSSymbol sym = ts_node_symbol(n);
    Frame saved{scope, block, loop_stack.size()};
    bool descend = true;
    if (sym == S_.string || sym == S_.comment || sym == S_.concatenated_string) {
      descend = false;
    } else if (sym == S_.block) {
      block_parent_.push_back(block);
      block = static_cast<int>(block_parent_.size()) - 1;
    } else if (sym == S_.function_definition) {
      collect_function(n, scope, block);
      scope = static_cast<int>(scopes_.size()) - 1;
    } else if (sym == S_.class_definition) {
      TSNode name = field(n, S_.f_name);
      int cs = new_scope(Scope::K::Class, scope, std::string(text(name)));
      Assign a;
      a.k = Assign::K::Class;
      a.off = ts_node_start_byte(name);
      a.block = block;
      a.index = cs;
      add_assign(scope, std::string(text(name)), a);
      scope = cs;
    } else if (sym == S_.for_statement) {
      loops_.push_back(Loop{field(n, S_.f_left), field(n, S_.f_right), scope, block, ts_node_start_byte(n)});
      loop_stack.push_back(static_cast<int>(loops_.size()) - 1);
      bind_target(field(n, S_.f_left), TSNode{}, Assign::K::Loop, scope, block);
    } else if (sym == S_.list_comprehension || sym == S_.generator_expression ||
               sym == S_.set_comprehension || sym == S_.dictionary_comprehension) {
      uint32_t c = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < c; ++i) {
        TSNode k = ts_node_named_child(n, i);
        if (ts_node_symbol(k) != S_.for_in_clause) continue;
        loops_.push_back(Loop{field(k, S_.f_left), field(k, S_.f_right), scope, block, ts_node_start_byte(n)});
        loop_stack.push_back(static_cast<int>(loops_.size()) - 1);
        bind_target(field(k, S_.f_left), TSNode{}, Assign::K::Loop, scope, block);
      }
    } else if (sym == S_.assignment) {
      TSNode right = field(n, S_.f_right);
      int guard = 0;
      while (!ts_node_is_null(right) && ts_node_symbol(right) == S_.assignment && guard++ < 64)
        right = field(right, S_.f_right);
      if (!ts_node_is_null(right)) bind_target(field(n, S_.f_left), right, Assign::K::Value, scope, block);
    } else if (sym == S_.named_expression) {
      bind_target(field(n, S_.f_name), field(n, S_.f_value), Assign::K::Value, scope, block);
    } else if (sym == S_.augmented_assignment) {
      bind_target(field(n, S_.f_left), TSNode{}, Assign::K::Other, scope, block);
    } else if (sym == S_.import_statement || sym == S_.import_from_statement) {
      collect_import(n, scope, block);
      descend = false;
    } else if (sym == S_.decorated_definition) {
      decorated_sites_.push_back(Site{n, scope, block, loop_stack});
    } else if (sym == S_.call) {
      TSNode fn = field(n, S_.f_function);
      TSSymbol fs = ts_node_symbol(fn);
      bool inner = ts_tree_cursor_current_field_id(&cur) == S_.f_object;  // part of a longer chain
      if (fs == S_.attribute && !inner)
        chain_sites_.push_back(Site{n, scope, block, loop_stack});
      else if (fs == S_.identifier)
        ident_sites_.push_back(Site{n, scope, block, loop_stack});
    }
    if (descend && ts_tree_cursor_goto_first_child(&cur)) {
      stack.push_back(saved);
      continue;
    }
    scope = saved.scope;
    block = saved.block;
    loop_stack.resize(saved.loops);
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cur)) break;
      if (stack.empty() || !ts_tree_cursor_goto_parent(&cur)) {
        ts_tree_cursor_delete(&cur);
        return;
      }
      Frame f = stack.back();
      stack.pop_back();
      scope = f.scope;
      block = f.block;
      loop_stack.resize(f.loops);
    }
  }
}

void FileAnalyzer::first_error(TSNode root) {
  TSTreeCursor cur = ts_tree_cursor_new(root);
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    bool missing = ts_node_is_missing(n);
    if (missing || ts_node_symbol(n) == S_.error) {
      auto [line, col] = pos_of(n);
      std::string msg;
      if (missing) {
        msg = std::string("syntax error: missing ") + ts_node_type(n);
      } else {
        std::string_view t = text(n).substr(0, 40);
        size_t nl = t.find('\n');
        if (nl != std::string_view::npos) t = t.substr(0, nl);
        msg = "syntax error: unexpected '" + std::string(t) + "'";
      }
      md_.diagnostics.push_back(Diagnostic{line, col, "SYN001", msg});
      break;
    }
    if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cur)) continue;
    bool moved = false;
    while (!moved) {
      if (ts_tree_cursor_goto_next_sibling(&cur)) { moved = true; break; }
      if (!ts_tree_cursor_goto_parent(&cur)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cur);
}

std::pair<uint32_t, uint32_t> FileAnalyzer::pos_of(TSNode n) const {
  return md_.pos.position(ts_node_start_byte(n));
}

int FileAnalyzer::enclosing_class(int scope) const {
  for (int s = scope; s >= 0; s = scopes_[s].parent) {
    if (scopes_[s].k == Scope::K::Class) return s;
    if (scopes_[s].klass >= 0) return scopes_[s].klass;
  }
  return -1;
}

int FileAnalyzer::enclosing_func(int scope) const {
  for (int s = scope; s >= 0; s = scopes_[s].parent)
    if (scopes_[s].k == Scope::K::Function) return scopes_[s].func;
  return -1;
}

}  // namespace pipelint::py

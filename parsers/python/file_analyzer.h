// Per-file extraction over one tree-sitter tree. Three steps, each linear:
//  collect  (collector.cpp)  one iterative walk: scopes, blocks, assignments,
//                            loops, imports, and the call sites worth a look;
//  evaluate (evaluator.cpp)  the value lattice over collected assignments;
//  extract  (spark_patterns.cpp, helper_calls.cpp) PySpark chains, DLT
//                            decorators and helper calls -> ModuleData.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parsers/python/module_data.h"
#include "parsers/python/ts_util.h"
#include "parsers/python/value.h"

namespace pipelint::py {

class FileAnalyzer {
 public:
  FileAnalyzer(std::string_view src, ModuleData& md);
  void run(TSNode root);

  using Bindings = std::vector<std::pair<std::string, Val>>;
  struct Ctx {
    int scope = 0;
    int block = 0;
    uint32_t off = 0;
    const Bindings* bind = nullptr;
  };

 private:
  struct Assign {
    enum class K : uint8_t { Value, Loop, Param, Import, Def, Class, Other, Unpack };
    K k = K::Other;
    TSNode value{};
    uint32_t off = 0;
    int block = 0;
    int index = -1;  // Unpack: element; Param: parameter; Import: ImportInfo; Def: FuncInfo; Class: scope
  };
  struct Scope {
    enum class K : uint8_t { Module, Function, Class };
    K k = K::Module;
    int parent = -1;
    int klass = -1;  // methods: the class scope
    int func = -1;   // functions: FuncInfo index
    std::string name;
    std::unordered_map<std::string, std::vector<Assign>> names;
    std::unordered_map<std::string, std::vector<Assign>> self_attrs;  // class scopes: self.X = ...
    std::unordered_map<std::string, std::vector<std::string>> var_methods;  // x.m(...) calls
  };
  struct Loop {
    TSNode left{}, right{};
    int scope = 0, block = 0;
    uint32_t off = 0;
  };
  struct Site {
    TSNode node{};
    int scope = 0, block = 0;
    std::vector<int> loops;
  };
  struct ImportInfo {
    std::string module;  // dotted, without leading dots
    int level = 0;       // relative import level (number of dots)
    std::string name;    // imported name; empty for `import a.b [as c]`
    bool binds_root = false;  // `import a.b` binds `a`
  };
  // Something an expression may denote besides a string: an imported module.
  struct ModuleRef {
    bool ok = false;
    std::string module;
    int level = 0;
  };

  // collector.cpp
  void collect(TSNode root);
  int new_scope(Scope::K k, int parent, std::string name);
  void add_assign(int scope, std::string name, Assign a);
  void bind_target(TSNode target, TSNode value, Assign::K k, int scope, int block, int index = -1);
  void collect_function(TSNode fn, int scope, int block);
  void collect_import(TSNode n, int scope, int block);
  void first_error(TSNode root);

  // evaluator.cpp
 public:
  Val eval(TSNode n, const Ctx& c, int depth);
 private:
  Val eval_string(TSNode n, const Ctx& c, int depth);
  Val eval_call(TSNode n, const Ctx& c, int depth);
  Val eval_attribute(TSNode n, const Ctx& c, int depth);
  Val eval_subscript(TSNode n, const Ctx& c, int depth);
  Val lookup(std::string_view name, const Ctx& c, int depth);
  Val value_of(const std::vector<Assign>& as, std::string_view name, const Ctx* flow, int scope,
               const Bindings* bind, int depth);
  Val value_of_assign(const Assign& a, std::string_view name, int scope, const Bindings* bind,
                      int depth);
  Val class_attr(int class_scope, std::string_view attr, const Bindings* bind, int depth);
  const Assign* find_binding(std::string_view name, const Ctx& c, int* scope_out) const;
  bool dominates(int block, int inner) const;
  ModuleRef module_ref(TSNode n, const Ctx& c) const;
  int import_ref_for(const ModuleRef& m, const std::string& name, bool also_submodule);
  int import_ref_for_info(const ImportInfo& info);
  int star_ref(const std::string& name);
  static bool third_party(const std::string& dotted);
  std::vector<std::string> module_files(const std::string& dotted, int level) const;
  int enclosing_class(int scope) const;
  int enclosing_func(int scope) const;
  std::string_view text(TSNode n) const { return node_text(n, src_); }
  std::vector<Bindings> loop_bindings(const Site& s);
  Val widget_default_hole(const std::string& name);

  // spark_patterns.cpp
  struct Link {
    std::string_view name;
    TSNode name_node{};
    TSNode call{};  // null when an attribute is read without a call
    TSNode args{};
    Ctx ctx;
    bool context_only = false;  // reached through a variable: state only, no records
  };
  struct Chain {
    std::vector<Link> links;
    std::string_view root;  // identifier at the start, if any
    TSNode root_node{};
    std::vector<TSNode> via;  // values of the variables the root was followed through
    std::vector<std::string_view> vars;  // names of those variables
  };
  void extract_sites();
  bool build_chain(TSNode top, const Ctx& c, Chain& out, int hops);
  void match_chain(const Chain& ch, const Site& s, const Ctx& c);
  TSNode arg(TSNode args, int pos, std::string_view kw) const;
  std::string known_lower(TSNode n, const Ctx& c);
  std::string mode_of(TSNode n, const Ctx& c);  // known_lower, noting a parameter source
  void emit(Op op, Kind kind, std::string mode, std::string api, TSNode name_expr,
            TSNode method_node, const Ctx& c, bool sql = false);
  void collect_dlt(const Site& s);
  void record_widget(TSNode call, const Ctx& c);
  bool deltatable_read_needed(const Chain& ch, size_t i, const Site& s);
  void register_view(const Chain& ch, const Link& L, const Site& s, bool global);
  void add_view(std::string name, std::vector<std::pair<SourcePos, SourcePos>> own);

  // column_refs.cpp
  struct ColumnWalk;
  void extract_columns();
  int walk_columns(const Chain& ch, bool record, std::vector<std::pair<size_t, int>>* projected_into);
  void column_args(ColumnWalk& w, const Link& L, const char* how, bool strings, bool exprs);
  void column_expr(ColumnWalk& w, TSNode n, bool emit);
  bool plain_column(ColumnWalk& w, TSNode n, TSNode& name_node, std::string& column, std::string& as,
                    std::string& how);
  void add_column(ColumnWalk& w, TSNode at, std::string column, const char* how, bool emit);
  std::string literal_text(TSNode n, const Ctx& c);
  int join_read(const Link& L);

  // helper_calls.cpp
  void record_call(TSNode call, TSNode name_node, int local_func, int import_ref, bool bound,
                   const Site& s, const Ctx& c);
  void bind_loop_target(TSNode target, const Val& v, Bindings& out) const;
  void helper_call_from_identifier(const Site& s, const Ctx& c);
  bool helper_call_from_chain(const Site& s, const Ctx& c);

  std::pair<uint32_t, uint32_t> pos_of(TSNode n) const;
  void build_constants();

  std::string_view src_;
  ModuleData& md_;
  const Syms& S_;
  std::vector<Scope> scopes_;
  std::vector<int> block_parent_;
  std::vector<Loop> loops_;
  std::vector<Site> chain_sites_, ident_sites_, decorated_sites_;
  std::vector<ImportInfo> import_infos_;
  std::vector<int> import_info_ref_;  // ImportInfo -> ImportRef id (-1: not yet)
  std::unordered_map<std::string, int> star_refs_;
  std::unordered_map<std::string, int> import_ref_cache_;
  std::unordered_map<std::string, TSNode> widget_default_nodes_;
  std::unordered_map<std::string, int> view_names_;  // @dlt.view functions
  std::vector<std::string> dir_parts_;
  // Reads and writes emitted by emit(), by the start byte of their method name
  // (-1: several accesses there, e.g. a loop); column_refs.cpp follows them.
  std::unordered_map<uint32_t, int> read_at_, write_at_;
  std::unordered_map<uint32_t, size_t> column_at_;  // column literal start byte -> ModuleData::columns
  int mode_param_ = -1;  // set by mode_of(): the mode came from a helper parameter  // folder of the file, split
};

}  // namespace pipelint::py

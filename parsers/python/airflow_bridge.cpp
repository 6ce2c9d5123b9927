#include "parsers/python/airflow_bridge.h"

#include <unordered_map>

#include "parsers/airflow/airflow_extractor.h"
#include "parsers/python/file_analyzer.h"

namespace pipelint::py {

namespace {

// Maps block nodes to the collector's (scope, block) numbering: both are
// assigned in preorder, so one walk in the same order recovers them.
class ResolverValues : public airflow::ValueSource {
 public:
  ResolverValues(FileAnalyzer& fa, const ModuleData& md, TSNode root, std::string_view src)
      : fa_(fa), md_(md), literal_(root, src) {
    number(root);
  }

  // The resolver first; where it leaves holes (str(i) of a loop index, ...),
  // literal evaluation with the resolver for names and attributes.
  NameTemplate string_at(TSNode n, TSNode block, const airflow::Bindings& b) override {
    NameTemplate t = resolve(n, block, b);
    if (!t.has_holes()) return t;
    literal_.set_leaf([&](TSNode leaf) { return resolve(leaf, block, b); });
    NameTemplate alt = literal_.string_at(n, block, b);
    literal_.set_leaf(nullptr);
    return alt.has_holes() ? t : alt;
  }

 private:
  NameTemplate resolve(TSNode n, TSNode block, const airflow::Bindings& b) {
    FileAnalyzer::Bindings store;
    Val v = fa_.eval(n, ctx(n, block, b, store), 0);
    if (!v.is_str()) return NameTemplate::hole("?");
    NameTemplate t;
    for (const auto& p : v.s.parts) {
      if (p.k == VPart::K::Text) {
        t.append(NameTemplate::literal(p.text, p.origin == &md_ ? p.off : -1));
      } else {
        HoleSource src = p.k == VPart::K::Param ? HoleSource::Parameter
                         : p.k == VPart::K::Import ? HoleSource::Variable
                                                   : p.src;
        t.parts.push_back(NamePart{p.text, true, src, p.def, -1});
      }
    }
    return t;
  }


 public:
  std::optional<std::vector<std::string>> list_at(TSNode n, TSNode block, const airflow::Bindings& b) override {
    FileAnalyzer::Bindings store;
    Val v = fa_.eval(n, ctx(n, block, b, store), 0);
    std::vector<std::string> out;
    if (v.t == Val::T::Dict) return v.keys;
    if (v.t != Val::T::List) return std::nullopt;
    for (const auto& e : v.items) {
      if (!e.is_str() || !e.s.known()) return std::nullopt;
      out.push_back(e.s.known_text());
    }
    return out;
  }

 private:
  FileAnalyzer::Ctx ctx(TSNode n, TSNode block, const airflow::Bindings& b, FileAnalyzer::Bindings& store) {
    store.clear();
    for (const auto& [k, v] : b) store.emplace_back(k, Val::str(VStr::text(v)));
    FileAnalyzer::Ctx c;
    c.off = ts_node_start_byte(n);
    if (!ts_node_is_null(block)) {
      auto it = blocks_.find(ts_node_start_byte(block));
      if (it != blocks_.end()) {
        c.block = it->second.first;
        c.scope = it->second.second;
      }
    }
    c.bind = store.empty() ? nullptr : &store;
    return c;
  }

  void number(TSNode root) {
    const Syms& S = Syms::get();
    int scopes = 0, blocks = 0;
    struct Item {
      TSNode n;
      int scope;
    };
    std::vector<Item> stack{{root, 0}};
    while (!stack.empty()) {
      Item it = stack.back();
      stack.pop_back();
      TSSymbol sym = ts_node_symbol(it.n);
      if (sym == S.string || sym == S.comment || sym == S.concatenated_string || sym == S.import_statement ||
          sym == S.import_from_statement)
        continue;
      int scope = it.scope;
      if (sym == S.function_definition || sym == S.class_definition) scope = ++scopes;
      if (sym == S.block) blocks_.emplace(ts_node_start_byte(it.n), std::make_pair(++blocks, scope));
      uint32_t k = ts_node_child_count(it.n);
      for (uint32_t i = k; i-- > 0;) stack.push_back({ts_node_child(it.n, i), scope});
    }
  }

  FileAnalyzer& fa_;
  const ModuleData& md_;
  std::unordered_map<uint32_t, std::pair<int, int>> blocks_;  // block start -> (block, scope)
  airflow::LiteralValues literal_;
};

}  // namespace

FileRecords extract_airflow(FileAnalyzer& fa, const ModuleData& md, TSNode root, std::string_view src) {
  ResolverValues values(fa, md, root, src);
  airflow::DagFile f = airflow::extract(root, src, md.rel_path, values);
  FileRecords out;
  out.accesses = std::move(f.accesses);
  out.orchestration = std::move(f.orchestration);
  return out;
}

}  // namespace pipelint::py

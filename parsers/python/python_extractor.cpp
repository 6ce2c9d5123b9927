#include "parsers/python/python_extractor.h"

#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "parsers/airflow/airflow_extractor.h"
#include "parsers/python/airflow_bridge.h"
#include "parsers/python/file_analyzer.h"
#include "parsers/python/finalize.h"
#include "parsers/python/module_data.h"
#include "parsers/python/notebook.h"
#include "parsers/sql/sql_extractor.h"

namespace pipelint::py {

namespace {

// tree-sitter offsets are 32-bit; far beyond any real source file.
constexpr size_t kMaxFileBytes = size_t{1} << 30;

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

TSParser* thread_parser() {
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser = [] {
    std::unique_ptr<TSParser, ParserDeleter> p(ts_parser_new());
    ts_parser_set_language(p.get(), tree_sitter_python());
    return p;
  }();
  return parser.get();
}

void add_notebook_magic(ModuleData& md, std::string_view bytes) {
  NotebookMagic magic = scan_notebook(bytes, &md);
  for (auto& cell : magic.sql_cells) {
    Pending p;
    p.sql = true;
    p.api = "%sql";
    std::tie(p.line, p.col) = md.pos.position(cell.magic_offset);
    p.name = std::move(cell.text);
    md.pending.push_back(std::move(p));
  }
  for (const auto& t : magic.run_targets) {
    auto files = run_target_files(md.rel_path, t);
    if (files.empty()) continue;
    md.run_includes.push_back(files.front());
    for (auto& f : files) md.star_sources.push_back(f);
    md.has_external_refs = true;
  }
}

}  // namespace

FileAnalysis analyze(const std::string& rel_path, std::string_view bytes) {
  auto md = std::make_shared<ModuleData>();
  md->rel_path = rel_path;
  FileAnalysis out{rel_path, {}, md};
  if (bytes.size() > kMaxFileBytes) {
    md->diagnostics.push_back(Diagnostic{1, 1, "", "file too large to analyze"});
    out.records.diagnostics = md->diagnostics;
    return out;
  }
  md->pos = PosMap(bytes);
  if (is_notebook(bytes)) add_notebook_magic(*md, bytes);
  TSParser* parser = thread_parser();
  TSTree* tree = ts_parser_parse_string(parser, nullptr, bytes.data(), static_cast<uint32_t>(bytes.size()));
  if (!tree) {
    ts_parser_reset(parser);
    md->diagnostics.push_back(Diagnostic{1, 1, "SYN001", "syntax error: the file could not be parsed"});
  } else {
    FileAnalyzer fa(bytes, *md);
    fa.run(ts_tree_root_node(tree));
    if (airflow::may_contain_dag(bytes)) out.airflow = extract_airflow(fa, *md, ts_tree_root_node(tree), bytes);
    ts_tree_delete(tree);
  }
  out.records = finalize(*md, nullptr, &sql::extract);
  return out;
}

namespace {

class Repository : public ModuleSource {
 public:
  Repository(const std::vector<FileAnalysis*>& files, const ModuleLoader& load, const ModuleLoader& load_fn)
      : load_(load), load_fn_(load_fn) {
    for (auto* f : files)
      if (f && f->module) by_path_.emplace(f->rel_path, f);
  }
  ModuleData* module(const std::string& rel_path) override {
    auto it = by_path_.find(rel_path);
    if (it != by_path_.end()) return it->second ? it->second->module.get() : nullptr;
    FileAnalysis* f = load_ ? load_(rel_path) : nullptr;
    if (f && !f->module) f = nullptr;
    by_path_.emplace(rel_path, f);
    if (f) loaded_.push_back(f);
    return f ? f->module.get() : nullptr;
  }
  ModuleData* function_module(const std::string& rel_path) override {
    if (!load_fn_) return module(rel_path);
    auto it = by_path_.find(rel_path);
    if (it != by_path_.end()) return it->second ? it->second->module.get() : nullptr;
    if (refused_.count(rel_path)) return nullptr;
    FileAnalysis* f = load_fn_(rel_path);
    if (!f || !f->module) {
      refused_.insert(rel_path);  // a later constant lookup may still load it through `load_`
      return nullptr;
    }
    by_path_.emplace(rel_path, f);
    loaded_.push_back(f);
    return f->module.get();
  }
  const std::vector<FileAnalysis*>& loaded() const { return loaded_; }

 private:
  const ModuleLoader& load_;
  const ModuleLoader& load_fn_;
  std::unordered_set<std::string> refused_;
  std::unordered_map<std::string, FileAnalysis*> by_path_;
  std::vector<FileAnalysis*> loaded_;
};

// Widget defaults given in a %run-included notebook.
void fill_run_widget_defaults(ModuleData& m, Repository& repo, FileRecords& records) {
  if (m.run_includes.empty()) return;
  for (auto& a : records.accesses)
    for (auto& p : a.name.parts) {
      if (!p.hole || p.default_value) continue;
      if (p.source != HoleSource::Widget && p.source != HoleSource::Template) continue;
      for (const auto& inc : m.run_includes) {
        ModuleData* target = repo.module(inc);
        if (!target) continue;
        auto w = target->widget_defaults.find(p.text);
        if (w != target->widget_defaults.end()) {
          p.default_value = w->second;
          break;
        }
      }
    }
}

}  // namespace

void link(const std::vector<FileAnalysis*>& repo_files, const ModuleLoader& load,
          const ModuleLoader& load_for_functions) {
  Repository repo(repo_files, load, load_for_functions);
  std::unordered_set<ModuleData*> dirty;
  // Helpers called from another module are reported at those calls only.
  for (auto* f : repo_files) {
    if (!f || !f->module) continue;
    ModuleData& m = *f->module;
    for (const auto& c : m.calls) {
      if (c.import_ref < 0) continue;
      FuncRef r = resolve_function(m, c.import_ref, repo);
      if (!r.module || r.module->funcs[r.func].called) continue;
      r.module->funcs[r.func].called = true;
      dirty.insert(r.module);
    }
  }
  for (auto* f : repo_files) {
    if (!f || !f->module) continue;
    for (auto& fn : f->module->funcs) fn.state = 0;
  }
  for (auto* f : repo_files) {
    if (!f || !f->module) continue;
    ModuleData& m = *f->module;
    if (!m.has_external_refs && !dirty.count(&m)) continue;
    f->records = finalize(m, &repo, &sql::extract);
    fill_run_widget_defaults(m, repo, f->records);
  }
  for (auto* f : repo.loaded())
    if (dirty.count(f->module.get())) f->records = finalize(*f->module, &repo, &sql::extract);
}

}  // namespace pipelint::py

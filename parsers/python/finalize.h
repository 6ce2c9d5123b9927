// Turns a module's pending accesses and helper calls into records: resolves
// imported names, instantiates helper summaries at call sites, reports the
// bodies of helpers nobody calls with their parameters as placeholders, and
// runs the SQL extractor on final SQL text.
#pragma once
#include <string>

#include "parsers/python/embedded_sql.h"
#include "parsers/python/module_data.h"

namespace pipelint::py {

// The repository as link() sees it; analyze() finalizes without one (imported
// names become holes, imported helpers are not instantiated).
class ModuleSource {
 public:
  virtual ~ModuleSource() = default;
  virtual ModuleData* module(const std::string& rel_path) = 0;
  // A module looked up for a helper function: may refuse to load modules that
  // cannot define one (skipped by the prefilter), which keeps link() linear on
  // code bases where most imports are ordinary Python.
  virtual ModuleData* function_module(const std::string& rel_path) { return module(rel_path); }
};

FileRecords finalize(ModuleData& m, ModuleSource* repo, SqlFn sql_fn);

// The helper an ImportRef names, if it is a function of a repository module.
struct FuncRef {
  ModuleData* module = nullptr;
  int func = -1;
};
FuncRef resolve_function(ModuleData& m, int import_ref, ModuleSource& repo, int depth = 0);

}  // namespace pipelint::py

// What analyze() keeps of a file once its syntax tree is freed: accesses whose
// names may still refer to helper parameters or imported names, helper
// summaries' inputs, call sites of helpers, module constants. link() and
// finalize() turn these into FileRecords.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parsers/common/records.h"
#include "parsers/python/pos_map.h"
#include "parsers/python/python_extractor.h"
#include "parsers/python/temp_views.h"
#include "parsers/python/value.h"

namespace pipelint::py {

// An access as found in code. For SQL, `name` holds the SQL text and `api` the
// prefix ("spark.sql", "%sql"); the SQL extractor runs when the text is final.
struct Pending {
  Op op = Op::Read;
  Kind kind = Kind::Table;
  std::string mode;
  std::string api;
  VStr name;
  bool sql = false;
  uint32_t line = 0, col = 0;  // the literal, or the method name
  int func = -1;               // helper whose parameters `name` uses (-1: none)
  int mode_param = -1;         // the mode comes from this parameter (its default is in `mode`)
};

// A column reference on a DataFrame straight from one read (column_refs.cpp).
// `read` / `into` are ids in ModuleData::pending; finalize maps them to records.
struct PendingColumn {
  uint32_t line = 0, col = 0;  // the column literal or attribute name
  int read = -1;
  int into = -1;               // the write the column is projected into unchanged, or -1
  std::string column, how, as;
};

struct Arg {
  Val v;
  bool literal = false;  // a string literal at the call site
  uint32_t line = 0, col = 0;
};

struct CallSite {
  int local_func = -1;  // callee in this module, or
  int import_ref = -1;  // callee imported (ImportRef id)
  bool bound_method = false;  // self.m(...): the first parameter is implicit
  std::vector<Arg> pos;
  std::vector<std::pair<std::string, Arg>> kw;
  uint32_t line = 0, col = 0;  // the called function's name
  int func = -1;               // function containing the call (-1: module level)
};

struct Param {
  std::string name;
  std::optional<std::string> def;  // known default text
};

struct FuncInfo {
  std::string key;  // "upsert", or "Writer.write_table" for methods
  std::vector<Param> params;
  bool called = false;  // in its own file, or (after link) from another module
  std::vector<int> pending_ids;  // entries of ModuleData::pending inside this function
  std::vector<int> call_ids;     // entries of ModuleData::calls inside this function
  // link-time memo of the summary: accesses in terms of this function's parameters
  int state = 0;  // 0 not computed, 1 computing, 2 done
  std::vector<Pending> summary;
};

// Alternatives (module file, name) tried in order; the first module file that
// exists decides.
struct ImportRef {
  std::vector<std::pair<std::string, std::string>> alts;
};

struct ModuleData {
  std::string rel_path;
  PosMap pos;
  std::unordered_map<std::string, Val> constants;  // module-level names and "Cls.ATTR"
  std::unordered_map<std::string, int> imported_names;  // module-level name -> ImportRef
  std::vector<ImportRef> imports;
  std::vector<std::string> star_sources;  // module files of `from x import *` and %run
  std::vector<std::string> run_includes;  // notebook %run targets (module files)
  std::unordered_map<std::string, std::string> widget_defaults;
  std::vector<FuncInfo> funcs;
  std::unordered_map<std::string, int> func_index;
  std::vector<Pending> pending;
  std::vector<PendingColumn> columns;
  std::vector<CallSite> calls;
  std::vector<Diagnostic> diagnostics;
  std::vector<TempView> temp_views;  // registered by Python calls and @dlt.view (SQL ones: finalize)
  bool has_external_refs = false;  // imports or %run used by a pending value or call
};

}  // namespace pipelint::py

// Airflow DAG extraction from a tree-sitter-python tree (SPEC 2.4). Never
// imports or runs the analysed code: the walker interprets the statements that
// build DAGs (DAG(...), @dag, @task, TaskGroup, operators, >>, chain, loops over
// known lists, small task factories) and records DAGs, tasks, edges, clusters
// and inline-SQL accesses.
#pragma once
#include <tree_sitter/api.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/common/records.h"

namespace pipelint::airflow {

// Loop variables and factory parameters bound to known strings.
using Bindings = std::vector<std::pair<std::string, std::string>>;

// String values of expressions. The Python extractor supplies its resolver
// (constants, f-strings, imports, widgets ...); LiteralValues is a fallback.
class ValueSource {
 public:
  virtual ~ValueSource() = default;
  // Value of expression `n`, evaluated in the scope of `block` (the innermost
  // block around it; null at module level). Literal text keeps src_offset.
  virtual NameTemplate string_at(TSNode n, TSNode block, const Bindings& b) = 0;
  // Elements of a list/tuple (or dict keys) when all are known strings.
  virtual std::optional<std::vector<std::string>> list_at(TSNode n, TSNode block, const Bindings& b) = 0;
};

// Literals, f-strings, concatenation and module-level string constants only.
class LiteralValues : public ValueSource {
 public:
  LiteralValues(TSNode root, std::string_view src);
  NameTemplate string_at(TSNode n, TSNode block, const Bindings& b) override;
  std::optional<std::vector<std::string>> list_at(TSNode n, TSNode block, const Bindings& b) override;
  // Names and attributes this class cannot evaluate go to `leaf` when set.
  void set_leaf(std::function<NameTemplate(TSNode)> leaf) { leaf_ = std::move(leaf); }

 private:
  NameTemplate eval(TSNode n, const Bindings& b, int depth);
  std::function<NameTemplate(TSNode)> leaf_;
  std::string_view src_;
  std::vector<std::pair<std::string, TSNode>> constants_;  // module-level NAME = <expr>
};

// Cheap byte scan: can this file define a DAG or a default_args dict?
bool may_contain_dag(std::string_view bytes);

// What a DAG file yields: orchestration records and the accesses of inline SQL
// given to SQL operators (api "<Operator>:<STATEMENT>").
struct DagFile {
  Orchestration orchestration;
  std::vector<AccessRecord> accesses;
};

// Extracts from a parsed file. `rel_path` (repository-relative) locates
// modules that default_args may be imported from.
DagFile extract(TSNode root, std::string_view src, const std::string& rel_path, ValueSource& values);

// Parses `src` itself and extracts with LiteralValues (tests, imported modules).
DagFile extract_source(std::string_view src, const std::string& rel_path);

// Completes default_args imported from other modules of the repository.
// `load` returns the orchestration records of a repository-relative module
// file (nullptr when there is no such file).
using OrchestrationLoader = std::function<const Orchestration*(const std::string& rel_path)>;
void link_default_args(Orchestration& dag_file, const OrchestrationLoader& load);

}  // namespace pipelint::airflow

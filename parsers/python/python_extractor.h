// PySpark table-access extraction from Python files and Databricks notebooks
// exported as .py (SPEC 2.1, 2.2). Parsed with tree-sitter-python.
//
// Two phases:
//  1. analyze(): per file, in parallel, no shared state. Parses, extracts, frees
//     the syntax tree, and keeps a summary of what other files may import from it
//     (module constants, helper functions whose parameters flow into table names).
//  2. link(): per repository, sequential and linear. Resolves names imported from
//     other modules of the same repository, instantiates imported and %run
//     helpers at their call sites, and appends the resulting records.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/common/records.h"

namespace pipelint::py {

struct ModuleData;  // defined in the implementation: summaries and pending references

struct FileAnalysis {
  std::string rel_path;    // path relative to the repository root, forward slashes
  FileRecords records;     // complete after link()
  std::shared_ptr<ModuleData> module;
  FileRecords airflow = {};  // DAG records and inline-SQL accesses (parsers/airflow); link() keeps them
};

// Cheap byte scan: can this file contain a table access or define something a
// Spark file could import? Files that fail it are parsed only on demand.
bool may_contain_access(std::string_view bytes);

// Phase 1. Never throws; a syntax error becomes a SYN001 diagnostic and the
// rest of the file is still extracted.
FileAnalysis analyze(const std::string& rel_path, std::string_view bytes);

// Phase 2 for all Python files of one repository. `load` is called with a
// repository-relative path for a module that is imported but was not analysed
// (skipped by the prefilter); it returns nullptr when there is no such file.
using ModuleLoader = std::function<FileAnalysis*(const std::string& rel_path)>;
// `load_for_functions`, when given, is used instead of `load` when a module is
// needed only to find a helper function: it may return nullptr for modules that
// cannot define one (e.g. files the prefilter skipped), so that ordinary imports
// do not pull every module of a large code base into the sequential phase.
void link(const std::vector<FileAnalysis*>& repo_files, const ModuleLoader& load,
          const ModuleLoader& load_for_functions = nullptr);

}  // namespace pipelint::py

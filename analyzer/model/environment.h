// Environments (dev, test, prod) of code and of tables, for NS003.
//
// A table's environment is the `env` named group of the namespace pattern its
// (fully resolved, lower-cased) name matches; names with placeholders, external
// names and names outside the namespace have none.
//
// The code's environment, the most specific source first:
//   1. the bundle target that deploys the file (hook: bundles are not parsed yet),
//   2. a `dev/`, `test/` or `prod/` folder in the file's repository path (the one
//      nearest the file),
//   3. `namespace.variables.env` of the file's configuration,
//   4. failing those, the environment most of the other tables the file touches
//      are in (distinct tables; a tie gives none).
// A per-file convention is more specific than a configuration-wide default, so
// a `dev/` folder wins over `variables.env: prod` set by a platform config.
#pragma once
#include <optional>
#include <string>

#include "analyzer/model/model.h"

namespace pipelint {

// The `env` group of the first namespace pattern the name matches, or "".
std::string table_env(const std::string& table, const NamespaceConfig& ns);

// dev/test/prod from the folders of a repository-relative path ("jobs/dev/x.py" → dev).
std::string env_from_path(const std::string& repo_rel);

// Where a bundle target would supply the environment of a file. Bundles are not
// analysed yet; when they are, return the target's environment here.
std::optional<std::string> env_from_bundle_target(const Model& model, const FileEntry& file);

// Fills TableAccess::env and FileEntry::env/env_source.
void build_environments(Model& model);

}  // namespace pipelint

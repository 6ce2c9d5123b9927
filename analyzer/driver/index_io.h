// The platform index (docs/index.md): every analysed file's records and what the
// whole-platform run resolved from them, as versioned JSON sorted for stable
// diffs. `check --index` loads it so one repository is checked against the rest.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"

namespace pipelint {

constexpr int kIndexVersion = 2;

// The index of an analysed model (after build_ownership), as JSON text.
// Contracts are stored as their YAML text, read again from `contract_text`
// (by default: the file at the contract's path, relative to the cwd).
std::string write_index(const Model& model, const std::string& tool_version);
std::string write_index(const Model& model, const std::string& tool_version,
                        const std::function<std::optional<std::string>(const ContractFile&)>& contract_text);

struct LoadedIndex {
  std::vector<FileEntry> files;  // from_index = true, config unset; index_accesses filled
  std::vector<std::string> repo_names;  // root folder name of each file (parallel to files)
  std::vector<ContractFile> contracts;  // re-loaded from their text; from_index = true
  std::vector<std::string> contract_repo_names;  // parallel to contracts
  std::string error;  // "" when loaded
};

// Parses an index; never throws. Fails on unreadable files, bad JSON, another
// version or a malformed entry.
LoadedIndex read_index(const std::string& path);
LoadedIndex parse_index(const std::string& text);

}  // namespace pipelint

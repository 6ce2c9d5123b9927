// The contract base of `check --diff-base REF` / `--contracts-base DIR`: the
// earlier version of every data contract of the analysed paths, matched to its
// current version, for CTR002 and CTR003 (docs/contracts.md).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"

namespace pipelint {

struct ContractBaseOptions {
  std::string git_ref;             // --diff-base: read the base from git at this revision
  std::string dir;                 // --contracts-base: read it from this folder
  std::vector<std::string> paths;  // the analysed paths, as given
  std::string cwd;                 // absolute
};

// Fills model.base_contracts (sorted by path) and sets has_contract_base.
// Base contracts are matched to the model's fresh contracts by `id`, then by
// path. Returns "" or a one-line error (no git, not a repository, unknown
// revision, unreadable folder).
std::string load_contract_base(const ContractBaseOptions& opts, Model& model);

// The matching alone: base[i] → index into `current`, or -1. By non-empty
// `id` first, then by `same_path(base index, current index)`; each current
// contract is matched once, contracts from the index never.
std::vector<int32_t> match_base_contracts(const std::vector<ContractFile>& base,
                                          const std::vector<ContractFile>& current,
                                          const std::function<bool(size_t, size_t)>& same_path);

}  // namespace pipelint

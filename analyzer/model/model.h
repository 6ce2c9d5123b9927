// The model the rules read: analysed files with their configuration, and every
// table access with its name resolved against that configuration.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/config/config.h"
#include "analyzer/model/orchestration.h"
#include "analyzer/model/graph/graph_slot.h"
#include "parsers/common/records.h"
#include "parsers/contracts/contract.h"

namespace pipelint {

enum class Language : uint8_t { Python, Notebook, Sql, Yaml, Other };
const char* to_string(Language l);

// What a whole-platform run computed for one access of a file loaded from an
// index (analyzer/driver/index_io.h); it replaces the resolution against the
// checking run's configuration, which is not that file's own.
struct IndexedAccess {
  std::string table;
  uint8_t resolved = 0;  // Resolution
  std::string path_location;
  std::string env;
};

struct FileEntry {
  std::string display_path;  // as shown to the user (relative to the cwd when under it)
  std::string abs_path;
  std::string repo_root;     // absolute folder of the repository the file belongs to
  std::string repo_rel;      // path relative to repo_root, forward slashes
  std::string config_rel;    // path relative to config->dir, forward slashes
  Language lang = Language::Other;
  std::shared_ptr<const Config> config;
  FileRecords records;
  // Filled by build_ownership (analyzer/model/ownership.h):
  std::string team;          // owning team id; "" when no team claims the file (OWN003)
  std::string team_source;   // how it was decided, for messages ("team: in .../pipelint.yaml")
  std::string env;           // environment of the code (analyzer/model/environment.h); "" if unknown
  std::string env_source;    // how it was decided ("the `dev/` folder in its path")
  // Loaded from `check --index`: its findings are not reported, it only informs
  // cross-repository rules. index_accesses parallels records.accesses.
  bool from_index = false;
  std::vector<IndexedAccess> index_accesses;
};

enum class Resolution : uint8_t { Full, Partial, None };
const char* to_string(Resolution r);

struct TableAccess {
  uint32_t file = 0;          // index into Model::files
  uint32_t record = 0;        // index into that file's records.accesses
  std::string table;          // resolved name; unknown parts as {name}
  Resolution resolved = Resolution::Full;
  std::string path_location;  // the raw path when namespace.locations mapped it to a table
  // Filled by build_ownership (analyzer/model/ownership.h):
  std::string env;            // `env` group of the namespace pattern the name matches; "" if none
  int32_t owner = -1;         // index into Model::ownership->tables; -1 when not computed

  const AccessRecord& rec(const struct Model& m) const;
};

class OwnershipIndex;  // analyzer/model/ownership.h

// A data contract as it was at the contract base (check --diff-base REF or
// --contracts-base DIR, analyzer/driver/contract_base.h), paired with its
// current version. CTR002 and CTR003 compare the two.
struct BaseContract {
  ContractFile file;     // path: where it was, for messages ("repo/contracts/x.yaml@main")
  int32_t current = -1;  // index into Model::contracts of its current version; -1 when it is gone
};

struct Model {
  std::vector<FileEntry> files;        // sorted by display_path
  std::vector<TableAccess> accesses;   // by file, then by record order
  std::vector<ConfigIssue> config_issues;  // every configuration problem met, once each
  std::shared_ptr<const Config> root_config;  // the configuration of the first analysed root
  OrchestrationModel orch;             // DAGs, bundle jobs, tasks and edges (build_orchestration)
  GraphSlot graph;  // the platform graph, built on first use: platform_graph(model)
  std::shared_ptr<const OwnershipIndex> ownership;  // who owns each accessed table (build_ownership)
  std::vector<ContractFile> contracts;  // data contracts found, sorted by path; with their CTR001 issues
  // The contract base, when one was given: every base contract of the analysed
  // paths, matched to its current version (added contracts have no entry).
  bool has_contract_base = false;
  std::string contract_base_label;      // the REF or DIR as given, for messages
  std::vector<BaseContract> base_contracts;

  const FileEntry& file_of(const TableAccess& a) const { return files[a.file]; }
};

inline const AccessRecord& TableAccess::rec(const Model& m) const {
  return m.files[file].records.accesses[record];
}

// Renders a name template against namespace.variables (which take precedence
// over defaults given in code), then defaults, else {name} placeholders.
struct ResolvedName {
  std::string text;
  Resolution resolved;
};
ResolvedName resolve_name(const NameTemplate& name, const NamespaceConfig& ns);

// Fills Model::accesses from the files' records (resolution and namespace.locations).
void build_accesses(Model& model);

}  // namespace pipelint

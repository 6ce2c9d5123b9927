// The model the rules read: analysed files with their configuration, and every
// table access with its name resolved against that configuration.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/config/config.h"
#include "parsers/common/records.h"

namespace pipelint {

enum class Language : uint8_t { Python, Notebook, Sql, Yaml, Other };
const char* to_string(Language l);

struct FileEntry {
  std::string display_path;  // as shown to the user (relative to the cwd when under it)
  std::string abs_path;
  std::string repo_root;     // absolute folder of the repository the file belongs to
  std::string repo_rel;      // path relative to repo_root, forward slashes
  std::string config_rel;    // path relative to config->dir, forward slashes
  Language lang = Language::Other;
  std::shared_ptr<const Config> config;
  FileRecords records;
};

enum class Resolution : uint8_t { Full, Partial, None };
const char* to_string(Resolution r);

struct TableAccess {
  uint32_t file = 0;          // index into Model::files
  uint32_t record = 0;        // index into that file's records.accesses
  std::string table;          // resolved name; unknown parts as {name}
  Resolution resolved = Resolution::Full;
  std::string path_location;  // the raw path when namespace.locations mapped it to a table

  const AccessRecord& rec(const struct Model& m) const;
};

struct Model {
  std::vector<FileEntry> files;        // sorted by display_path
  std::vector<TableAccess> accesses;   // by file, then by record order
  std::vector<ConfigIssue> config_issues;  // every configuration problem met, once each
  std::shared_ptr<const Config> root_config;  // the configuration of the first analysed root

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

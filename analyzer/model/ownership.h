// The ownership registry (`teams` of pipelint.yaml, SPEC 3): which team owns each
// analysed file and each accessed table, computed once per model.
//
// Code: the repository's `team:`, else the first team (by id) with a `paths` glob
// matching the file's path relative to the configuration's folder, else the team
// whose `repos` lists the repository's folder name. The repository root is the
// nearest folder with `.git` or `pipelint.yaml`, so a repository gets the same
// answer checked alone or as part of the whole platform.
//
// Tables: every team with an `owns` glob that matches the resolved name. Partial
// names are matched on what is known (see ownership_match.h); one- and two-part
// names are read as `{catalog}.{schema}.table` / `{catalog}.schema.table`.
// Names in `namespace.external` are outside the platform and have no owner.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/model.h"
#include "analyzer/model/ownership_match.h"

namespace pipelint {

struct TeamMatch {
  std::string team;     // team id
  std::string pattern;  // the glob that matched
};

// Who owns one table name under one registry.
struct TableOwnership {
  std::string table;               // the name as looked up (after padding unqualified names)
  bool external = false;           // in namespace.external: outside the platform
  bool exact = true;               // fully known name: `owners` are certain, not candidates
  std::vector<TeamMatch> owners;   // teams whose `owns` match (could match), registry order
  std::vector<TeamMatch> published;  // owners whose `publishes` match (could match)

  bool owned_by(const std::string& team) const;
  bool published_by(const std::string& team) const;
};

// One registry (the `teams` and `namespace.external` of a configuration),
// compiled for fast lookups.
class Registry {
 public:
  explicit Registry(const Config& config);
  bool empty() const { return teams_.empty(); }
  TableOwnership lookup(std::string_view table) const;

 private:
  std::vector<const TeamConfig*> teams_;  // sorted by id (std::map order)
  std::vector<std::string> external_;
  GlobIndex owns_;  // value: index into teams_
};

struct FileTeam {
  std::string team;    // "" when none
  std::string source;  // how it was decided, or why there is none
};

// The owning team of a file (see the top of this file).
FileTeam team_of_file(const Config& config, const std::string& config_rel, const std::string& repo_root);

// Table ownership of every access, deduplicated per registry and name.
class OwnershipIndex {
 public:
  std::vector<TableOwnership> tables;
  const TableOwnership* of(const TableAccess& a) const {
    return a.owner >= 0 ? &tables[static_cast<size_t>(a.owner)] : nullptr;
  }
};

// Fills FileEntry::team, TableAccess::owner and Model::ownership, then the
// environments of code and tables (build_environments, environment.h). The
// driver calls it once, after build_accesses.
void build_ownership(Model& model);

// Is ownership configured for this file (a non-empty `teams` registry)?
inline bool has_registry(const FileEntry& f) { return f.config && !f.config->teams.empty(); }

}  // namespace pipelint

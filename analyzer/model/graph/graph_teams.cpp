#include "analyzer/model/graph/graph_teams.h"

#include <algorithm>
#include <filesystem>

#include "analyzer/model/glob.h"
#include "analyzer/model/ownership.h"

namespace pipelint {

std::string pipeline_team(const FileEntry& file) {
  if (!file.team.empty()) return file.team;
  if (!file.config) return "";
  const Config& c = *file.config;
  if (!c.team.empty()) return c.team;
  for (const auto& [id, team] : c.teams)
    for (const auto& glob : team.paths)
      if (glob_match(glob, file.config_rel)) return id;
  const std::string repo = std::filesystem::path(file.repo_root).filename().string();
  for (const auto& [id, team] : c.teams)
    if (std::find(team.repos.begin(), team.repos.end(), repo) != team.repos.end()) return id;
  return "";
}

std::string owner_of_table(const Model& model, const TableAccess& access, const std::string& table) {
  if (model.ownership) {
    if (const TableOwnership* o = model.ownership->of(access)) return o->owners.empty() ? "" : o->owners.front().team;
  }
  const FileEntry& file = model.files[access.file];
  if (!file.config) return "";
  const Config& config = *file.config;
  for (const auto& [id, team] : config.teams)
    for (const auto& glob : team.owns)
      if (table_glob_match(glob, table)) return id;
  return "";
}

}  // namespace pipelint

#include "analyzer/model/ownership.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "analyzer/model/environment.h"
#include "analyzer/model/glob.h"

namespace pipelint {
namespace {

// Number of dot-separated parts outside {placeholders}.
size_t part_count(std::string_view name) {
  size_t parts = 1;
  int depth = 0;
  for (char c : name) {
    if (c == '{') ++depth;
    else if (c == '}' && depth > 0) --depth;
    else if (c == '.' && depth == 0) ++parts;
  }
  return parts;
}

// The literal text a path glob starts with: a file can only match when its path
// starts with it.
std::string_view literal_prefix(std::string_view glob) {
  size_t cut = glob.find_first_of("*?[\\");
  return cut == std::string_view::npos ? glob : glob.substr(0, cut);
}

// Identity of a registry's content: configurations that extend the same locked
// platform file share one registry (and one lookup cache).
std::string registry_key(const Config& c) {
  std::string key;
  for (const auto& [id, t] : c.teams) {
    key += id + '\x1f';
    for (const auto& g : t.owns) key += g + '\x1e';
    key += '\x1f';
    for (const auto& g : t.publishes) key += g + '\x1e';
    key += '\x1d';
  }
  key += '\x1c';
  for (const auto& g : c.ns.external) key += g + '\x1e';
  return key;
}

}  // namespace

bool TableOwnership::owned_by(const std::string& team) const {
  return std::any_of(owners.begin(), owners.end(), [&](const TeamMatch& m) { return m.team == team; });
}

bool TableOwnership::published_by(const std::string& team) const {
  return std::any_of(published.begin(), published.end(), [&](const TeamMatch& m) { return m.team == team; });
}

Registry::Registry(const Config& config) : external_(config.ns.external) {
  for (const auto& [id, team] : config.teams) {
    auto index = static_cast<uint32_t>(teams_.size());
    teams_.push_back(&team);
    for (const auto& glob : team.owns) owns_.add(glob, index);
  }
}

TableOwnership Registry::lookup(std::string_view table) const {
  TableOwnership out;
  size_t parts = part_count(table);
  if (parts == 1) out.table = "{catalog}.{schema}." + std::string(table);
  else if (parts == 2) out.table = "{catalog}." + std::string(table);
  else out.table = std::string(table);
  out.exact = out.table.find('{') == std::string::npos;
  for (const auto& glob : external_) {
    if (table_glob_match(glob, table)) {
      out.external = true;
      return out;
    }
  }
  std::vector<std::pair<uint32_t, const std::string*>> hits;
  owns_.matches(out.table, hits);
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [team_index, glob] : hits) {
    const TeamConfig& team = *teams_[team_index];
    if (!out.owners.empty() && out.owners.back().team == team.id) continue;  // first pattern per team
    out.owners.push_back({team.id, *glob});
    for (const auto& pub : team.publishes) {
      if (name_could_match(pub, out.table)) {
        out.published.push_back({team.id, pub});
        break;
      }
    }
  }
  return out;
}

FileTeam team_of_file(const Config& config, const std::string& config_rel, const std::string& repo_root) {
  const std::string where = config.path.empty() ? "the configuration" : "`" + config.path + "`";
  if (!config.team.empty()) {
    if (config.teams.empty() || config.teams.count(config.team))
      return {config.team, "`team: " + config.team + "` in " + where};
    return {"", "its configuration says `team: " + config.team + "`, which is not a team of the registry"};
  }
  for (const auto& [id, team] : config.teams) {
    for (const auto& glob : team.paths) {
      if (config_rel.compare(0, literal_prefix(glob).size(), literal_prefix(glob)) != 0) continue;
      if (glob_match(glob, config_rel))
        return {id, "its path `" + config_rel + "` matches `teams." + id + ".paths` glob `" + glob + "`"};
    }
  }
  std::string repo = std::filesystem::path(repo_root).filename().string();
  for (const auto& [id, team] : config.teams) {
    if (std::find(team.repos.begin(), team.repos.end(), repo) != team.repos.end())
      return {id, "its repository folder `" + repo + "` is listed in `teams." + id + ".repos`"};
  }
  return {"", "no `team:` in its configuration, no `teams.*.paths` glob matches `" + config_rel +
                  "` and no `teams.*.repos` lists its repository `" + repo + "`"};
}

void build_ownership(Model& model) {
  auto index = std::make_shared<OwnershipIndex>();
  std::vector<std::unique_ptr<Registry>> registries;
  std::vector<std::unordered_map<std::string, int32_t>> cache;  // per registry: name → tables index
  std::map<std::string, size_t> by_key;
  std::map<const Config*, size_t> by_config;
  auto registry_of = [&](const Config& c) {
    auto it = by_config.find(&c);
    if (it != by_config.end()) return it->second;
    auto [k, fresh] = by_key.emplace(registry_key(c), registries.size());
    if (fresh) {
      registries.push_back(std::make_unique<Registry>(c));
      cache.emplace_back();
    }
    by_config.emplace(&c, k->second);
    return k->second;
  };

  for (auto& file : model.files) {
    if (!file.config) continue;
    FileTeam t = team_of_file(*file.config, file.config_rel, file.repo_root);
    file.team = std::move(t.team);
    file.team_source = std::move(t.source);
  }
  for (auto& a : model.accesses) {
    const FileEntry& file = model.files[a.file];
    if (!file.config || a.resolved == Resolution::None) continue;
    if (a.rec(model).kind == Kind::Path && a.path_location.empty()) continue;  // a storage path, not a table
    size_t r = registry_of(*file.config);
    auto [it, fresh] = cache[r].emplace(a.table, static_cast<int32_t>(index->tables.size()));
    if (fresh) index->tables.push_back(registries[r]->lookup(a.table));
    a.owner = it->second;
  }
  model.ownership = std::move(index);
  build_environments(model);
}

}  // namespace pipelint

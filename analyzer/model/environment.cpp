#include "analyzer/model/environment.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include <re2/re2.h>

#include "analyzer/model/glob.h"

namespace pipelint {

std::string table_env(const std::string& table, const NamespaceConfig& ns) {
  std::string stored = table;  // what the catalog stores: lower case
  std::transform(stored.begin(), stored.end(), stored.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& p : ns.patterns) {
    if (!p.re) continue;
    const re2::RE2& re = *p.re;
    auto named = re.NamedCapturingGroups();
    auto env = named.find("env");
    int groups = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> found(static_cast<size_t>(groups) + 1);
    if (!re.Match(stored, 0, stored.size(), re2::RE2::ANCHOR_BOTH, found.data(), groups + 1)) continue;
    if (env == named.end() || !found[static_cast<size_t>(env->second)].data()) return "";
    return std::string(found[static_cast<size_t>(env->second)]);
  }
  return "";
}

std::string env_from_path(const std::string& repo_rel) {
  size_t end = repo_rel.rfind('/');
  while (end != std::string::npos && end > 0) {
    size_t start = repo_rel.rfind('/', end - 1);
    size_t from = start == std::string::npos ? 0 : start + 1;
    std::string folder = repo_rel.substr(from, end - from);
    if (folder == "dev" || folder == "test" || folder == "prod") return folder;
    if (start == std::string::npos) break;
    end = start;
  }
  return "";
}

std::optional<std::string> env_from_bundle_target(const Model&, const FileEntry&) {
  return std::nullopt;  // Databricks Asset Bundles are not analysed yet (SPEC 2.5).
}

namespace {

bool is_external_name(const std::string& table, const NamespaceConfig& ns) {
  return std::any_of(ns.external.begin(), ns.external.end(),
                     [&](const std::string& g) { return table_glob_match(g, table); });
}

std::string patterns_key(const NamespaceConfig& ns) {
  std::string key;
  for (const auto& p : ns.patterns) key += p.text + '\x1f';
  return key;
}

}  // namespace

void build_environments(Model& model) {
  // Table environments, cached per distinct set of namespace patterns and name.
  std::map<std::string, std::unordered_map<std::string, std::string>> cache;
  std::map<const Config*, std::unordered_map<std::string, std::string>*> by_config;
  for (auto& a : model.accesses) {
    const FileEntry& file = model.files[a.file];
    if (!file.config || a.resolved != Resolution::Full) continue;
    if (a.rec(model).kind == Kind::Path && a.path_location.empty()) continue;
    const NamespaceConfig& ns = file.config->ns;
    auto& slot = by_config[file.config.get()];
    if (!slot) slot = &cache[patterns_key(ns)];
    auto it = slot->find(a.table);
    if (it == slot->end())
      it = slot->emplace(a.table, is_external_name(a.table, ns) ? "" : table_env(a.table, ns)).first;
    a.env = it->second;
  }

  // Code environments. Accesses are ordered by file.
  size_t next = 0;
  for (uint32_t fi = 0; fi < model.files.size(); ++fi) {
    FileEntry& file = model.files[fi];
    size_t begin = next;
    while (next < model.accesses.size() && model.accesses[next].file == fi) ++next;
    if (auto bundle = env_from_bundle_target(model, file)) {
      file.env = *bundle;
      file.env_source = "the bundle target that deploys it";
      continue;
    }
    if (auto env = env_from_path(file.repo_rel); !env.empty()) {
      file.env = env;
      file.env_source = "the `" + env + "/` folder in its path";
      continue;
    }
    if (file.config) {
      auto var = file.config->ns.variables.find("env");
      if (var != file.config->ns.variables.end() && !var->second.empty()) {
        file.env = var->second;
        file.env_source = "`namespace.variables.env` of its configuration";
        continue;
      }
    }
    std::map<std::string, std::string> env_of_table;  // distinct tables with a known env
    for (size_t i = begin; i < next; ++i)
      if (!model.accesses[i].env.empty()) env_of_table[model.accesses[i].table] = model.accesses[i].env;
    std::map<std::string, size_t> votes;
    for (const auto& [table, env] : env_of_table) ++votes[env];
    std::string best;
    size_t best_votes = 0;
    bool tie = false;
    for (const auto& [env, n] : votes) {
      if (n > best_votes) { best = env; best_votes = n; tie = false; }
      else if (n == best_votes) tie = true;
    }
    if (best_votes == 0 || tie) continue;
    file.env = best;
    file.env_source = std::to_string(best_votes) + " of the " + std::to_string(env_of_table.size()) +
                      " tables it touches are " + best + " tables";
  }
}

}  // namespace pipelint

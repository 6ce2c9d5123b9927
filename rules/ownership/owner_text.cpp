#include "rules/ownership/owner_text.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

namespace pipelint {

const TableOwnership* platform_ownership(const Model& m, const TableAccess& a) {
  if (!m.ownership || !has_registry(m.file_of(a))) return nullptr;
  const TableOwnership* o = m.ownership->of(a);
  if (!o || o->external) return nullptr;
  return o;
}

std::string team_with_contact(const Config& config, const std::string& team) {
  auto it = config.teams.find(team);
  if (it == config.teams.end() || it->second.contact.empty()) return team;
  return team + " (" + it->second.contact + ")";
}

std::string owners_text(const Config& config, const TableOwnership& o) {
  std::string out;
  for (size_t i = 0; i < o.owners.size(); ++i) {
    if (i > 0) out += i + 1 == o.owners.size() ? (o.exact ? " and " : " or ") : ", ";
    out += team_with_contact(config, o.owners[i].team);
  }
  return out;
}

bool inside_namespace(const std::string& table, const NamespaceConfig& ns) {
  if (ns.patterns.empty()) return true;
  std::string stored = table;
  std::transform(stored.begin(), stored.end(), stored.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(ns.patterns.begin(), ns.patterns.end(),
                     [&](const NamespacePattern& p) { return p.re && re2::RE2::FullMatch(stored, *p.re); });
}

std::string table_text(const TableAccess& a) {
  if (a.path_location.empty()) return "`" + a.table + "`";
  return "`" + a.path_location + "` (table `" + a.table + "`)";
}

}  // namespace pipelint

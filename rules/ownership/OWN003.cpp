// OWN003: code that belongs to no team.
#include "analyzer/model/ownership.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class OWN003 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OWN003", "unowned-code", "ownership", Severity::Warning,
        "Code that belongs to no team",
        "Reports, once per file at line 1, an analysed file that no team claims: its configuration "
        "sets no `team:`, no `teams.*.paths` glob matches its path (relative to the configuration's "
        "folder) and no `teams.*.repos` entry names its repository folder. Files whose "
        "configuration has no `teams` registry are not checked.",
        "Ownership rules judge writes and reads by the team of the code. Code of no team cannot be "
        "checked against the registry, and nobody is answerable when its pipeline breaks.",
        "# pipelint.yaml of a repository missing from the registry\nversion: 1\n"
        "extends: ../platform-config/pipelint.yaml",
        "version: 1\nextends: ../platform-config/pipelint.yaml\nteam: nordgrid-de",
        "yaml"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& file : m.files) {
      if (!has_registry(file) || !file.team.empty()) continue;
      std::string msg = "this file belongs to no team: " + file.team_source +
                        "; set `team:` in the repository's pipelint.yaml, or list the repository under a "
                        "team's `repos` (or its path under `paths`) in the platform registry";
      out.push_back(make(Location{file.display_path, 1, 1, 0}, std::move(msg), file.repo_rel));
    }
  }
};

PIPELINT_RULE(OWN003)

}  // namespace
}  // namespace pipelint

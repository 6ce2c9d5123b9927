// COST002: a cost tag that disagrees with the owning team's registry entry.
#include "rules/dependencies/orchestration_locations.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class COST002 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "COST002", "cost-tag-mismatch", "cost", Severity::Error,
        "Cost tag that disagrees with the owning team's registry entry",
        "The owning team of a cluster is its `team` tag (else the repository's `team:`). Reports a "
        "`team` tag that names no registered team, and a `cost_center` tag that differs from the "
        "owning team's `cost_center` in the `teams` registry.",
        "A wrong cost centre sends the bill to another team's budget; finance finds it at quarter "
        "end, after the money is spent and the budget owner has asked everyone.",
        "# teams.nordgrid-de.cost_center: DE-4410\n"
        "custom_tags: {team: nordgrid-de, cost_center: FR-2210}",
        "custom_tags: {team: nordgrid-de, cost_center: DE-4410}",
        "yaml"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& file : m.files) {
      const Config& cfg = *file.config;
      for (const auto& c : file.records.orchestration.clusters) {
        std::string team_tag, cost_tag;
        for (const auto& [k, v] : c.tags) {
          if (k == "team") team_tag = v;
          if (k == "cost_center") cost_tag = v;
        }
        if (cfg.teams.empty()) continue;
        Location at{file.display_path, c.line, c.col, 0};
        if (!team_tag.empty() && !cfg.teams.count(team_tag) && team_tag.find('{') == std::string::npos) {
          out.push_back(make(at,
                             "cluster `" + c.key + "` is tagged `team: " + team_tag +
                                 "`, which is not a registered team: its cost cannot be charged back",
                             c.dag_id + ":" + c.key + ":team"));
          continue;
        }
        std::string owner = !team_tag.empty() ? team_tag : cfg.team;
        auto team = cfg.teams.find(owner);
        if (team == cfg.teams.end()) continue;
        if (!cost_tag.empty() && !team->second.cost_center.empty() && cost_tag != team->second.cost_center &&
                   cost_tag.find('{') == std::string::npos) {
          out.push_back(make(at,
                             "cluster `" + c.key + "` is tagged `cost_center: " + cost_tag + "` but team `" + owner +
                                 "` has cost centre `" + team->second.cost_center +
                                 "` in the registry: the bill goes to another budget",
                             c.dag_id + ":" + c.key + ":cost_center"));
        }
      }
    }
  }
};

PIPELINT_RULE(COST002)

}  // namespace
}  // namespace pipelint

// OWN001: a write to a table that another team owns.
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"
#include "rules/ownership/owner_text.h"

namespace pipelint {
namespace {

class OWN001 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OWN001", "write-to-foreign-table", "ownership", Severity::Error,
        "Write to a table owned by another team",
        "Reports every write (any mode, including paths that `namespace.locations` maps to a "
        "table) whose table is owned, according to the `teams.*.owns` patterns of the registry, "
        "only by teams other than the team of the code. For a partly resolved name the rule "
        "fires only when none of the teams that could own it is the writer's team.",
        "Pipelines and consumers of the owning team depend on the table's content and schema. "
        "A write from outside, such as an analytics notebook overwriting a shared Silver table, "
        "silently breaks them, and nobody on the owning team reviewed it.",
        "# code of commercial-analytics\n"
        "features.write.mode(\"overwrite\").saveAsTable(\"prod_de.silver_metering.readings\")",
        "# code of commercial-analytics: write your own table, read the owner's\n"
        "features.write.mode(\"overwrite\").saveAsTable(\"prod_eu.gold_commercial.churn_features\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& a : m.accesses) {
      if (a.rec(m).op != Op::Write) continue;
      const FileEntry& file = m.file_of(a);
      const TableOwnership* o = platform_ownership(m, a);
      if (!o || file.team.empty() || o->owners.empty() || o->owned_by(file.team)) continue;
      const Config& cfg = *file.config;
      const std::string& first = o->owners.front().team;
      std::string msg = "write to " + table_text(a) + ", " +
                        (o->exact ? "owned by " : "which whatever its unknown parts are belongs to ") +
                        owners_text(cfg, *o) + ", from code of " +
                        file.team + ": only the owning team may change it, its pipelines and consumers "
                        "depend on it; write to a table your team owns, or ask " + first +
                        " to make this change or publish what you need";
      out.push_back(make(access_location(m, a), std::move(msg), a.table));
    }
  }
};

PIPELINT_RULE(OWN001)

}  // namespace
}  // namespace pipelint

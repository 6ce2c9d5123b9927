// OWN004: two teams' `owns` patterns both match a written table.
#include <set>

#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"
#include "rules/ownership/owner_text.h"

namespace pipelint {
namespace {

class OWN004 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OWN004", "ambiguous-table-owner", "ownership", Severity::Error,
        "Two teams' `owns` patterns both match a table",
        "Reports a written, fully resolved table that the `owns` patterns of more than one team "
        "match, once per table at its first write (in path order). Partly resolved names are not "
        "reported: they could stand for several tables.",
        "With two owners nobody is answerable for the table, and either team's writes pass "
        "OWN001. Overlapping patterns usually come from a broad glob such as `*.silver_*.*`.",
        "teams:\n  nordgrid-de:\n    owns: ['*_de.silver_billing.*']\n"
        "  billing-shared:\n    owns: ['*.silver_billing.*']     # also matches the German tables",
        "teams:\n  nordgrid-de:\n    owns: ['*_de.silver_billing.*']\n"
        "  billing-shared:\n    owns: ['*_eu.silver_billing.*']",
        "yaml"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    std::set<std::string> reported;
    for (const auto& a : m.accesses) {
      if (a.rec(m).op != Op::Write) continue;
      const TableOwnership* o = platform_ownership(m, a);
      if (!o || !o->exact || o->owners.size() < 2 || !reported.insert(a.table).second) continue;
      std::string teams;
      for (size_t i = 0; i < o->owners.size(); ++i) {
        if (i > 0) teams += i + 1 == o->owners.size() ? " and " : ", ";
        teams += o->owners[i].team + " (`" + o->owners[i].pattern + "`)";
      }
      std::string msg = "`" + a.table + "` is claimed by the `owns` patterns of " + std::to_string(o->owners.size()) +
                        " teams, " + teams +
                        ": nobody is answerable for it and every one of them may write it; make the "
                        "patterns disjoint in the platform registry so that exactly one team owns it";
      out.push_back(make(access_location(m, a), std::move(msg), a.table));
    }
  }
};

PIPELINT_RULE(OWN004)

}  // namespace
}  // namespace pipelint

// OWN002: a write to a table that no team owns.
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"
#include "rules/ownership/owner_text.h"

namespace pipelint {
namespace {

class OWN002 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OWN002", "write-to-unowned-table", "ownership", Severity::Warning,
        "Write to a table that no team owns",
        "Reports every write whose table matches no `teams.*.owns` pattern of the registry (for a "
        "partly resolved name: whose known parts no pattern could match). External names "
        "(`namespace.external`), unresolved names and names outside the namespace patterns (NS001's) "
        "are not checked.",
        "A table nobody owns has nobody to ask before changing it, nobody to page when it breaks "
        "and no protection from OWN001: any team may overwrite it.",
        "df.write.saveAsTable(\"prod_nl.silver_billing.tarieven\")   # no team owns silver_billing in NL",
        "# add the table to a team's `owns` in the platform registry, or write an owned table\n"
        "df.write.saveAsTable(\"prod_nl.silver_metering.tarieven\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& a : m.accesses) {
      if (a.rec(m).op != Op::Write) continue;
      const TableOwnership* o = platform_ownership(m, a);
      if (!o || !o->owners.empty()) continue;
      const FileEntry& file = m.file_of(a);
      if (o->exact && !inside_namespace(a.table, file.config->ns)) continue;  // NS001 reports it
      std::string msg = "write to " + table_text(a) + ", which no team owns (no `teams.*.owns` pattern " +
                        (o->exact ? "matches" : "could match") +
                        " it), so nobody is answerable for its data and any team may overwrite it; " +
                        (file.team.empty() ? std::string("add it to the owning team's `owns`")
                                           : "add it to the `owns` of " + file.team) +
                        " in the platform registry, or write to a table your team owns";
      out.push_back(make(access_location(m, a), std::move(msg), a.table));
    }
  }
};

PIPELINT_RULE(OWN002)

}  // namespace
}  // namespace pipelint

// OWN005: a read of another team's table that is neither published nor under an
// active contract.
#include "rules/contracts/table_contracts.h"
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"
#include "rules/ownership/owner_text.h"

namespace pipelint {
namespace {

class OWN005 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "OWN005", "read-of-unpublished-table", "ownership", Severity::Warning,
        "Read of another team's table that is neither published nor under an active contract",
        "Reports a read of a table owned only by other teams when none of its owners lists it under "
        "`publishes` and no data contract past `proposed`/`draft` covers it: a contract publishes its "
        "table (`publishes` lists the tables other teams may read besides contracted ones). Reads of a "
        "deprecated or retired contract's table are CTR007's, reads of a published table without a "
        "contract CTR004's. For a partly resolved name it fires only when no candidate owner is the "
        "reader's team and no candidate could publish it.",
        "An unpublished table is the owner's internal detail: they may change its schema, rebuild or "
        "drop it without telling anyone, and the reader's pipeline breaks without warning.",
        "# code of commercial-analytics\n"
        "invoices = spark.table(\"prod_de.silver_billing.invoices\")   # internal to nordgrid-de",
        "# read the owner's published Gold table\n"
        "invoices = spark.table(\"prod_de.gold_billing.invoices\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    TableContracts contracts(m);
    for (const auto& a : m.accesses) {
      if (a.rec(m).op != Op::Read) continue;
      const FileEntry& file = m.file_of(a);
      const TableOwnership* o = platform_ownership(m, a);
      if (!o || file.team.empty() || o->owners.empty() || o->owned_by(file.team)) continue;
      if (!o->published.empty() || (o->exact && contracts.promised(a.table))) continue;
      const Config& cfg = *file.config;
      const std::string& first = o->owners.front().team;
      std::string published;
      auto team = cfg.teams.find(first);
      if (team != cfg.teams.end())
        for (const auto& p : team->second.publishes) published += (published.empty() ? "`" : ", `") + p + "`";
      std::string msg = "read of " + table_text(a) + ", " + (o->exact ? "owned by " : "which belongs to ") +
                        owners_text(cfg, *o) + ", from code of " + file.team + ": " + first +
                        " does not publish it" + (published.empty() ? "" : " (it publishes " + published + ")") +
                        ", so it may change or disappear without notice; read a published table, or ask " +
                        first + " to publish it or agree a data contract";
      out.push_back(make(access_location(m, a), std::move(msg), a.table));
    }
  }
};

PIPELINT_RULE(OWN005)

}  // namespace
}  // namespace pipelint

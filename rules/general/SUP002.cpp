// SUP002: a suppression past its until= date. The engine's suppression step
// (rules/engine/engine.cpp) produces these findings, since it owns today's date
// (PIPELINT_TODAY for tests); this file holds the rule's identity and documentation.
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class SUP002 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "SUP002", "expired-suppression", "general", Severity::Warning,
        "Suppression past its `until=` date: it no longer suppresses",
        "Reports a `pipelint: ignore[...] until=YYYY-MM-DD` comment once the date has passed (the "
        "date itself is still covered). The findings it used to hide are reported again. The date "
        "is compared with the local date, or with `PIPELINT_TODAY` when that is set.",
        "A temporary exception that outlives its date becomes permanent by accident; the expiry is "
        "what made the exception acceptable in review.",
        "# pipelint: ignore[OWN001] until=2024-03-31 migration to gold_billing\n"
        "df.write.saveAsTable(\"prod_de.silver_billing.invoices\")",
        "# finish the migration, or agree a new date in review\n"
        "# pipelint: ignore[OWN001] until=2027-03-31 migration to gold_billing (BILL-412)\n"
        "df.write.saveAsTable(\"prod_de.silver_billing.invoices\")"};
    return d;
  }

  void check(const Model&, std::vector<Finding>&) const override {}  // see the top of this file
};

PIPELINT_RULE(SUP002)

}  // namespace
}  // namespace pipelint

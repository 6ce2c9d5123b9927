// SUP001: a suppression comment that suppresses nothing. Whether a comment
// suppressed anything is only known after every other rule ran, so the engine's
// suppression step (rules/engine/engine.cpp) produces these findings; this file
// holds the rule's identity and documentation.
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class SUP001 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "SUP001", "unused-suppression", "general", Severity::Warning,
        "Suppression comment that suppresses nothing",
        "Reports a `pipelint: ignore[...]` comment (or one of its rule ids) that matched no finding "
        "on the line it applies to, one that names no rule or an invalid `until=` date, and, with "
        "`--require-reason`, one that gives no reason. It is reported at the comment and cannot be "
        "suppressed.",
        "A stale suppression hides the next real finding on that line, and readers believe a "
        "problem is there that was fixed long ago. A suppression without a reason cannot be reviewed.",
        "# the table was renamed; nothing on the next line is OWN001 any more\n"
        "# pipelint: ignore[OWN001] migrating to gold_billing\n"
        "df.write.saveAsTable(\"prod_eu.gold_commercial.churn_scores\")",
        "df.write.saveAsTable(\"prod_eu.gold_commercial.churn_scores\")"};
    return d;
  }

  void check(const Model&, std::vector<Finding>&) const override {}  // see the top of this file
};

PIPELINT_RULE(SUP001)

}  // namespace
}  // namespace pipelint

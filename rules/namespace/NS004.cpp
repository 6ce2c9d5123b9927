// NS004: a table name that cannot be resolved statically.
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"

namespace pipelint {
namespace {

class NS004 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "NS004", "unresolved-table-name", "namespace", Severity::Note,
        "Table name could not be resolved statically: the analysis is blind here",
        "Reports accesses whose table name has no statically known part (`resolved: none`): it "
        "comes from a command-line argument, a computed value or a parameter nobody passes a "
        "constant to. Names with some known part (`{env}_de.silver_billing.invoices`) are still "
        "checked by the other rules and are not reported.",
        "Ownership, layering, cycle and contract checks need the table's name. An access whose "
        "name is unknown is missing from the lineage graph, so a cross-team write or a cycle "
        "through it goes unnoticed.",
        "target = sys.argv[1]\ndf.write.saveAsTable(target)",
        "dbutils.widgets.text(\"env\", \"prod\")\nenv = dbutils.widgets.get(\"env\")\n"
        "df.write.saveAsTable(f\"{env}_de.silver_billing.invoices\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& a : m.accesses) {
      if (a.resolved != Resolution::None) continue;
      const auto& rec = a.rec(m);
      std::string msg = std::string(rec.op == Op::Write ? "written" : "read") + " " + to_string(rec.kind) +
                        " name `" + a.table + "` cannot be resolved statically, so lineage and ownership "
                        "checks cannot see this access; use a constant, a widget with a default, or "
                        "set the value in `namespace.variables`";
      out.push_back(make(access_location(m, a), std::move(msg), a.table));
    }
  }
};

PIPELINT_RULE(NS004)

}  // namespace
}  // namespace pipelint

// NS005: an identifier the catalog rejects or silently changes.
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"

namespace pipelint {
namespace {

class NS005 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "NS005", "invalid-catalog-identifier", "namespace", Severity::Error,
        "Identifier that the catalog rejects or silently changes",
        "Checks each known part of a table name: longer than 255 characters, characters other "
        "than lower-case letters, digits, `_` and `-`, or upper-case letters.",
        "Unity Catalog stores names in lower case and rejects spaces, slashes and control "
        "characters. `Invoices` is silently stored as `invoices`, so the name in the code and "
        "the name in the catalog, the lineage and the contracts no longer agree; a rejected name "
        "fails only at run time, in production.",
        "df.write.saveAsTable(\"prod_de.silver_billing.Invoices\")",
        "df.write.saveAsTable(\"prod_de.silver_billing.invoices\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& a : m.accesses) {
      if (a.resolved == Resolution::None || !names_a_platform_table(m, a)) continue;
      for (auto part : name_parts(a.table)) {
        if (is_placeholder_part(part)) continue;
        std::string problem = catalog_problem(part);
        if (problem.empty()) continue;
        std::string shown = part.size() > 40 ? std::string(part.substr(0, 37)) + "..." : std::string(part);
        out.push_back(make(access_location(m, a),
                           "`" + shown + "` in table name `" + (a.table.size() > 120 ? a.table.substr(0, 117) + "..." : a.table) +
                               "` " + problem + "; use lower-case letters, digits and `_`",
                           a.table));
        break;  // one finding per name
      }
    }
  }
};

PIPELINT_RULE(NS005)

}  // namespace
}  // namespace pipelint

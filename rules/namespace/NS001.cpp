// NS001: a table name that matches no namespace pattern.
#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"

namespace pipelint {
namespace {

class NS001 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "NS001", "name-outside-namespace", "namespace", Severity::Error,
        "Table name matches none of the namespace patterns",
        "Checks every fully resolved three-part table name against `namespace.patterns`. A write "
        "is an error, a read a warning. Names with unresolved parts, external names "
        "(`namespace.external`) and storage paths not mapped by `namespace.locations` are not "
        "checked; names the catalog would reject are NS005's.",
        "The namespace is how the platform knows a table's environment, country, layer and owner. "
        "A table outside it is invisible to ownership, layering and environment checks, and a "
        "typo such as `silverbilling` silently creates a new table that no consumer reads.",
        "df.write.mode(\"overwrite\").saveAsTable(\"prod_de.silverbilling.invoices\")",
        "df.write.mode(\"overwrite\").saveAsTable(\"prod_de.silver_billing.invoices\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& a : m.accesses) {
      if (a.resolved != Resolution::Full || !names_a_platform_table(m, a)) continue;
      const auto& ns = m.file_of(a).config->ns;
      if (ns.patterns.empty()) continue;
      auto parts = name_parts(a.table);
      if (parts.size() != 3) continue;
      if (std::any_of(parts.begin(), parts.end(), [](auto p) { return rejected_by_catalog(p); })) continue;
      std::string stored = a.table;  // what the catalog stores: lower case
      std::transform(stored.begin(), stored.end(), stored.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      bool matched = std::any_of(ns.patterns.begin(), ns.patterns.end(), [&](const NamespacePattern& p) {
        return p.re && re2::RE2::FullMatch(stored, *p.re);
      });
      if (matched) continue;
      const auto& rec = a.rec(m);
      bool write = rec.op == Op::Write;
      std::string msg = std::string(write ? "write to" : "read of") + " `" + a.table +
                        "`, which matches none of the " + std::to_string(ns.patterns.size()) +
                        " namespace pattern" + (ns.patterns.size() == 1 ? "" : "s") +
                        ": ownership, layer and environment checks cannot place it; use a name of the form `" +
                        pattern_shape(ns.patterns.front().text) + "`";
      Finding f = make(access_location(m, a), std::move(msg), a.table);
      f.severity = write ? Severity::Error : Severity::Warning;
      out.push_back(std::move(f));
    }
  }
};

PIPELINT_RULE(NS001)

}  // namespace
}  // namespace pipelint

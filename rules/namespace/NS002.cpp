// NS002: a one- or two-part table name while the namespace requires qualified names.
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"

namespace pipelint {
namespace {

class NS002 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "NS002", "unqualified-table-name", "namespace", Severity::Warning,
        "Unqualified table name depends on the session's current catalog and schema",
        "Reports one- and two-part table names (`readings`, `silver_metering.readings`) when "
        "`namespace.require_qualified` is true (the default).",
        "An unqualified name is resolved against whatever catalog and schema the session happens "
        "to use, so the same code reads the dev table on one cluster and the prod table on "
        "another, and no rule can tell which team's table it is.",
        "readings = spark.table(\"silver_metering.readings\")",
        "readings = spark.table(\"prod_de.silver_metering.readings\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& a : m.accesses) {
      if (a.resolved == Resolution::None || !names_a_platform_table(m, a)) continue;
      if (!m.file_of(a).config->ns.require_qualified) continue;
      auto parts = name_parts(a.table);
      if (parts.size() >= 3) continue;
      std::string msg = "`" + a.table + "` is a " + (parts.size() == 1 ? "one" : "two") +
                        "-part name: it resolves against the session's current catalog" +
                        (parts.size() == 1 ? " and schema" : "") +
                        ", so the same code can touch another environment's table; write the full "
                        "`catalog.schema.table` name";
      out.push_back(make(access_location(m, a), std::move(msg), a.table));
    }
  }
};

PIPELINT_RULE(NS002)

}  // namespace
}  // namespace pipelint

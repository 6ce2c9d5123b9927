// CTR005: a consumer references a column that the table's contract does not have.
#include <set>
#include <tuple>

#include "analyzer/config/suggest.h"
#include "rules/contracts/column_contracts.h"
#include "rules/contracts/table_contracts.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class CTR005 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR005", "column-not-in-contract", "contracts", Severity::Warning,
        "Consumer references a column that the table's contract does not have",
        "Checks the columns code references on a table it reads (docs/columns.md): PySpark `.select(\"a\")`, "
        "`col(\"a\")`/`F.col`, `df[\"a\"]`, `df.a`, `withColumnRenamed`, `drop`, `groupBy`, `orderBy`, join keys "
        "on a DataFrame that comes straight from the read, and SQL select lists, JOIN conditions, WHERE and "
        "GROUP BY over the table. When a data contract covers the table and lists columns, every referenced "
        "column must be one of them (by `name` or `physicalName`, case-insensitively; for a nested field, its "
        "top-level column). Reported at the column, with the closest contract column as a suggestion. Columns "
        "the code creates itself (`withColumn`, aliases, renames) are not the table's and are not checked.",
        "The contract is what the producer promises to keep. A column it does not list is either a typo that "
        "fails at run time, or a column the producer may drop or change in a minor version without telling "
        "anyone: the consumer depends on something nobody promised, and contract checks (CTR003) cannot see "
        "the dependency.",
        "# prod_de.gold_billing.invoices: contract columns invoice_id, customer_id, month, kwh, amount_eur\n"
        "inv = spark.table(\"prod_de.gold_billing.invoices\").select(\"invoice_id\", \"amount_euro\")",
        "inv = spark.table(\"prod_de.gold_billing.invoices\").select(\"invoice_id\", \"amount_eur\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    TableContracts contracts(m);
    for (uint32_t f = 0; f < m.files.size(); ++f) {
      const FileEntry& file = m.files[f];
      if (file.from_index) continue;
      std::set<std::tuple<uint32_t, uint32_t, std::string>> seen;
      for (const ColumnRef& c : file.records.columns) {
        const TableAccess* a = access_at(m, f, c.access);
        if (!a || a->rec(m).op != Op::Read || a->resolved != Resolution::Full) continue;
        const ContractCover* cover = preferred_cover(contracts.of(a->table));
        if (!cover || cover->object->properties.empty()) continue;
        std::string name(top_level(c.column));
        if (name.empty() || find_column(*cover->object, name)) continue;
        if (!seen.emplace(c.line, c.col, name).second) continue;
        std::vector<std::string> names;
        for (const auto& p : cover->object->properties) names.push_back(p.name);
        std::string hint = cfg::closest_match(name, names);
        std::string msg = "`" + name + "` is not a column of `" + a->table + "` in its data contract " +
                          contract_text(*cover->file) +
                          ": the read fails, or relies on a column the producer never promised to keep";
        if (!hint.empty()) msg += "; did you mean `" + hint + "`?";
        Finding fd = make(Location{file.display_path, c.line, c.col, 0}, std::move(msg), a->table + "." + name);
        fd.related.push_back({table_location(*cover->file, *cover->object), "the contract's columns"});
        out.push_back(std::move(fd));
      }
    }
  }
};

PIPELINT_RULE(CTR005)

}  // namespace
}  // namespace pipelint

// CTR009: a PII, restricted or confidential column copied by a direct projection
// into a table whose contract classifies it lower, or that has no contract.
#include <set>
#include <tuple>

#include "rules/contracts/column_contracts.h"
#include "rules/contracts/table_contracts.h"
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"

namespace pipelint {
namespace {

constexpr int kSensitive = 2;  // confidential and above

class CTR009 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR009", "sensitive-column-downgraded", "contracts", Severity::Error,
        "A PII or restricted column flows by a direct projection into a less protected table",
        "Follows columns that code copies unchanged from a table it reads into a table it writes: a PySpark "
        "`.select(...)` of plain columns (possibly aliased) whose DataFrame is then written (`saveAsTable`, "
        "`insertInto`, `writeTo`), and the plain select list of SQL `INSERT ... SELECT` and `CREATE TABLE ... "
        "AS SELECT`. When the source table's contract classifies the column `confidential`, `restricted` or "
        "`pii` (order: public < internal < confidential < restricted < pii, case-insensitive), the target "
        "table's contract must give the column (by its new name) at least the same classification. Reported "
        "at the column reference, with the write as related location, when the target has no contract, does "
        "not declare the column, or classifies it lower. Names with unresolved parts are skipped.",
        "A classification is a promise about who may see the data. Copying a PII column into a table without "
        "that classification silently widens its audience: the target's readers, grants and retention were "
        "never meant for personal data, which is how a GDPR incident starts.",
        "# prod_de.gold_billing.invoices contract: customer_id classification: pii\n"
        "inv = spark.table(\"prod_de.gold_billing.invoices\").select(\"customer_id\", \"amount_eur\")\n"
        "inv.write.mode(\"overwrite\").saveAsTable(\"prod_de.gold_commercial.revenue\")  # no contract",
        "# aggregate the personal column away (or give the target a contract classifying it pii)\n"
        "inv = spark.table(\"prod_de.gold_billing.invoices\").groupBy(\"month\").agg(F.sum(\"amount_eur\"))\n"
        "inv.write.mode(\"overwrite\").saveAsTable(\"prod_de.gold_commercial.revenue\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    TableContracts contracts(m);
    for (uint32_t f = 0; f < m.files.size(); ++f) {
      const FileEntry& file = m.files[f];
      if (file.from_index) continue;
      std::set<std::tuple<uint32_t, uint32_t, int32_t>> seen;
      for (const ColumnRef& c : file.records.columns) {
        if (c.into < 0) continue;
        const TableAccess* src = access_at(m, f, c.access);
        const TableAccess* dst = access_at(m, f, static_cast<uint32_t>(c.into));
        if (!src || !dst || src->resolved != Resolution::Full || dst->resolved != Resolution::Full) continue;
        const ContractCover* cover = preferred_cover(contracts.of(src->table));
        if (!cover) continue;
        const Property* p = find_column(*cover->object, top_level(c.column));
        if (!p) continue;
        int level = classification_level(p->classification.value);
        if (level < kSensitive) continue;
        const std::string target_name = c.as.empty() ? std::string(top_level(c.column)) : c.as;
        const ContractCover* target = preferred_cover(contracts.of(dst->table));
        std::string why;
        if (!target) {
          why = "which has no data contract";
        } else if (const Property* t = find_column(*target->object, target_name); !t) {
          why = "whose contract " + contract_text(*target->file) + " does not declare `" + target_name + "`";
        } else if (classification_level(t->classification.value) < level) {
          const std::string& tc = t->classification.value;
          why = "whose contract " + contract_text(*target->file) + " classifies `" + target_name + "` " +
                (tc.empty() ? std::string("not at all") : "only `" + tc + "`");
        } else {
          continue;
        }
        if (!seen.emplace(c.line, c.col, c.into).second) continue;
        std::string msg = "`" + p->name + "`, classified `" + p->classification.value + "` in " +
                          contract_text(*cover->file) + ", is copied unchanged into `" + dst->table + "`" +
                          (c.as.empty() ? "" : " as `" + c.as + "`") + ", " + why +
                          ": the data reaches readers its classification does not allow";
        Finding fd = make(Location{file.display_path, c.line, c.col, 0}, std::move(msg),
                          src->table + "." + p->name + "->" + dst->table);
        fd.related.push_back({access_location(m, *dst), "written here"});
        fd.related.push_back({Location{cover->file->path, p->classification.pos.line, p->classification.pos.col, 0},
                              "classified here"});
        out.push_back(std::move(fd));
      }
    }
  }
};

PIPELINT_RULE(CTR009)

}  // namespace
}  // namespace pipelint

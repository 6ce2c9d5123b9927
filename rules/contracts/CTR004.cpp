// CTR004: another team reads a table its owner publishes, but no data contract
// covers it. (Reads of unpublished tables without a contract are OWN005.)
#include "analyzer/model/graph/platform_graph.h"
#include "analyzer/model/ownership.h"
#include "rules/contracts/table_contracts.h"
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"
#include "rules/ownership/owner_text.h"

namespace pipelint {
namespace {

class CTR004 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR004", "cross-team-read-without-contract", "contracts", Severity::Warning,
        "Cross-team read of a table without a contract",
        "Reports a pipeline of one team reading a table owned by another team (both known from the "
        "`teams` registry) that the owner lists under `publishes` but that no data contract past "
        "`proposed`/`draft` covers. Once per pipeline and table, at its first read. A read of an "
        "unpublished table without a contract is OWN005 instead (one finding per read, never both); a "
        "read of a table whose contract is deprecated or retired is CTR007. Names with unresolved parts "
        "are skipped: no contract can be matched to them.",
        "`publishes` only says that other teams may read the table. Without a contract nothing says "
        "which columns, types and freshness they may rely on, so a schema change by the owner is not "
        "checked against them (CTR002, CTR003) and breaks them without warning.",
        "# code of commercial-analytics; nordgrid-de publishes *_de.gold_metering.* but has no contract\n"
        "daily = spark.table(\"prod_de.gold_metering.daily_consumption\")",
        "# nordgrid-de adds contracts/de-gold-metering-daily-consumption.odcs.yaml:\n"
        "#   schema: [{name: daily_consumption, physicalName: prod_de.gold_metering.daily_consumption, ...}]\n"
        "daily = spark.table(\"prod_de.gold_metering.daily_consumption\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    TableContracts contracts(m);
    for (const GraphEdge& e : g.edges) {
      if (e.op != Op::Read || e.accesses.empty()) continue;
      const GraphTable& t = g.tables[e.table];
      if (t.unresolved || t.external || t.is_path) continue;
      const TableAccess& a = m.accesses[e.accesses.front()];
      const FileEntry& file = m.file_of(a);
      const TableOwnership* o = platform_ownership(m, a);
      if (!o || !o->exact || file.team.empty() || o->owners.empty() || o->owned_by(file.team)) continue;
      if (o->published.empty() || contracts.promised(a.table)) continue;
      const Config& cfg = *file.config;
      const std::string& owner = o->published.front().team;
      std::string msg = "read of " + table_text(a) + ", published by " + owners_text(cfg, *o) + ", from code of " +
                        file.team + ": no data contract covers it, so nothing says which columns, types and " +
                        "freshness you may rely on and the owner's schema changes are not checked against " +
                        "your pipeline; ask " + owner + " for a contract";
      if (!contracts.covers(a.table)) {
        out.push_back(make(access_location(m, a), std::move(msg), a.table));
        continue;
      }
      const ContractCover& draft = contracts.of(a.table).front();
      Finding f = make(access_location(m, a),
                       msg + " (" + contract_text(*draft.file) + " is only " + draft.file->contract.status.value + ")",
                       a.table);
      f.related.push_back({status_location(*draft.file), "the contract, not yet active"});
      out.push_back(std::move(f));
    }
  }
};

PIPELINT_RULE(CTR004)

}  // namespace
}  // namespace pipelint

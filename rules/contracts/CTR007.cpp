// CTR007: a read of a table whose data contract is deprecated or retired.
#include <re2/re2.h>

#include "analyzer/model/graph/platform_graph.h"
#include "analyzer/model/ownership.h"
#include "rules/contracts/table_contracts.h"
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"

namespace pipelint {
namespace {

// ODCS has no field for a successor: the first other three-part table name in
// the schema object's description ("Replaced by prod_fr.gold_billing.invoices_v2").
std::string replacement(const SchemaObject& o) {
  static const re2::RE2 name(R"(([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*))");
  re2::StringPiece input(o.description.value);
  std::string found;
  while (re2::RE2::FindAndConsume(&input, name, &found))
    if (found != o.table) return found;
  return "";
}

// Does the reading pipeline belong to the producer: its team owns the table, or it writes it too?
bool producer_read(const Model& m, const PlatformGraph& g, const GraphEdge& e, const TableAccess& a) {
  const FileEntry& file = m.file_of(a);
  if (a.owner >= 0 && m.ownership && !file.team.empty() && m.ownership->of(a)->owned_by(file.team)) return true;
  for (uint32_t w : g.tables[e.table].writes)
    if (g.edges[w].pipeline == e.pipeline) return true;
  return false;
}

class CTR007 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR007", "read-of-deprecated-contract", "contracts", Severity::Warning,
        "Read of a table whose contract is deprecated or retired",
        "Reports a pipeline reading a table whose data contracts are all `deprecated` or `retired` "
        "(a table also covered by an active or draft contract, such as the next version, is fine). "
        "Once per pipeline and table, at its first read, naming the contract, its status and the "
        "replacement when the schema object's `description` names another table (ODCS has no field "
        "for it). The producer's own reads (its team owns the table, or the pipeline also writes it) "
        "are not reported.",
        "A deprecated contract announces that the table is going away or changing; a retired one "
        "promises nothing any more. A consumer still reading it breaks when the producer drops the "
        "table, or silently reads data nobody maintains.",
        "# fr-electra-ingest/contracts/fr-gold-billing-invoices.odcs.yaml: status: deprecated\n"
        "invoices = spark.table(\"prod_fr.gold_billing.invoices\")",
        "# read the replacement named in the contract\n"
        "invoices = spark.table(\"prod_fr.gold_billing.invoices_v2\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    TableContracts contracts(m);
    for (const GraphEdge& e : g.edges) {
      if (e.op != Op::Read || e.accesses.empty()) continue;
      const GraphTable& t = g.tables[e.table];
      if (t.unresolved || t.is_path) continue;
      const auto& covers = contracts.of(t.name);
      if (covers.empty()) continue;
      const ContractCover* cover = preferred_cover(covers);
      if (in_force(cover->file->contract)) continue;
      const TableAccess& a = m.accesses[e.accesses.front()];
      if (producer_read(m, g, e, a)) continue;
      const DataContract& c = cover->file->contract;
      std::string status = c.is_retired() ? "retired" : "deprecated";
      std::string next = replacement(*cover->object);
      std::string msg = "read of `" + t.name + "`, whose contract " + contract_text(*cover->file) + " is " + status +
                        (c.is_retired() ? ": its producer no longer promises anything about it"
                                        : ": its producer is phasing it out");
      msg += next.empty() ? "; ask the producer what replaces it" : "; read its replacement `" + next + "`";
      Finding f = make(access_location(m, a), std::move(msg), t.name);
      f.related.push_back({status_location(*cover->file), "status: " + c.status.value});
      out.push_back(std::move(f));
    }
  }
};

PIPELINT_RULE(CTR007)

}  // namespace
}  // namespace pipelint

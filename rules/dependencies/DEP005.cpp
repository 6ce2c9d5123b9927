// DEP005: a read of a table that nothing scanned produces and that is not external.
#include <set>

#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

std::string schema_of(const std::string& name) {
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? "" : name.substr(0, dot);
}

size_t name_part_count(const std::string& name) {
  size_t parts = 1;
  for (char c : name) parts += c == '.';
  return parts;
}

class DEP005 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP005", "input-without-producer", "dependencies", Severity::Warning,
        "Read of a table that nothing scanned produces and that is not external",
        "Reports each pipeline's read of a table that no analysed file writes (in any mode, "
        "`CREATE TABLE` included) and that `namespace.external` does not exempt. It only speaks "
        "where the analysis can know: the table's owning team (`teams.*.owns`) must have code in "
        "the analysed files — so checking one repository reports its own team's missing inputs "
        "and stays silent about other teams' tables until their code (or the platform index) is "
        "analysed too. A table no team owns is checked when every registered team's code was "
        "analysed, or when an analysed pipeline writes another table of the same schema (its "
        "producers are evidently in scope). Names with unresolved parts, "
        "storage paths outside `namespace.locations` and one- or two-part names (NS002's, when "
        "`require_qualified` is on) are skipped.",
        "A read with no producer is a typo, a table that was renamed or dropped, or a dependency "
        "on something outside the platform that nobody declared. The job fails at run time — "
        "or, worse, reads a stale table that is no longer refreshed.",
        "spark.table(\"prod_de.silver_metering.meter_master\")  # the producer writes `meters`",
        "spark.table(\"prod_de.silver_metering.meters\")\n"
        "# or declare a source outside the platform in pipelint.yaml:\n"
        "#   namespace: { external: ['sap_export.*'] }"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const PlatformGraph& g = platform_graph(m);
    Scope scope;
    for (const auto& p : g.pipelines)
      if (!p.team.empty()) scope.teams.insert(p.team);
    for (const GraphTable& t : g.tables)
      if (!t.writes.empty() && !t.unresolved) scope.written_schemas.insert(schema_of(t.name));
    for (const GraphTable& t : g.tables) {
      if (!t.writes.empty() || t.reads.empty() || t.unresolved || t.external || t.is_path) continue;
      for (uint32_t e : t.reads) {
        const GraphEdge& edge = g.edges[e];
        const FileEntry& file = m.files[g.pipelines[edge.pipeline].file];
        if (!file.config || !in_scope(t, *file.config, scope)) continue;
        Finding f = make(edge_location(m, g, edge),
                         "`" + t.name + "` is read here, but no analysed pipeline writes it and it is not external: " +
                             "the input is misspelt, renamed or dropped, or comes from outside the platform undeclared",
                         t.name);
        out.push_back(std::move(f));
      }
    }
  }

 private:
  struct Scope {
    std::set<std::string> teams;            // teams with analysed code
    std::set<std::string> written_schemas;  // catalog.schema of every table written
  };

  static bool in_scope(const GraphTable& t, const Config& c, const Scope& scope) {
    if (c.ns.require_qualified && name_part_count(t.name) < 3) return false;
    if (!t.owner.empty()) return scope.teams.count(t.owner) > 0;
    if (scope.written_schemas.count(schema_of(t.name))) return true;
    if (c.teams.empty()) return false;
    for (const auto& entry : c.teams)
      if (!scope.teams.count(entry.first)) return false;
    return true;
  }
};

PIPELINT_RULE(DEP005)

}  // namespace
}  // namespace pipelint

// CTR003: a breaking contract change that known consumers depend on.
#include "rules/contracts/base_changes.h"
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

std::string team_of(const FileEntry& f) { return f.team.empty() ? "no owning team" : "team " + f.team; }

std::string quoted_list(const std::vector<std::string>& items) {
  std::vector<std::string> q;
  for (const auto& i : items) q.push_back("`" + i + "`");
  return join_limited(q, 5);
}

Location access_location(const Model& m, const TableAccess& a) {
  return Location{m.files[a.file].display_path, a.rec(m).line, a.rec(m).col, 0};
}

// A removed contract is reported where its table is still produced in the
// analysed paths, else read there, else where the contract file was.
Location removed_contract_location(const Model& m, const BaseContract& base) {
  const TableAccess* read = nullptr;
  for (const auto& a : m.accesses) {
    if (m.files[a.file].from_index || !base.file.contract.find_table(a.table)) continue;
    if (a.rec(m).op == Op::Write) return access_location(m, a);
    if (!read) read = &a;
  }
  if (read) return access_location(m, *read);
  std::string path = base.file.path;
  std::string suffix = "@" + m.contract_base_label;
  if (path.ends_with(suffix)) path.resize(path.size() - suffix.size());
  return Location{path, 1, 1, 0};
}

class CTR003 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR003", "breaking-change-breaks-consumers", "contracts", Severity::Error,
        "Breaking contract change that known consumers depend on (lists each consumer and its team; a note "
        "when nobody reads the affected table or column)",
        "With `check --diff-base REF` or `--contracts-base DIR`, finds for every contract with breaking "
        "changes the pipelines that read its affected tables: in the analysed paths and, with `--index`, in "
        "every other repository of the platform. The table's own producers are not consumers. When a "
        "consumer's column references are known (`.select(...)`, `col(...)`, SQL select lists), a column "
        "change affects it only when it references that column; a reader without known references (or "
        "with `*`) is affected. One finding per contract, at the line of its first breaking change, lists "
        "every consumer with its team as related locations; a note says so when nobody reads what changed. "
        "A contract removed since the base is reported where its table is produced, with its consumers.",
        "The team that changes a table rarely knows who reads it: the consumer in another repository "
        "finds out when its job fails or its dashboard shows wrong numbers. Naming every consumer in the "
        "pull request lets the producer coordinate the change, or keep the old column until they moved.",
        "# prod_nl.silver_metering.p4_telegrams: column kwh renamed; platform-shared/lu/cross_border.py\n"
        "# (team platform) still runs:\n"
        "spark.table(\"prod_nl.silver_metering.p4_telegrams\").select(\"ean\", \"reading_ts\", \"kwh\")",
        "# keep `kwh` until the consumers moved (add `energy_kwh` next to it), then remove it in a\n"
        "# major version announced to them\n"
        "spark.table(\"prod_nl.silver_metering.p4_telegrams\").select(\"ean\", \"reading_ts\", \"energy_kwh\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const ContractChanges& cc : contract_changes(m)) {
      std::vector<const Change*> breaking;
      for (const Change& c : cc.changes)
        if (c.impact == Impact::Breaking) breaking.push_back(&c);
      if (breaking.empty()) continue;
      const DataContract& old_c = cc.base->file.contract;
      Location loc = cc.now ? change_location(*cc.now, *breaking.front()) : removed_contract_location(m, *cc.base);
      std::vector<Consumer> consumers = affected_consumers(m, old_c, cc.now ? &cc.now->contract : nullptr, breaking);

      std::string id = old_c.id.value.empty() ? cc.base->file.path : old_c.id.value;
      std::string what;
      if (cc.now) {
        what = "breaking change to contract `" + id + "` since " + m.contract_base_label + " (" +
               breaking.front()->message.substr(0, breaking.front()->message.find(':')) +
               (breaking.size() > 1 ? " and " + std::to_string(breaking.size() - 1) + " more" : "") + ")";
      } else {
        what = "contract `" + id + "` (" + cc.base->file.path + ") was removed since " + m.contract_base_label;
      }
      if (consumers.empty()) {
        Finding f = make(loc, what + ": nobody reads the affected tables or columns", id);
        f.severity = Severity::Note;
        out.push_back(std::move(f));
        continue;
      }
      std::vector<std::string> labels;
      for (const auto& c : consumers)
        labels.push_back(m.files[c.file].display_path + " (" + team_of(m.files[c.file]) + ")");
      Finding f = make(loc,
                       what + " breaks " + std::to_string(consumers.size()) +
                           (consumers.size() == 1 ? " consumer: " : " consumers: ") + join_limited(labels) +
                           "; coordinate with them or keep the old schema until they have moved",
                       id);
      for (const auto& c : consumers) {
        const FileEntry& file = m.files[c.file];
        std::string msg = "reads `" + c.table + "`";
        if (!c.columns.empty()) msg += " (columns " + quoted_list(c.columns) + ")";
        f.related.push_back({access_location(m, m.accesses[c.access]), msg + ": " + team_of(file)});
      }
      out.push_back(std::move(f));
    }
  }
};

PIPELINT_RULE(CTR003)

}  // namespace
}  // namespace pipelint

// CTR002: a breaking contract change without a major version bump.
#include "parsers/contracts/semver.h"
#include "rules/contracts/base_changes.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

bool major_bump(const DataContract& old_c, const DataContract& new_c) {
  auto o = parse_semver(old_c.version.value), n = parse_semver(new_c.version.value);
  return o && n && is_major_bump(*o, *n);
}

class CTR002 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR002", "breaking-change-without-major-bump", "contracts", Severity::Error,
        "Breaking contract change without a major version bump (against --diff-base or --contracts-base)",
        "With `check --diff-base REF` (the contracts as committed at REF) or `--contracts-base DIR`, "
        "compares every data contract with its earlier version (matched by `id`, then by path) and reports "
        "each breaking change when the contract's `version` has no major bump: a column removed or renamed, "
        "a type narrowed or changed, a column made nullable, a primary key changed, `physicalName` changed, "
        "a latency SLA loosened, the status moved to `retired`, a schema object removed. It is reported at "
        "the changed line of the new contract (a removal at its schema object). Changes that only the "
        "producer must follow (a required column added, a column made required) are reported as warnings. "
        "For 0.x versions a minor bump counts as major. `pipelint contract diff OLD NEW` lists every change.",
        "Consumers pin a contract's major version: a minor or patch release promises that their queries "
        "keep working. A breaking change released as a minor version reaches them unannounced and fails "
        "their jobs, or silently changes what they compute.",
        "# contracts/nl-silver-metering-p4-telegrams.odcs.yaml at main: version 1.2.0, column kwh\n"
        "version: 1.3.0\nschema:\n  - name: p4_telegrams\n    properties:\n      - name: ean\n"
        "      - name: energy_kwh   # was kwh: renamed without a major bump",
        "version: 2.0.0             # a major bump announces the breaking change\nschema:\n"
        "  - name: p4_telegrams\n    properties:\n      - name: ean\n      - name: energy_kwh",
        "yaml"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const ContractChanges& cc : contract_changes(m)) {
      if (!cc.now || major_bump(cc.base->file.contract, cc.now->contract)) continue;
      const std::string& id = cc.now->contract.id.value;
      for (const Change& c : cc.changes) {
        if (c.impact == Impact::NonBreaking) continue;
        bool consumers = c.impact == Impact::Breaking;
        Finding f = make(change_location(*cc.now, c),
                         c.message + (consumers ? "; a breaking change needs a major version bump ("
                                                : "; a change producers must follow needs a major version bump (") +
                             version_step(m, cc) + ")",
                         id + ":" + to_string(c.kind) + ":" + c.table + ":" + c.column);
        if (!consumers) f.severity = Severity::Warning;
        out.push_back(std::move(f));
      }
    }
  }
};

PIPELINT_RULE(CTR002)

}  // namespace
}  // namespace pipelint

// CTR001: a data contract file that is invalid.
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class CTR001 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR001", "invalid-contract", "contracts", Severity::Error,
        "Contract file invalid (missing fields, unknown types, duplicate columns)",
        "Checks every Open Data Contract Standard v3 file (`kind: DataContract`) and reports each problem "
        "once, at its line: unreadable bytes or broken YAML; a missing `apiVersion`, `kind`, `id`, `version` "
        "or `status`; an `apiVersion` that is not v3; a `version` that is not a semantic version; keys ODCS "
        "does not define; values of the wrong type (`required: maybe`, `properties` that is not a list); a "
        "schema object or column without a `name`; duplicate columns (compared case-insensitively, as Spark "
        "does) or two schema objects for one table; an unknown `logicalType`; a latency, frequency or "
        "retention SLA without a number and a known unit; a `databricks` server without catalog and schema. "
        "An invalid contract still counts as its tables' contract for the other rules.",
        "Consumers, CI gates and pipelint's own contract rules read the contract to decide what is "
        "breaking and who is affected. A contract they cannot read, or read differently (a duplicate "
        "column, a `freshness: 2 m` that may mean minutes or months), promises nothing: the first schema "
        "change slips through unchecked.",
        "apiVersion: v3.1.0\nkind: DataContract\nid: de-silver-metering-readings\nversion: 1.2\n"
        "status: active\nschema:\n  - name: readings\n    physicalName: prod_de.silver_metering.readings\n"
        "    properties:\n      - name: meter_id\n        logicalType: bigint\n        required: true\n"
        "      - name: Meter_ID\n        logicalType: string",
        "apiVersion: v3.1.0\nkind: DataContract\nid: de-silver-metering-readings\nversion: 1.2.0\n"
        "status: active\nschema:\n  - name: readings\n    physicalName: prod_de.silver_metering.readings\n"
        "    properties:\n      - name: meter_id\n        logicalType: integer\n        physicalType: bigint\n"
        "        required: true\n      - name: meter_serial\n        logicalType: string",
        "yaml"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& file : m.contracts)
      for (const auto& issue : file.issues) {
        std::string id = file.contract.id.value.empty() ? file.path : file.contract.id.value;
        out.push_back(make(Location{file.path, issue.line, issue.col, 0},
                           "invalid data contract: " + issue.message, id + ": " + issue.message));
      }
  }
};

PIPELINT_RULE(CTR001)

}  // namespace
}  // namespace pipelint

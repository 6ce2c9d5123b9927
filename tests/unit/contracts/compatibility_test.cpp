// The compatibility engine against the SPEC 4 list of breaking changes: a table
// of change cases, each an edit of a realistic base contract with the exact
// changes (kind and impact) it must produce. Widenings, added nullable columns
// and edits that change nothing are the look-alikes that must not break.
#include <algorithm>
#include <catch2/catch.hpp>

#include "parsers/contracts/compatibility.h"
#include "tests/unit/contracts/test_util.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

const std::string kBase = R"(apiVersion: v3.1.0
kind: DataContract
id: de-silver-metering-readings
version: 1.0.0
status: active
servers:
  - server: prod
    type: databricks
    environment: prod
    catalog: prod_de
    schema: silver_metering
schema:
  - name: readings
    physicalName: readings
    description: One row per meter and quarter hour
    properties:
      - name: meter_id
        logicalType: integer
        physicalType: int
        required: true
        primaryKey: true
        primaryKeyPosition: 1
      - name: reading_ts
        logicalType: timestamp
        physicalType: timestamp
        required: true
      - name: kwh
        logicalType: number
        physicalType: float
        required: true
      - name: amount
        logicalType: number
        physicalType: decimal(10,2)
      - name: region_code
        logicalType: string
        physicalType: varchar(10)
        description: Grid region
        classification: internal
      - name: reading_day
        logicalType: date
        physicalType: date
      - name: tariff_band
        logicalType: string
        physicalType: char(2)
      - name: peaks
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: hour
              logicalType: integer
            - name: kw
              logicalType: number
slaProperties:
  - property: latency
    value: 1
    unit: h
  - property: frequency
    value: 1
    unit: h
  - property: retention
    value: 7
    unit: y
)";

struct Edit {
  std::string from, to;
};

std::string apply(std::string text, const std::vector<Edit>& edits) {
  for (const auto& e : edits) {
    size_t at = text.find(e.from);
    if (at == std::string::npos) FAIL("edit target not found: " << e.from);
    text.replace(at, e.from.size(), e.to);
  }
  return text;
}

struct Case {
  const char* name;
  std::vector<Edit> old_edits;         // applied to the base to make the old contract
  std::vector<Edit> new_edits;         // applied to the old contract to make the new one
  std::vector<std::string> expected;   // "kind impact", sorted; version changes left out
};

std::vector<std::string> summarise(const std::vector<Change>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes)
    if (c.kind != ChangeKind::VersionChanged) out.push_back(std::string(to_string(c.kind)) + " " + to_string(c.impact));
  std::sort(out.begin(), out.end());
  return out;
}

const std::string kRemovedRegion = "      - name: region_code\n        logicalType: string\n        physicalType: varchar(10)\n"
                                   "        description: Grid region\n        classification: internal\n";

const std::vector<Case> kCases = {
    // --- columns removed, renamed, added
    {"column removed", {}, {{kRemovedRegion, ""}}, {"column-removed breaking"}},
    {"column renamed without ids: removed + added", {}, {{"name: region_code", "name: grid_region"}},
     {"column-added non-breaking", "column-removed breaking"}},
    {"column renamed with stable ids", {{"- name: region_code", "- id: region\n        name: region_code"}},
     {{"name: region_code", "name: grid_region"}}, {"column-renamed breaking"}},
    {"column physicalName changed", {}, {{"name: kwh\n", "name: kwh\n        physicalName: kwh_total\n"}},
     {"column-renamed breaking"}},
    {"column name case changed (Spark is case-insensitive)", {}, {{"name: meter_id", "name: METER_ID"}}, {}},
    {"columns reordered", {}, {{"      - name: reading_day\n        logicalType: date\n        physicalType: date\n", ""},
                               {"      - name: meter_id\n", "      - name: reading_day\n        logicalType: date\n        physicalType: date\n      - name: meter_id\n"}},
     {}},
    {"nullable column added", {}, {{"slaProperties:", "      - name: quality_flag\n        logicalType: string\nslaProperties:"}},
     {"column-added non-breaking"}},
    {"nullable column added with required: false", {},
     {{"slaProperties:", "      - name: quality_flag\n        logicalType: string\n        required: false\nslaProperties:"}},
     {"column-added non-breaking"}},
    {"required column added", {},
     {{"slaProperties:", "      - name: quality_flag\n        logicalType: string\n        required: true\nslaProperties:"}},
     {"column-added producer-breaking"}},
    {"nested field removed", {}, {{"            - name: kw\n              logicalType: number\n", ""}},
     {"column-removed breaking"}},
    {"nested field added", {}, {{"            - name: kw\n", "            - name: kvar\n              logicalType: number\n            - name: kw\n"}},
     {"column-added non-breaking"}},
    // --- types
    {"int -> bigint widens", {}, {{"physicalType: int\n", "physicalType: bigint\n"}}, {"type-widened non-breaking"}},
    {"int -> INTEGER is the same type", {}, {{"physicalType: int\n", "physicalType: INTEGER\n"}}, {}},
    {"bigint -> int narrows", {{"physicalType: int\n", "physicalType: bigint\n"}}, {{"physicalType: bigint\n", "physicalType: int\n"}},
     {"type-changed breaking"}},
    {"int -> smallint narrows", {}, {{"physicalType: int\n", "physicalType: smallint\n"}}, {"type-changed breaking"}},
    {"int -> string is not a widening", {}, {{"logicalType: integer\n        physicalType: int\n", "logicalType: string\n        physicalType: string\n"}},
     {"type-changed breaking"}},
    {"int -> double widens", {}, {{"logicalType: integer\n        physicalType: int\n", "logicalType: number\n        physicalType: double\n"}},
     {"type-widened non-breaking"}},
    {"bigint -> double loses precision", {{"physicalType: int\n", "physicalType: bigint\n"}},
     {{"logicalType: integer\n        physicalType: bigint\n", "logicalType: number\n        physicalType: double\n"}},
     {"type-changed breaking"}},
    {"int -> decimal(12,0) widens", {}, {{"logicalType: integer\n        physicalType: int\n", "logicalType: number\n        physicalType: decimal(12,0)\n"}},
     {"type-widened non-breaking"}},
    {"int -> decimal(5,0) narrows", {}, {{"logicalType: integer\n        physicalType: int\n", "logicalType: number\n        physicalType: decimal(5,0)\n"}},
     {"type-changed breaking"}},
    {"float -> double widens", {}, {{"physicalType: float", "physicalType: double"}}, {"type-widened non-breaking"}},
    {"double -> float narrows", {{"physicalType: float", "physicalType: double"}}, {{"physicalType: double", "physicalType: float"}},
     {"type-changed breaking"}},
    {"decimal precision up widens", {}, {{"decimal(10,2)", "decimal(12,2)"}}, {"type-widened non-breaking"}},
    {"decimal precision and scale up widens", {}, {{"decimal(10,2)", "DECIMAL(12, 4)"}}, {"type-widened non-breaking"}},
    {"decimal scale up at same precision narrows", {}, {{"decimal(10,2)", "decimal(10,4)"}}, {"type-changed breaking"}},
    {"decimal precision down narrows", {}, {{"decimal(10,2)", "decimal(8,2)"}}, {"type-changed breaking"}},
    {"varchar(10) -> varchar(20) widens", {}, {{"varchar(10)", "varchar(20)"}}, {"type-widened non-breaking"}},
    {"varchar(10) -> varchar(5) narrows", {}, {{"varchar(10)", "varchar(5)"}}, {"type-changed breaking"}},
    {"varchar(10) -> string widens", {}, {{"varchar(10)", "string"}}, {"type-widened non-breaking"}},
    {"string -> varchar(10) narrows", {{"varchar(10)", "string"}}, {{"physicalType: string", "physicalType: varchar(10)"}},
     {"type-changed breaking"}},
    {"char(2) -> varchar(4) widens", {}, {{"char(2)", "varchar(4)"}}, {"type-widened non-breaking"}},
    {"date -> timestamp widens", {}, {{"logicalType: date\n        physicalType: date", "logicalType: timestamp\n        physicalType: timestamp"}},
     {"type-widened non-breaking"}},
    {"timestamp -> date narrows", {}, {{"logicalType: timestamp\n        physicalType: timestamp", "logicalType: date\n        physicalType: date"}},
     {"type-changed breaking"}},
    {"timestamp -> timestamp_ntz changes meaning", {}, {{"physicalType: timestamp\n", "physicalType: timestamp_ntz\n"}},
     {"type-changed breaking"}},
    {"logical number -> integer narrows under the same physical type", {},
     {{"logicalType: number\n        physicalType: decimal(10,2)", "logicalType: integer\n        physicalType: decimal(10,2)"}},
     {"type-changed breaking"}},
    {"logical integer -> number widens (nested, no physical type)", {},
     {{"name: hour\n              logicalType: integer", "name: hour\n              logicalType: number"}},
     {"type-widened non-breaking"}},
    // --- nullability and keys
    {"required true -> false: made nullable", {}, {{"physicalType: float\n        required: true", "physicalType: float\n        required: false"}},
     {"made-nullable breaking"}},
    {"required: true removed (default false)", {}, {{"physicalType: float\n        required: true\n", "physicalType: float\n"}},
     {"made-nullable breaking"}},
    {"required false -> true: producers must fill it", {}, {{"physicalType: date\n", "physicalType: date\n        required: true\n"}},
     {"made-required producer-breaking"}},
    {"column dropped from the primary key", {}, {{"        primaryKey: true\n        primaryKeyPosition: 1\n", ""}},
     {"primary-key-changed breaking"}},
    {"column added to the primary key", {}, {{"physicalType: timestamp\n        required: true\n", "physicalType: timestamp\n        required: true\n        primaryKey: true\n        primaryKeyPosition: 2\n"}},
     {"primary-key-changed breaking"}},
    {"primary key position changed", {}, {{"primaryKeyPosition: 1", "primaryKeyPosition: 2"}}, {"primary-key-changed breaking"}},
    // --- tables
    {"physicalName changed", {}, {{"physicalName: readings", "physicalName: readings_v2"}}, {"physical-name-changed breaking"}},
    {"server catalog changed moves the table", {}, {{"catalog: prod_de", "catalog: prod_eu"}}, {"physical-name-changed breaking"}},
    {"physicalName qualified to the same table", {}, {{"physicalName: readings", "physicalName: prod_de.silver_metering.readings"}}, {}},
    {"schema object renamed, same table", {}, {{"  - name: readings", "  - name: meter_readings"}}, {"table-renamed non-breaking"}},
    {"schema object removed", {{"slaProperties:", "  - name: meters\n    physicalName: meters\nslaProperties:"}},
     {{"  - name: meters\n    physicalName: meters\n", ""}}, {"table-removed breaking"}},
    {"schema object added", {}, {{"slaProperties:", "  - name: meters\n    physicalName: meters\nslaProperties:"}},
     {"table-added non-breaking"}},
    // --- SLA
    {"latency 1h -> 2h loosened", {}, {{"    value: 1\n    unit: h\n  - property: frequency", "    value: 2\n    unit: h\n  - property: frequency"}},
     {"latency-loosened breaking"}},
    {"latency 1h -> 30min tightened", {}, {{"    value: 1\n    unit: h\n  - property: frequency", "    value: 30\n    unit: min\n  - property: frequency"}},
     {"latency-tightened non-breaking"}},
    {"latency 1h -> 60 minutes is no change", {}, {{"    value: 1\n    unit: h\n  - property: frequency", "    value: 60\n    unit: minutes\n  - property: frequency"}},
     {}},
    {"latency 1h -> PT1H is no change", {}, {{"    value: 1\n    unit: h\n  - property: frequency", "    value: PT1H\n  - property: frequency"}},
     {}},
    {"latency renamed to freshness, same promise", {}, {{"property: latency", "property: freshness"}}, {}},
    {"latency SLA removed", {}, {{"  - property: latency\n    value: 1\n    unit: h\n", ""}}, {"latency-loosened breaking"}},
    {"latency SLA added", {{"  - property: latency\n    value: 1\n    unit: h\n", ""}},
     {{"slaProperties:\n", "slaProperties:\n  - property: latency\n    value: 4\n    unit: h\n"}}, {"latency-tightened non-breaking"}},
    {"frequency changed is not breaking", {}, {{"    value: 1\n    unit: h\n  - property: retention", "    value: 1\n    unit: d\n  - property: retention"}},
     {"frequency-changed non-breaking"}},
    {"retention shortened is not breaking", {}, {{"value: 7\n    unit: y", "value: 5\n    unit: y"}}, {"retention-changed non-breaking"}},
    // --- status and metadata
    {"status active -> retired", {}, {{"status: active", "status: retired"}}, {"status-retired breaking"}},
    {"status active -> deprecated", {}, {{"status: active", "status: deprecated"}}, {"status-changed non-breaking"}},
    {"retired -> retired stays", {{"status: active", "status: retired"}}, {{"version: 1.0.0", "version: 1.0.1"}}, {}},
    {"column description changed", {}, {{"description: Grid region", "description: Grid region (ISO 3166-2)"}},
     {"description-changed non-breaking"}},
    {"table description changed", {}, {{"description: One row per meter and quarter hour", "description: Quarter-hourly readings"}},
     {"description-changed non-breaking"}},
    {"classification changed", {}, {{"classification: internal", "classification: restricted"}},
     {"classification-changed non-breaking"}},
    {"nothing changed", {}, {}, {}},
};

}  // namespace

TEST_CASE("compatibility engine: the SPEC 4 table of change cases") {
  CHECK(kCases.size() >= 40);
  size_t breaking_cases = 0, safe_cases = 0;
  for (const auto& c : kCases) {
    INFO("case: " << c.name);
    std::string old_text = apply(kBase, c.old_edits);
    std::string new_text = apply(old_text, c.new_edits);
    ContractFile o = load_text(old_text), n = load_text(new_text);
    INFO("old issues: " << o.issues.size() << " new issues: " << n.issues.size()
                        << (n.issues.empty() ? "" : " first: " + n.issues[0].message));
    REQUIRE(o.issues.empty());
    REQUIRE(n.issues.empty());
    auto changes = diff_contracts(o.contract, n.contract);
    std::vector<std::string> expected = c.expected;
    std::sort(expected.begin(), expected.end());
    CHECK(summarise(changes) == expected);
    bool expect_breaking = std::any_of(expected.begin(), expected.end(),
                                       [](const std::string& s) { return s.size() > 9 && s.substr(s.size() - 9) == " breaking"; });
    CHECK(has_breaking(changes) == expect_breaking);
    (expect_breaking ? breaking_cases : safe_cases)++;
  }
  CHECK(breaking_cases >= 20);
  CHECK(safe_cases >= 20);
}

TEST_CASE("compatibility engine: locations point into the new contract, removals into the old") {
  ContractFile o = load_contract("old.yaml", read_data("readings_v1.yaml"));
  ContractFile n = load_contract("new.yaml", read_data("readings_v2_breaking.yaml"));
  auto changes = diff_contracts(o.contract, n.contract);
  auto find = [&](ChangeKind k) {
    auto it = std::find_if(changes.begin(), changes.end(), [&](const Change& c) { return c.kind == k; });
    REQUIRE(it != changes.end());
    return *it;
  };
  Change narrowed = find(ChangeKind::TypeChanged);
  CHECK(narrowed.column == "meter_id");
  CHECK(narrowed.table == "prod_de.silver_metering.readings");
  CHECK(narrowed.old_value == "bigint");
  CHECK(narrowed.new_value == "int");
  CHECK(narrowed.message == "column `meter_id` type changed from bigint to int (narrowing)");
  CHECK_FALSE(narrowed.in_old);
  CHECK(narrowed.pos.line == 35);
  CHECK(narrowed.pos.col == 23);
  Change removed = find(ChangeKind::ColumnRemoved);
  CHECK(removed.column == "region_code");
  CHECK(removed.in_old);
  CHECK(removed.pos.line == 52);
  Change latency = find(ChangeKind::LatencyLoosened);
  CHECK(latency.message.find("from 1h to 2h") != std::string::npos);
  CHECK(find(ChangeKind::TypeWidened).column == "kwh");
  CHECK(find(ChangeKind::VersionChanged).new_value == "1.4.0");
}

TEST_CASE("compatibility engine: nested field names are dotted") {
  ContractFile o = load_contract("old.yaml", read_data("invoices_v3_0.yaml"));
  std::string text = read_data("invoices_v3_0.yaml");
  text.replace(text.find("varchar(5)"), 10, "varchar(4)");
  ContractFile n = load_contract("new.yaml", text);
  auto changes = diff_contracts(o.contract, n.contract);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].column == "billing_address.postcode");
  CHECK(changes[0].impact == Impact::Breaking);
}

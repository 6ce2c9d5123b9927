// CTR001: each problem of an invalid contract, at its line, next to a valid
// look-alike that must load without an issue; bad bytes never crash; the rule
// turns the issues of the model's contracts into findings.
#include <catch2/catch.hpp>

#include "rules/engine/rule.h"
#include "tests/unit/contracts/test_util.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

const std::string kHeader =
    "apiVersion: v3.1.0\n"   // 1
    "kind: DataContract\n"   // 2
    "id: de-gold-billing-invoices\n"  // 3
    "version: 1.0.0\n"       // 4
    "status: active\n";      // 5

// A contract whose column `kwh` (line 10) has the given extra lines (from line 11).
std::string with_column(const std::string& extra) {
  return kHeader +
         "schema:\n"                                      // 6
         "  - name: invoices\n"                           // 7
         "    physicalName: prod_de.gold_billing.invoices\n"  // 8
         "    properties:\n"                              // 9
         "      - name: kwh\n"                            // 10
         + extra;
}

void require_single(const ContractFile& f, const std::string& needle, uint32_t line, uint32_t col = 0) {
  INFO("issues: " << f.issues.size() << (f.issues.empty() ? "" : ", first: " + f.issues[0].message));
  REQUIRE(f.issues.size() == 1);
  CHECK(f.issues[0].message.find(needle) != std::string::npos);
  CHECK(f.issues[0].line == line);
  if (col) CHECK(f.issues[0].col == col);
}

}  // namespace

TEST_CASE("CTR001: each required field missing, reported once with the list of required fields") {
  for (const char* field : {"apiVersion", "kind", "id", "version", "status"}) {
    std::string text = kHeader;
    size_t at = text.find(std::string(field) + ":");
    text.erase(at, text.find('\n', at) - at + 1);
    ContractFile f = load_text(text);
    INFO(field);
    require_single(f, std::string("missing required field `") + field + "`", 1);
  }
  CHECK(load_text(kHeader).issues.empty());  // look-alike: all five present
}

TEST_CASE("CTR001: a required field with an empty value is missing at its key") {
  ContractFile f = load_text("apiVersion: v3.1.0\nkind: DataContract\nid:\nversion: 1.0.0\nstatus: active\n");
  require_single(f, "missing required field `id`", 3, 1);
}

TEST_CASE("CTR001: version not semver; look-alikes with pre-release and build are fine") {
  std::string text = kHeader;
  for (const char* bad : {"1.2", "v1.2.0", "01.2.0", "1.2.0.4", "latest"}) {
    std::string t = text;
    t.replace(t.find("1.0.0"), 5, bad);
    INFO(bad);
    require_single(load_text(t), "is not a semantic version", 4, 10);
  }
  for (const char* good : {"0.1.0", "2.0.0-rc.1", "1.4.2+build.77"}) {
    std::string t = text;
    t.replace(t.find("1.0.0"), 5, good);
    INFO(good);
    CHECK(load_text(t).issues.empty());
  }
}

TEST_CASE("CTR001: apiVersion not v3 and kind not DataContract") {
  std::string v2 = kHeader;
  v2.replace(v2.find("v3.1.0"), 6, "v2.2.2");
  require_single(load_text(v2), "is not ODCS v3", 1, 13);
  std::string v3future = kHeader;
  v3future.replace(v3future.find("v3.1.0"), 6, "v3.0.1");
  CHECK(load_text(v3future).issues.empty());
  std::string kind = kHeader;
  kind.replace(kind.find("DataContract"), 12, "DataProduct");
  require_single(load_text(kind), "is not `DataContract`", 2, 7);
}

TEST_CASE("CTR001: unknown logicalType with a suggestion; each ODCS type is accepted") {
  require_single(load_text(with_column("        logicalType: bigint\n")), "unknown logicalType `bigint`", 11, 22);
  CHECK(find_issue(load_text(with_column("        logicalType: bigint\n")), "did you mean `integer`?"));
  require_single(load_text(with_column("        logicalType: String\n")), "did you mean `string`?", 11);
  for (const char* t : {"string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean"}) {
    INFO(t);
    CHECK(load_text(with_column(std::string("        logicalType: ") + t + "\n")).issues.empty());
  }
}

TEST_CASE("CTR001: duplicate columns, compared case-insensitively, at the second one") {
  ContractFile f = load_text(with_column("        logicalType: number\n"
                                         "      - name: customer_id\n"  // 12
                                         "      - name: KWH\n"));       // 13
  require_single(f, "duplicate column `KWH`", 13, 15);
  CHECK(f.issues[0].message.find("first defined at line 10") != std::string::npos);
  REQUIRE(f.contract.schema[0].properties.size() == 2);  // the first one is kept
  CHECK(load_text(with_column("      - name: kwh_total\n")).issues.empty());  // look-alike
}

TEST_CASE("CTR001: duplicate nested fields and two schema objects for one table") {
  ContractFile nested = load_text(with_column("        logicalType: object\n"
                                              "        properties:\n"     // 12
                                              "          - name: peak\n"  // 13
                                              "          - name: peak\n"));  // 14
  require_single(nested, "duplicate column `peak`", 14);
  ContractFile tables = load_text(kHeader +
                                  "schema:\n"
                                  "  - name: invoices\n"                              // 7
                                  "    physicalName: prod_de.gold_billing.invoices\n"
                                  "  - name: invoices_v2\n"                           // 9
                                  "    physicalName: PROD_DE.gold_billing.invoices\n");  // 10
  require_single(tables, "both describe table", 10, 19);
}

TEST_CASE("CTR001: wrong types, each at its value") {
  require_single(load_text(with_column("        required: maybe\n")), "`required` of column `kwh` of `invoices` must be true or false", 11, 19);
  require_single(load_text(with_column("        required: \"true\"\n")), "must be true or false", 11);
  require_single(load_text(with_column("        primaryKeyPosition: first\n")), "must be an integer", 11);
  require_single(load_text(with_column("        physicalType: [decimal, 12, 3]\n")), "must be a text value, not a list", 11);
  require_single(load_text(kHeader + "schema: readings\n"), "`schema` of the contract must be a list", 6, 9);
  require_single(load_text(kHeader + "schema:\n  - name: t\n    properties:\n      name: kwh\n"),
                 "`properties` of schema object `t` must be a list", 9, 7);
  require_single(load_text(kHeader + "schema:\n  - readings\n"), "items of `schema` must be mappings", 7, 5);
  // look-alikes: YAML booleans in any accepted spelling
  CHECK(load_text(with_column("        required: true\n        primaryKey: False\n        unique: yes\n")).issues.empty());
}

TEST_CASE("CTR001: a schema object or a column without a name") {
  require_single(load_text(kHeader + "schema:\n  - physicalName: prod_de.gold_billing.invoices\n"),
                 "schema object without a `name`", 7, 5);
  require_single(load_text(with_column("      - logicalType: string\n")), "column of `invoices` without a `name`", 11, 9);
}

TEST_CASE("CTR001: keys ODCS does not define, with a hint") {
  require_single(load_text(kHeader + "physicalname: x\n"), "unknown key `physicalname` in the contract", 6, 1);
  require_single(load_text(with_column("        logicaltype: string\n")), "did you mean `logicalType`?", 11, 9);
  require_single(load_text(kHeader + "freshness: 1h\n"), "write it under `slaProperties`", 6);
  CHECK(load_text(kHeader + "tenant: GridUnion\ntags: [billing]\ncustomProperties: []\n").issues.empty());
}

TEST_CASE("CTR001: duplicate YAML keys") {
  require_single(load_text(kHeader + "status: retired\n"), "duplicate key `status` in the contract", 6, 1);
}

TEST_CASE("CTR001: SLA durations need a number and a known unit") {
  auto sla = [](const std::string& item) { return load_text(kHeader + "slaProperties:\n" + item); };
  require_single(sla("  - property: latency\n    value: 2\n    unit: m\n"), "unit `m` is ambiguous", 9, 11);
  require_single(sla("  - property: latency\n    value: 2\n    unit: fortnights\n"), "unknown unit `fortnights`", 9);
  require_single(sla("  - property: freshness\n    value: 2\n"), "has no `unit`", 8, 12);
  require_single(sla("  - property: retention\n    value: soon\n    unit: d\n"), "is not a non-negative number", 8);
  require_single(sla("  - property: frequency\n    value: every morning\n"), "is not a duration", 8);
  require_single(sla("  - property: latency\n"), "has no `value`", 7, 15);
  require_single(sla("  - value: 4\n    unit: h\n"), "SLA property without `property`", 7);
  // look-alikes
  for (const char* ok : {"  - property: latency\n    value: 2\n    unit: h\n",
                         "  - property: latency\n    value: 90\n    unit: minutes\n",
                         "  - property: latency\n    value: PT1H30M\n",
                         "  - property: latency\n    value: 36h\n",
                         "  - property: endOfSupport\n    value: \"2032-05-12T09:30:10-08:00\"\n",
                         "  - property: timeOfAvailability\n    value: 09:00-08:00\n"}) {
    INFO(ok);
    CHECK(sla(ok).issues.empty());
  }
}

TEST_CASE("CTR001: a databricks server needs catalog and schema") {
  ContractFile f = load_text(kHeader + "servers:\n  - server: prod\n    type: databricks\n    catalog: prod_de\n");
  require_single(f, "databricks server `prod` has no `schema`", 7, 5);
  CHECK(load_text(kHeader + "servers:\n  - server: pg\n    type: postgres\n    host: db\n").issues.empty());
}

TEST_CASE("CTR001: team given as plain text is still read as the team") {
  ContractFile f = load_text(kHeader + "team: nordgrid-de\n");
  require_single(f, "`team` must be a mapping", 6, 7);
  CHECK(f.contract.team.value == "nordgrid-de");
}

TEST_CASE("CTR001: broken input never crashes and is reported where it is") {
  SECTION("broken YAML") {
    ContractFile f = load_text(kHeader + "schema:\n  - name: [unclosed\n");
    CHECK_FALSE(f.parsed);
    REQUIRE(f.issues.size() == 1);
    CHECK(f.issues[0].message.rfind("invalid YAML", 0) == 0);
  }
  SECTION("NUL bytes") {
    std::string text = kHeader + "description: x";
    text += '\0';
    ContractFile f = load_text(text);
    CHECK_FALSE(f.parsed);
    REQUIRE(f.issues.size() == 1);
    CHECK(f.issues[0].message.find("NUL") != std::string::npos);
    CHECK(f.issues[0].line == 6);
  }
  SECTION("invalid UTF-8") {
    ContractFile f = load_text(kHeader + "name: Consommation journali\xE8re\n");
    CHECK_FALSE(f.parsed);
    REQUIRE(f.issues.size() == 1);
    CHECK(f.issues[0].message.find("invalid UTF-8") != std::string::npos);
    CHECK(f.issues[0].line == 6);
  }
  SECTION("5,000-deep nesting") {
    std::string deep = kHeader + "description: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    ContractFile f = load_text(deep);
    REQUIRE_FALSE(f.issues.empty());
    CHECK(f.issues[0].message.find("nested too deeply") != std::string::npos);
  }
  SECTION("deeply nested columns stop at the field depth limit") {
    std::string text = kHeader + "schema:\n  - name: t\n    properties:\n";
    std::string indent = "      ";
    for (int i = 0; i < 60; ++i) {
      text += indent + "- name: f" + std::to_string(i) + "\n" + indent + "  properties:\n";
      indent += "    ";
    }
    text += indent + "- name: leaf\n";
    ContractFile f = load_text(text);
    CHECK(f.parsed);
    CHECK(find_issue(f, "nested deeper than 32 levels"));
  }
  SECTION("a huge file is refused without parsing") {
    std::string huge(kMaxContractBytes + 1, ' ');
    ContractFile f = load_text(huge);
    CHECK_FALSE(f.parsed);
    REQUIRE(f.issues.size() == 1);
    CHECK(f.issues[0].message.find("too large") != std::string::npos);
  }
  SECTION("not a mapping") {
    ContractFile f = load_text("- kind: DataContract\n");
    CHECK_FALSE(f.parsed);
    REQUIRE(f.issues.size() == 1);
    CHECK(f.issues[0].message.find("must be a YAML mapping") != std::string::npos);
  }
  SECTION("empty file") {
    ContractFile f = load_text("");
    CHECK_FALSE(f.parsed);
    REQUIRE(f.issues.size() == 1);
  }
}

TEST_CASE("CTR001 rule: one finding per issue of each contract in the model") {
  const Rule* rule = find_rule("CTR001");
  REQUIRE(rule != nullptr);
  CHECK(rule->doc().severity == Severity::Error);
  CHECK(rule->doc().example_lang == "yaml");

  Model m;
  m.contracts.push_back(load_contract("contracts/invoices.yaml",
                                      with_column("        logicalType: bigint\n      - name: kwh\n")));
  m.contracts.push_back(load_contract("contracts/readings.yaml", read_data("readings_v1.yaml")));  // valid
  std::vector<Finding> out;
  rule->check(m, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].rule == "CTR001");
  CHECK(out[0].loc.path == "contracts/invoices.yaml");
  CHECK(out[0].loc.line == 11);
  CHECK(out[0].message.find("unknown logicalType `bigint`") != std::string::npos);
  CHECK(out[1].loc.line == 12);
  CHECK(out[1].message.find("duplicate column `kwh`") != std::string::npos);
  CHECK(out[0].subject.rfind("de-gold-billing-invoices: ", 0) == 0);
  // The invalid contract still names its table for the other rules (SPEC 7).
  CHECK(m.contracts[0].contract.find_table("prod_de.gold_billing.invoices") != nullptr);
}

TEST_CASE("CTR001 documentation: the bad example fires, the good one loads cleanly") {
  const Rule* rule = find_rule("CTR001");
  REQUIRE(rule != nullptr);
  ContractFile bad = load_text(rule->doc().bad);
  CHECK(find_issue(bad, "is not a semantic version"));
  CHECK(find_issue(bad, "unknown logicalType `bigint`"));
  CHECK(find_issue(bad, "duplicate column `Meter_ID`"));
  CHECK(load_text(rule->doc().good).issues.empty());
}

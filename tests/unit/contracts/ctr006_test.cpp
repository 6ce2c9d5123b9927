// CTR006: a contract whose table no pipeline writes (scoped to repositories with
// analysed writing code), and CREATE TABLE columns that disagree with the contract.
#include <catch2/catch.hpp>

#include "rules/engine/engine.h"
#include "tests/unit/contracts/consumer_model.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

const std::string kRepoContracts = "repos/de-metering-pipelines/contracts/";

DeclaredColumns create_table(uint32_t line, const std::string& table,
                             std::vector<std::pair<std::string, std::string>> columns) {
  DeclaredColumns d;
  d.line = line;
  d.col = 28;
  d.table = lit(table);
  d.columns = std::move(columns);
  return d;
}

}  // namespace

TEST_CASE("CTR006: an active or deprecated contract whose table nobody writes or creates") {
  ModelBuilder b;
  auto de = gridunion_config("nordgrid-de");
  b.file("de-metering-pipelines", "jobs/billing.py", de,
         {{3, Op::Write, lit("prod_de.gold_billing.written")},
          {4, Op::Write, lit("prod_de.gold_billing.created")},
          {5, Op::Write, with_hole("catalog", ".gold_billing.maybe")},
          {6, Op::Write, lit("prod_de.gold_billing.dropped")}});
  b.model.files.back().records.accesses[1].mode = "create";
  b.model.files.back().records.accesses[3].mode = "drop";
  b.file("analytics-commercial", "jobs/report.py", gridunion_config("commercial-analytics"),
         {{3, Op::Read, lit("prod_de.gold_billing.nobody")}});
  Model& m = b.build();
  add_contract(m, kRepoContracts + "a.yaml", contract_yaml("de-nobody", "active", "prod_de.gold_billing.nobody"));
  add_contract(m, kRepoContracts + "b.yaml", contract_yaml("de-written", "active", "PROD_DE.gold_billing.written"));
  add_contract(m, kRepoContracts + "c.yaml", contract_yaml("de-created", "active", "prod_de.gold_billing.created"));
  add_contract(m, kRepoContracts + "d.yaml", contract_yaml("de-maybe", "active", "prod_de.gold_billing.maybe"));
  add_contract(m, kRepoContracts + "e.yaml", contract_yaml("de-old", "deprecated", "prod_de.gold_billing.old"));
  add_contract(m, kRepoContracts + "f.yaml", contract_yaml("de-draft", "draft", "prod_de.gold_billing.draft"));
  add_contract(m, kRepoContracts + "g.yaml", contract_yaml("de-gone", "retired", "prod_de.gold_billing.gone"));
  add_contract(m, kRepoContracts + "h.yaml", contract_yaml("de-dropped", "active", "prod_de.gold_billing.dropped"));
  // Repositories without analysed writing code: a contract checked alone, a consumer's repository.
  add_contract(m, "repos/lonely/contracts/x.yaml", contract_yaml("x", "active", "prod_de.gold_billing.x"));
  add_contract(m, "repos/analytics-commercial/contracts/y.yaml", contract_yaml("y", "active", "prod_eu.gold_commercial.y"));
  auto findings = run_rules(m, only({"CTR006"}));
  CHECK(where(findings, "CTR006") == std::vector<std::string>{kRepoContracts + "a.yaml:8", kRepoContracts + "e.yaml:8",
                                                              kRepoContracts + "h.yaml:8"});
  const Finding* f = find(findings, "CTR006");
  REQUIRE(f);
  CHECK(f->loc.col == 19);
  CHECK(f->message.find("contract `de-nobody` 1.0.0") != std::string::npos);
  CHECK(f->message.find("no analysed pipeline writes or creates it") != std::string::npos);
}

TEST_CASE("CTR006: CREATE TABLE columns that disagree with the contract, once per statement") {
  ModelBuilder b;
  b.file("de-metering-pipelines", "sql/setup.py", gridunion_config("nordgrid-de"),
         {{3, Op::Write, lit("prod_de.gold_billing.invoices")}, {12, Op::Write, lit("prod_de.gold_billing.readings")}});
  auto& decl = b.model.files.back().records.declared_columns;
  decl.push_back(create_table(3, "prod_de.gold_billing.invoices",
                              {{"invoice_id", "STRING"}, {"customer_id", "INT"}, {"month", "STRING"}, {"amount", "DOUBLE"}}));
  decl.push_back(create_table(12, "prod_de.gold_billing.readings",
                              {{"METER_ID", "BIGINT"}, {"code", "VARCHAR(8)"}, {"kwh", "decimal(12, 3)"}, {"n", "INTEGER"}}));
  decl.push_back(create_table(20, "prod_de.gold_billing.uncontracted", {{"a", "INT"}}));
  decl.push_back(create_table(22, "prod_de.gold_billing.invoices", {}));  // CREATE TABLE ... AS SELECT: no columns
  Model& m = b.build();
  std::string invoices_columns =
      "      - name: invoice_id\n        logicalType: string\n        physicalType: string\n"
      "      - name: customer_id\n        logicalType: integer\n        physicalType: bigint\n"
      "      - name: month\n        logicalType: date\n"
      "      - name: amount_eur\n        logicalType: number\n";
  std::string readings_columns =
      "      - name: meter_id\n        logicalType: integer\n        physicalType: bigint\n"
      "      - name: code\n        logicalType: string\n        physicalType: varchar(8)\n"
      "      - name: kwh\n        logicalType: number\n        physicalType: decimal(12,3)\n"
      "      - name: n\n        logicalType: number\n";
  add_contract(m, "c/invoices.yaml", contract_yaml("de-invoices", "active", "prod_de.gold_billing.invoices", invoices_columns));
  add_contract(m, "c/readings.yaml", contract_yaml("de-readings", "active", "prod_de.gold_billing.readings", readings_columns));
  auto findings = run_rules(m, only({"CTR006"}));
  CHECK(where(findings, "CTR006") == std::vector<std::string>{"repos/de-metering-pipelines/sql/setup.py:3"});
  const Finding* f = find(findings, "CTR006");
  REQUIRE(f);
  INFO(f->message);
  CHECK(f->message.find("CREATE TABLE `prod_de.gold_billing.invoices` disagrees with its contract `de-invoices`") !=
        std::string::npos);
  CHECK(f->message.find("`customer_id` is `int` here but `bigint` in the contract") != std::string::npos);
  CHECK(f->message.find("`month` is `string` here but logicalType `date` in the contract") != std::string::npos);
  CHECK(f->message.find("column `amount` is not in the contract") != std::string::npos);
  CHECK(f->message.find("the contract's column `amount_eur` is missing") != std::string::npos);
  CHECK(f->message.find("invoice_id") == std::string::npos);
  REQUIRE(f->related.size() == 1);
  CHECK(f->related[0].loc.path == "c/invoices.yaml");
  CHECK(f->related[0].loc.line == 8);
}

// CTR005 (a referenced column the contract lacks) and CTR009 (a sensitive column
// projected into a less protected table), on hand-built column references.
#include <catch2/catch.hpp>

#include "rules/engine/engine.h"
#include "tests/unit/contracts/consumer_model.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

ColumnRef ref(uint32_t line, uint32_t access, std::string column, int32_t into = -1, std::string as = "") {
  ColumnRef c;
  c.line = line;
  c.col = 7;
  c.access = access;
  c.column = std::move(column);
  c.how = "select";
  c.into = into;
  c.as = std::move(as);
  return c;
}

const std::string kInvoiceColumns =
    "      - name: invoice_id\n        logicalType: string\n"
    "      - name: customer_id\n        logicalType: integer\n        classification: PII\n"
    "      - name: amount_eur\n        logicalType: number\n"
    "      - name: address\n        logicalType: object\n        physicalName: addr\n"
    "      - name: tariff\n        logicalType: string\n        classification: internal\n";

// One pipeline: record 0 reads the invoices, 1..3 write the given tables.
Model& pipeline(ModelBuilder& b, std::vector<ColumnRef> refs) {
  b.file("analytics-commercial", "jobs/revenue.py", gridunion_config("commercial-analytics"),
         {{2, Op::Read, lit("prod_de.gold_billing.invoices")},
          {9, Op::Write, lit("prod_eu.gold_commercial.no_contract")},
          {10, Op::Write, lit("prod_eu.gold_commercial.public_copy")},
          {11, Op::Write, lit("prod_eu.gold_commercial.pii_copy")}});
  Model& m = b.build();
  m.files[0].records.columns = std::move(refs);
  add_contract(m, "c/invoices.yaml", contract_yaml("de-invoices", "active", "prod_de.gold_billing.invoices", kInvoiceColumns));
  add_contract(m, "c/public.yaml",
               contract_yaml("eu-public", "active", "prod_eu.gold_commercial.public_copy",
                             "      - name: customer\n        logicalType: integer\n        classification: public\n"
                             "      - name: tariff\n        logicalType: string\n"));
  add_contract(m, "c/pii.yaml",
               contract_yaml("eu-pii", "active", "prod_eu.gold_commercial.pii_copy",
                             "      - name: customer_id\n        logicalType: integer\n        classification: pii\n"));
  return m;
}

}  // namespace

TEST_CASE("CTR005: a referenced column the contract does not list, with a suggestion") {
  ModelBuilder b;
  Model& m = pipeline(b, {ref(3, 0, "amount_euro"), ref(4, 0, "AMOUNT_EUR"), ref(5, 0, "address.city"),
                          ref(6, 0, "addr"), ref(7, 0, "invoice_id")});
  auto findings = run_rules(m, only({"CTR005"}));
  CHECK(where(findings, "CTR005") == std::vector<std::string>{"repos/analytics-commercial/jobs/revenue.py:3"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("`amount_euro` is not a column of `prod_de.gold_billing.invoices`") != std::string::npos);
  CHECK(findings[0].message.find("did you mean `amount_eur`?") != std::string::npos);
  CHECK(findings[0].loc.col == 7);
}

TEST_CASE("CTR005: silent without a contract, on a contract without columns, and on writes") {
  ModelBuilder b;
  b.file("analytics-commercial", "jobs/x.py", gridunion_config("commercial-analytics"),
         {{2, Op::Read, lit("prod_de.gold_billing.other")}, {3, Op::Read, lit("prod_de.gold_billing.empty")},
          {4, Op::Write, lit("prod_de.gold_billing.invoices")}});
  Model& m = b.build();
  m.files[0].records.columns = {ref(5, 0, "nope"), ref(6, 1, "nope"), ref(7, 2, "nope")};
  add_contract(m, "c/empty.yaml", contract_yaml("de-empty", "active", "prod_de.gold_billing.empty", ""));
  add_contract(m, "c/invoices.yaml", contract_yaml("de-invoices", "active", "prod_de.gold_billing.invoices", kInvoiceColumns));
  CHECK(run_rules(m, only({"CTR005"})).empty());
}

TEST_CASE("CTR009: a pii column projected into a table without a contract or classified lower") {
  ModelBuilder b;
  Model& m = pipeline(b, {ref(3, 0, "customer_id", 1), ref(4, 0, "customer_id", 2, "customer"),
                          ref(5, 0, "customer_id", 3), ref(6, 0, "customer_id"), ref(7, 0, "tariff", 1),
                          ref(8, 0, "invoice_id", 1)});
  auto findings = run_rules(m, only({"CTR009"}));
  CHECK(where(findings, "CTR009") == std::vector<std::string>{"repos/analytics-commercial/jobs/revenue.py:3",
                                                              "repos/analytics-commercial/jobs/revenue.py:4"});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message.find("which has no data contract") != std::string::npos);
  CHECK(findings[1].message.find("classifies `customer` only `public`") != std::string::npos);
  REQUIRE(findings[0].related.size() == 2);
  CHECK(findings[0].related[0].loc.line == 9);
  CHECK(findings[0].related[1].loc.path == "c/invoices.yaml");
}

TEST_CASE("CTR009: a target contract that does not declare the renamed column") {
  ModelBuilder b;
  Model& m = pipeline(b, {ref(3, 0, "customer_id", 3, "cust")});
  auto findings = run_rules(m, only({"CTR009"}));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("does not declare `cust`") != std::string::npos);
}

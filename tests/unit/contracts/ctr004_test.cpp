// CTR004 (cross-team read of a published table without a contract) and how it
// shares the work with OWN005 (unpublished tables): one finding per read, never both.
#include <catch2/catch.hpp>

#include "rules/engine/engine.h"
#include "tests/unit/contracts/consumer_model.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

Model& analytics_reads(ModelBuilder& b) {
  b.file("analytics-commercial", "jobs/report.py", gridunion_config("commercial-analytics"),
         {{3, Op::Read, lit("prod_de.gold_billing.uncontracted")},   // CTR004
          {4, Op::Read, lit("prod_de.gold_billing.uncontracted")},   // same pipeline and table: once
          {5, Op::Read, lit("prod_de.gold_billing.invoices")},       // active contract
          {6, Op::Read, lit("prod_de.silver_billing.lines")},        // unpublished, no contract: OWN005
          {7, Op::Read, lit("prod_de.silver_billing.contracted")},   // unpublished but contracted
          {8, Op::Read, lit("prod_de.gold_billing.drafted")},        // only a draft contract: CTR004
          {9, Op::Read, lit("prod_eu.gold_commercial.own")},         // its own table
          {10, Op::Read, with_hole("catalog", ".gold_billing.x")},   // partial: no contract can match
          {11, Op::Read, lit("prod_de.silver_billing.drafted")}});   // unpublished, draft: still OWN005
  b.file("de-metering-pipelines", "jobs/billing.py", gridunion_config("nordgrid-de"),
         {{4, Op::Read, lit("prod_de.gold_billing.uncontracted")}});  // the owner's read
  Model& m = b.build();
  add_contract(m, "repos/de/contracts/invoices.yaml", contract_yaml("de-invoices", "active", "prod_de.gold_billing.invoices"));
  add_contract(m, "repos/de/contracts/lines.yaml", contract_yaml("de-lines", "active", "PROD_DE.silver_billing.contracted"));
  add_contract(m, "repos/de/contracts/drafted.yaml", contract_yaml("de-drafted", "draft", "prod_de.gold_billing.drafted"));
  add_contract(m, "repos/de/contracts/drafted2.yaml", contract_yaml("de-drafted2", "proposed", "prod_de.silver_billing.drafted"));
  return m;
}

}  // namespace

TEST_CASE("CTR004: a published table without a contract, once per pipeline and table") {
  ModelBuilder b;
  auto findings = run_rules(analytics_reads(b), only({"CTR004"}));
  CHECK(where(findings, "CTR004") == std::vector<std::string>{"repos/analytics-commercial/jobs/report.py:3",
                                                              "repos/analytics-commercial/jobs/report.py:8"});
  const Finding* f = find(findings, "CTR004");
  REQUIRE(f);
  CHECK(f->message.find("published by nordgrid-de (#nordgrid-data)") != std::string::npos);
  CHECK(f->message.find("from code of commercial-analytics") != std::string::npos);
  CHECK(f->message.find("no data contract covers it") != std::string::npos);
  CHECK(f->severity == Severity::Warning);
  CHECK(f->subject == "prod_de.gold_billing.uncontracted");
  const Finding& draft = findings.back();
  CHECK(draft.message.find("`de-drafted` 1.0.0 (repos/de/contracts/drafted.yaml) is only draft") != std::string::npos);
  REQUIRE(draft.related.size() == 1);
  CHECK(draft.related[0].loc.line == 5);  // status:
}

TEST_CASE("OWN005: a contract past draft publishes an unpublished table; a draft does not") {
  ModelBuilder b;
  auto findings = run_rules(analytics_reads(b), only({"OWN005"}));
  CHECK(where(findings, "OWN005") == std::vector<std::string>{"repos/analytics-commercial/jobs/report.py:6",
                                                              "repos/analytics-commercial/jobs/report.py:11"});
}

TEST_CASE("OWN005: a deprecated contract still exempts the read (CTR007 reports it instead)") {
  ModelBuilder b;
  b.file("analytics-commercial", "jobs/report.py", gridunion_config("commercial-analytics"),
         {{3, Op::Read, lit("prod_de.silver_billing.old")}});
  Model& m = b.build();
  add_contract(m, "c.yaml", contract_yaml("de-old", "deprecated", "prod_de.silver_billing.old"));
  auto findings = run_rules(m, only({"OWN005", "CTR004", "CTR007"}));
  CHECK(where(findings, "OWN005").empty());
  CHECK(where(findings, "CTR004").empty());
  CHECK(where(findings, "CTR007") == std::vector<std::string>{"repos/analytics-commercial/jobs/report.py:3"});
}

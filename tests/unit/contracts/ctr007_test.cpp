// CTR007: reads of a table whose contracts are all deprecated or retired.
#include <catch2/catch.hpp>

#include "rules/engine/engine.h"
#include "tests/unit/contracts/consumer_model.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("CTR007: deprecated and retired contracts, with the replacement when the description names it") {
  ModelBuilder b;
  b.file("analytics-commercial", "jobs/report.py", gridunion_config("commercial-analytics"),
         {{3, Op::Read, lit("prod_de.gold_billing.old")},      // deprecated, replacement named
          {4, Op::Read, lit("prod_de.gold_billing.old")},      // same pipeline and table: once
          {5, Op::Read, lit("prod_de.gold_billing.gone")},     // retired
          {6, Op::Read, lit("prod_de.gold_billing.current")},  // active
          {7, Op::Read, lit("prod_de.gold_billing.next")},     // draft
          {8, Op::Read, lit("prod_de.gold_billing.moving")}}); // v1 deprecated, v2 active on the same table
  b.file("de-metering-pipelines", "jobs/billing.py", gridunion_config("nordgrid-de"),
         {{4, Op::Read, lit("prod_de.gold_billing.old")},      // the owner's own read
          {5, Op::Write, lit("prod_de.gold_billing.old")}});
  b.file("fr-electra-ingest", "jobs/self.py", gridunion_config("electra-fr"),
         {{2, Op::Read, lit("prod_de.gold_billing.gone")},     // reads and writes it: the producer's pipeline
          {3, Op::Write, lit("prod_de.gold_billing.gone")}});
  Model& m = b.build();
  add_contract(m, "c/old.yaml", contract_yaml("de-old", "deprecated", "prod_de.gold_billing.old",
                                              "      - name: id\n        logicalType: string\n",
                                              "Replaced by prod_de.gold_billing.old_v2 from 2026-07."));
  add_contract(m, "c/gone.yaml", contract_yaml("de-gone", "Retired", "prod_de.gold_billing.gone"));
  add_contract(m, "c/current.yaml", contract_yaml("de-current", "active", "prod_de.gold_billing.current"));
  add_contract(m, "c/next.yaml", contract_yaml("de-next", "draft", "prod_de.gold_billing.next"));
  add_contract(m, "c/moving-v1.yaml", contract_yaml("de-moving", "deprecated", "prod_de.gold_billing.moving"));
  add_contract(m, "c/moving-v2.yaml", contract_yaml("de-moving", "active", "prod_de.gold_billing.moving"));
  auto findings = run_rules(m, only({"CTR007"}));
  CHECK(where(findings, "CTR007") == std::vector<std::string>{"repos/analytics-commercial/jobs/report.py:3",
                                                              "repos/analytics-commercial/jobs/report.py:5"});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message.find("contract `de-old` 1.0.0 (c/old.yaml) is deprecated") != std::string::npos);
  CHECK(findings[0].message.find("read its replacement `prod_de.gold_billing.old_v2`") != std::string::npos);
  REQUIRE(findings[0].related.size() == 1);
  CHECK(findings[0].related[0].loc.path == "c/old.yaml");
  CHECK(findings[0].related[0].loc.line == 5);
  CHECK(findings[1].message.find("is retired") != std::string::npos);
  CHECK(findings[1].message.find("ask the producer what replaces it") != std::string::npos);
}

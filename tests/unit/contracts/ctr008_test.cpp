// CTR008: a table of a published layer written without a contract.
#include <catch2/catch.hpp>

#include "rules/engine/engine.h"
#include "tests/unit/contracts/consumer_model.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

Model& writers(ModelBuilder& b, std::shared_ptr<Config> de) {
  b.file("de-metering-pipelines", "jobs/a_billing.py", de,
         {{3, Op::Write, lit("prod_de.silver_billing.lines")},      // silver: published only by option
          {4, Op::Write, lit("prod_de.gold_billing.uncontracted")}, // CTR008 here (first pipeline)
          {5, Op::Write, lit("prod_de.gold_billing.contracted")},   // a deprecated contract still covers it
          {6, Op::Write, lit("prod_de.gold_billing.ddl_only")},     // CREATE TABLE: no data written
          {7, Op::Write, with_hole("catalog", ".gold_billing.x")}});  // unresolved
  b.model.files.back().records.accesses[3].mode = "create";
  b.file("de-metering-pipelines", "jobs/b_backfill.py", de,
         {{9, Op::Write, lit("prod_de.gold_billing.uncontracted")}});  // second writer: not again
  Model& m = b.build();
  add_contract(m, "c.yaml", contract_yaml("de-contracted", "deprecated", "prod_de.gold_billing.contracted"));
  return m;
}

}  // namespace

TEST_CASE("CTR008: once per gold table, at its first producing write; contracted, DDL-only and partial names are fine") {
  ModelBuilder b;
  auto findings = run_rules(writers(b, layered(gridunion_config("nordgrid-de"))), only({"CTR008"}));
  CHECK(where(findings, "CTR008") == std::vector<std::string>{"repos/de-metering-pipelines/jobs/a_billing.py:4"});
  const Finding* f = find(findings, "CTR008");
  REQUIRE(f);
  CHECK(f->message.find("`prod_de.gold_billing.uncontracted` is a gold table") != std::string::npos);
  CHECK(f->subject == "prod_de.gold_billing.uncontracted");
}

TEST_CASE("CTR008: rules.options.CTR008.layers chooses the published layers") {
  ModelBuilder b;
  auto de = layered(gridunion_config("nordgrid-de"));
  de->rule_options["CTR008"] = nlohmann::json{{"layers", {"silver"}}};
  auto findings = run_rules(writers(b, de), only({"CTR008"}));
  CHECK(where(findings, "CTR008") == std::vector<std::string>{"repos/de-metering-pipelines/jobs/a_billing.py:3"});
}

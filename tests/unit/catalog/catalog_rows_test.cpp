#include <catch2/catch.hpp>

#include "analyzer/output/catalog_rows.h"
#include "tests/unit/catalog/catalog_test_util.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

const CatalogRow* row(const std::vector<CatalogRow>& rows, const std::string& name) {
  for (const auto& r : rows)
    if (r.name == name) return &r;
  return nullptr;
}

CatalogRow owned_by(std::string owner) {
  CatalogRow r;
  r.owner = std::move(owner);
  return r;
}

}  // namespace

TEST_CASE("catalog rows: one per table, sorted, with owner and layer", "[catalog]") {
  CatalogScratch s;
  write_platform(s);
  Analysis a = s.analyze();
  REQUIRE(a.error.empty());
  auto rows = catalog_rows(a.model);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].name == "prod_de.bronze_metering.raw");
  CHECK(rows[1].name == "prod_de.gold_metering.daily");
  CHECK(rows[2].name == "prod_de.silver_metering.readings");
  const CatalogRow* silver = row(rows, "prod_de.silver_metering.readings");
  REQUIRE(silver);
  CHECK(silver->owner == "billing-de");
  CHECK(silver->layer == "silver");
  CHECK_FALSE(silver->external);
  CHECK(silver->upstream == std::vector<std::string>{"prod_de.bronze_metering.raw"});
  CHECK(silver->downstream == std::vector<std::string>{"prod_de.gold_metering.daily"});
}

TEST_CASE("catalog rows: producers and consumers with location, mode, team and tasks", "[catalog]") {
  CatalogScratch s;
  write_platform(s);
  Analysis a = s.analyze();
  auto rows = catalog_rows(a.model);
  const CatalogRow* silver = row(rows, "prod_de.silver_metering.readings");
  REQUIRE(silver);
  REQUIRE(silver->producers.size() == 1);
  const CatalogAccess& p = silver->producers[0];
  CHECK(p.pipeline == "jobs/silver.py");
  CHECK(p.line == 2);
  CHECK(p.op == "write");
  CHECK(p.modes == std::vector<std::string>{"append"});
  CHECK(p.team == "billing-de");
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0].dag == "metering_daily");
  CHECK(p.runs[0].task == "silver");
  CHECK(p.runs[0].path == "dags/metering.py");
  REQUIRE(silver->consumers.size() == 1);
  CHECK(silver->consumers[0].pipeline == "jobs/gold.py");
  CHECK(silver->consumers[0].line == 1);
  CHECK(silver->consumers[0].op == "read");
  REQUIRE(silver->consumers[0].runs.size() == 1);
  CHECK(silver->consumers[0].runs[0].task == "gold");
}

TEST_CASE("catalog rows: the contract and its SLA", "[catalog]") {
  CatalogScratch s;
  write_platform(s);
  Analysis a = s.analyze();
  auto rows = catalog_rows(a.model);
  const CatalogRow* silver = row(rows, "prod_de.silver_metering.readings");
  REQUIRE(silver);
  REQUIRE(silver->contract);
  const CatalogContract& c = *silver->contract;
  CHECK(c.path == "contracts/readings.odcs.yaml");
  CHECK(c.id == "de-silver-readings");
  CHECK(c.version == "2.1.0");
  CHECK(c.status == "active");
  CHECK(c.team == "billing-de");
  REQUIRE(c.columns.size() == 2);
  CHECK(c.columns[0].name == "meter_id");
  CHECK(c.columns[0].physical_type == "bigint");
  CHECK(c.columns[0].required);
  CHECK(c.columns[0].primary_key);
  CHECK(c.columns[1].classification == "internal");
  REQUIRE(c.latency);
  CHECK(c.latency->seconds == 7200);
  CHECK_FALSE(c.frequency);
  REQUIRE(c.retention);
  // Look-alike: the gold table is in the same catalog but no contract covers it.
  const CatalogRow* gold = row(rows, "prod_de.gold_metering.daily");
  REQUIRE(gold);
  CHECK_FALSE(gold->contract);
}

TEST_CASE("catalog teams: sorted, unowned last", "[catalog]") {
  std::vector<CatalogRow> rows{owned_by("zeta"), owned_by(""), owned_by("alpha")};
  auto teams = catalog_teams(rows);
  REQUIRE(teams.size() == 3);
  CHECK(teams[0].team == "alpha");
  CHECK(teams[1].team == "zeta");
  CHECK(teams[2].team.empty());
  CHECK(teams[2].rows == std::vector<size_t>{1});
}

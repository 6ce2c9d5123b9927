#include <catch2/catch.hpp>

#include "graph_model.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("DEP002: silver written from gold is a layer inversion") {
  Model m = ModelBuilder()
                .file("de/jobs/billing_job.py", "nordgrid-de",
                      {rd("prod_de.gold_metering.daily_consumption", 28), rd("prod_de.silver_billing.tariffs", 29),
                       wr("prod_de.silver_billing.invoice_lines", "overwrite", 46)})
                .build();
  auto f = run_rule("DEP002", m);
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 28);
  CHECK(f[0].related.at(0).loc.line == 46);
  CHECK(f[0].subject == "prod_de.gold_metering.daily_consumption -> prod_de.silver_billing.invoice_lines");
}

TEST_CASE("DEP002 look-alikes: forward flow, multi-layer files, external and unknown layers") {
  Model m = ModelBuilder()
                .file("a.py", "", {rd("prod_de.silver_metering.readings"), wr("prod_de.gold_metering.daily")})
                .file("b.py", "",  // bronze → silver → gold in one file: judged by gold
                      {rd("prod_lu.bronze_core.readings"), wr("prod_lu.bronze_core.readings"), rd("prod_lu.silver_core.readings"),
                       wr("prod_lu.silver_core.readings"), wr("prod_lu.gold_metering.quality")})
                .file("c.py", "", {rd("system.gold_x.y"), rd("hive_metastore.crm.gold"), wr("prod_de.bronze_metering.x")})
                .build();
  CHECK(run_rule("DEP002", m).empty());
}

TEST_CASE("DEP003: two pipelines writing one table, each reported with the other as related") {
  Model m = ModelBuilder()
                .file("de/jobs/backfill_readings.py", "nordgrid-de", {wr("prod_de.silver_metering.readings", "merge", 18)})
                .file("de/jobs/silver_readings.py", "nordgrid-de",
                      {rd("prod_de.silver_metering.readings", 24), wr("prod_de.silver_metering.readings", "merge", 25)})
                .build();
  auto f = run_rule("DEP003", m);
  REQUIRE(f.size() == 2);
  CHECK(f[0].loc.path == "de/jobs/backfill_readings.py");
  CHECK(f[0].related.at(0).loc.path == "de/jobs/silver_readings.py");
  CHECK(f[1].related.at(0).loc.path == "de/jobs/backfill_readings.py");
  CHECK(f[0].subject == "prod_de.silver_metering.readings");
}

TEST_CASE("DEP003 look-alikes: one file writing twice, DDL, maintenance, placeholders") {
  Model m = ModelBuilder()
                .file("a.py", "", {wr("prod_fr.bronze_metering.linky_raw", "create", 16), wr("prod_fr.bronze_metering.linky_raw", "append", 32)})
                .file("b.sql", "", {wr("prod_fr.bronze_metering.linky_raw", "create")})   // CREATE TABLE IF NOT EXISTS
                .file("c.sql", "", {wr("prod_fr.bronze_metering.linky_raw", "delete")})   // retention
                .file("d.py", "", {wr("{catalog}.gold_metering.x", "overwrite")})
                .file("e.py", "", {wr("{catalog}.gold_metering.x", "overwrite")})
                .build();
  CHECK(run_rule("DEP003", m).empty());
}

TEST_CASE("DEP005: a read of the own team's table that nothing produces") {
  Model m = ModelBuilder()
                .file("de/jobs/billing_job.py", "nordgrid-de",
                      {rd("prod_de.silver_billing.invoice_adjustments", 54), wr("prod_de.silverbilling.invoice_adjustments", "append", 50)})
                .build();
  auto f = run_rule("DEP005", m);
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 54);
  CHECK(f[0].subject == "prod_de.silver_billing.invoice_adjustments");
}

TEST_CASE("DEP005 look-alikes: produced, external, unresolved, another team's unscanned code, unqualified") {
  Model m = ModelBuilder()
                .file("de/a.py", "nordgrid-de",
                      {rd("prod_de.silver_metering.readings"), rd("system.information_schema.tables"),
                       rd("{catalog}.silver_metering.x"), rd("prod_fr.silver_metering.load_curve"),  // electra-fr not scanned
                       rd("silver_metering.meters"), rd("hive_metastore.crm.customers")})           // no owner, not all teams scanned
                .file("de/b.py", "nordgrid-de", {wr("prod_de.silver_metering.readings", "create")})
                .build();
  CHECK(run_rule("DEP005", m).empty());
}

TEST_CASE("DEP005: an ownerless table is checked once every registered team was analysed") {
  Model m = ModelBuilder()
                .file("de/a.py", "nordgrid-de", {rd("hive_metastore.crm.customers")})
                .file("fr/a.py", "electra-fr", {wr("prod_fr.silver_metering.x")})
                .file("ml/a.py", "demand-forecasting", {wr("prod_eu.gold_forecast.x")})
                .build();
  CHECK(run_rule("DEP005", m).size() == 1);
}

TEST_CASE("DEP005 without a team registry: only where the schema's producers were analysed") {
  Model m = ModelBuilder()
                .no_teams()
                .file("a.py", "", {rd("prod_de.silver_billing.invoice_adjustments"), rd("prod_de.silver_metering.readings"),
                                   wr("prod_de.silver_billing.invoice_lines")})
                .build();
  auto f = run_rule("DEP005", m);
  REQUIRE(f.size() == 1);  // readings: nothing of silver_metering is analysed, so nothing is known
  CHECK(f[0].subject == "prod_de.silver_billing.invoice_adjustments");
}

TEST_CASE("DEP007: an overwrite of a table other pipelines read lists the readers") {
  Model m = ModelBuilder()
                .file("analytics/churn.py", "", {rd("prod_de.gold_billing.invoices", 17)})
                .file("de/billing_job.py", "nordgrid-de",
                      {rd("prod_de.gold_billing.invoices", 40), wr("prod_de.gold_billing.invoices", "append", 44),
                       wr("prod_de.gold_billing.invoices", "overwrite", 48)})
                .file("reg/report.py", "", {rd("prod_de.gold_billing.invoices", 9)})
                .build();
  auto f = run_rule("DEP007", m);
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 48);
  REQUIRE(f[0].related.size() == 2);  // its own read is an incremental self-read
  CHECK(f[0].related[0].loc.path == "analytics/churn.py");
  CHECK(f[0].related[1].loc.path == "reg/report.py");
}

TEST_CASE("DEP007 look-alikes: CREATE IF NOT EXISTS, merge, append, unread tables, self-reads") {
  Model m = ModelBuilder()
                .file("a.sql", "", {wr("prod_de.gold_regulatory.q", "create"), wr("prod_de.gold_grid.l", "merge"),
                                    wr("prod_de.gold_grid.m", "append"), wr("prod_de.gold_grid.unread", "overwrite"),
                                    rd("prod_de.gold_grid.self"), wr("prod_de.gold_grid.self", "overwrite")})
                .file("b.py", "", {rd("prod_de.gold_regulatory.q"), rd("prod_de.gold_grid.l"), rd("prod_de.gold_grid.m")})
                .build();
  CHECK(run_rule("DEP007", m).empty());
}

TEST_CASE("DEP007: every destructive mode of SPEC 7 fires") {
  for (std::string mode : {"overwrite", "replace", "truncate", "drop"}) {
    Model m = ModelBuilder().file("a.py", "", {wr("prod_de.gold_grid.x", mode)}).file("b.py", "", {rd("prod_de.gold_grid.x")}).build();
    CHECK(run_rule("DEP007", m).size() == 1);
  }
}

TEST_CASE("DEP011: gold built straight from bronze") {
  Model m = ModelBuilder()
                .file("fr/jobs/monthly_kwh.py", "electra-fr",
                      {rd("prod_fr.bronze_metering.linky_raw", 10), wr("prod_fr.gold_metering.monthly_kwh", "overwrite", 14)})
                .build();
  auto f = run_rule("DEP011", m);
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 14);
  CHECK(f[0].related.at(0).loc.line == 10);
}

TEST_CASE("DEP011 look-alikes: through silver, silver from bronze, two layers only") {
  Model m = ModelBuilder()
                .file("a.py", "", {rd("prod_lu.bronze_core.readings"), rd("prod_lu.silver_core.readings"), wr("prod_lu.gold_metering.q")})
                .file("b.py", "", {rd("prod_fr.bronze_metering.raw"), wr("prod_fr.silver_metering.clean")})
                .build();
  CHECK(run_rule("DEP011", m).empty());
  Model two = ModelBuilder({"bronze", "gold"}).file("a.py", "", {rd("prod_fr.bronze_metering.raw"), wr("prod_fr.gold_metering.x")}).build();
  CHECK(run_rule("DEP011", two).empty());
}

TEST_CASE("graph rules survive an empty model and hostile names") {
  Model empty = ModelBuilder().build();
  for (const char* id : {"DEP001", "DEP002", "DEP003", "DEP005", "DEP007", "DEP011"}) CHECK(run_rule(id, empty).empty());
  std::string weird = std::string("prod_de.gold_grid.\xff\xfe\0x", 22) + std::string(5000, '{');
  Model m = ModelBuilder().file("a.py", "", {rd(weird), wr(weird, "overwrite"), rd("")}).file("b.py", "", {rd(weird)}).build();
  for (const char* id : {"DEP001", "DEP002", "DEP003", "DEP005", "DEP007", "DEP011"}) CHECK_NOTHROW(run_rule(id, m));
}

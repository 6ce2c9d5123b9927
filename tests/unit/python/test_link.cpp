#include <catch2/catch.hpp>

#include <algorithm>

#include "render.h"

using V = std::vector<std::string>;

TEST_CASE("constants imported from another module are resolved in link", "[python][link]") {
  pltest::Repo repo;
  repo.add("conf/tables.py", "SILVER_READINGS = \"prod_de.silver_meter.readings\"\nCATALOG = \"prod_de\"\n");
  repo.add("jobs/a.py",
           "from conf.tables import SILVER_READINGS\n"
           "import conf.tables as t\n"
           "from conf import tables\n"
           "df = spark.table(SILVER_READINGS)\n"
           "df2 = spark.table(t.SILVER_READINGS)\n"
           "df3 = spark.table(f\"{tables.CATALOG}.gold_x.y\")\n");
  CHECK(repo.records("jobs/a.py") == V{"4:12 read {SILVER_READINGS} - table", "5:13 read {SILVER_READINGS} - table",
                                        "6:19 read {CATALOG}.gold_x.y - table"});
  repo.link();
  CHECK(repo.records("jobs/a.py") == V{"4:12 read prod_de.silver_meter.readings - table",
                                        "5:13 read prod_de.silver_meter.readings - table",
                                        "6:19 read prod_de.gold_x.y - table"});
}

TEST_CASE("relative imports and re-exports", "[python][link]") {
  pltest::Repo repo;
  repo.add("pipelines/billing/constants.py", "TARGET = \"prod_de.gold_billing.daily\"\n");
  repo.add("pipelines/billing/__init__.py", "from .constants import TARGET\n");
  repo.add("pipelines/billing/job.py", "from . import constants\nfrom .constants import TARGET\ndf.write.saveAsTable(TARGET)\n");
  repo.add("jobs/other.py", "from pipelines.billing import TARGET\ndf.write.saveAsTable(TARGET)\n");
  repo.link();
  CHECK(repo.records("pipelines/billing/job.py") == V{"3:10 write prod_de.gold_billing.daily errorifexists saveAsTable"});
  CHECK(repo.records("jobs/other.py") == V{"2:10 write prod_de.gold_billing.daily errorifexists saveAsTable"});
}

TEST_CASE("a name that is not constant in its module stays a hole", "[python][link]") {
  pltest::Repo repo;
  repo.add("conf/env.py", "import os\nif os.getenv('X'):\n    T = 'prod.a.b'\nelse:\n    T = 'dev.a.b'\n");
  repo.add("jobs/a.py", "from conf.env import T\nspark.table(T)\n");
  repo.link();
  CHECK(repo.records("jobs/a.py") == V{"2:7 read {T} - table"});
}

TEST_CASE("a module skipped by the prefilter is loaded on demand", "[python][link]") {
  pltest::Repo repo;
  std::string constants = "BRONZE = 'prod_nl.bronze_meter.raw'\n";
  CHECK_FALSE(pipelint::py::may_contain_access(constants));
  repo.add_skipped("conf/names.py", constants);
  repo.add("jobs/a.py", "from conf.names import BRONZE\nspark.read.table(BRONZE)\n");
  repo.link();
  CHECK(repo.records("jobs/a.py") == V{"2:12 read prod_nl.bronze_meter.raw - table"});
  CHECK(std::find(repo.load_calls.begin(), repo.load_calls.end(), "conf/names.py") != repo.load_calls.end());
}

TEST_CASE("imported helpers are instantiated at the importing call site", "[python][link]") {
  pltest::Repo repo;
  repo.add("common/io.py",
           "def upsert(df, target, mode='overwrite'):\n"
           "    df.write.format('delta').mode(mode).saveAsTable(target)\n");
  repo.add("jobs/a.py",
           "from common.io import upsert\n"
           "import common.io as io\n"
           "upsert(df, 'prod_de.silver_billing.a')\n"
           "io.upsert(df, 'prod_de.silver_billing.b', mode='append')\n");
  // Before link the helper looks uncalled: a name that is only a parameter says nothing.
  CHECK(repo.records("common/io.py").empty());
  repo.link();
  CHECK(repo.records("jobs/a.py") == V{"3:12 write prod_de.silver_billing.a overwrite saveAsTable",
                                        "4:15 write prod_de.silver_billing.b append saveAsTable"});
  CHECK(repo.records("common/io.py").empty());
}

TEST_CASE("%run brings helpers, constants and widget defaults into a notebook", "[python][link]") {
  pltest::Repo repo;
  repo.add("notebooks/helpers.py",
           "# Databricks notebook source\n"
           "dbutils.widgets.text('env', 'prod')\n"
           "SCHEMA = 'silver_billing'\n"
           "def save(df, name):\n"
           "    df.write.mode('overwrite').saveAsTable(name)\n");
  repo.add("notebooks/job.py",
           "# Databricks notebook source\n"
           "# MAGIC %run ./helpers\n"
           "\n"
           "# COMMAND ----------\n"
           "\n"
           "env = dbutils.widgets.get('env')\n"
           "save(df, f'{env}_de.{SCHEMA}.invoices')\n");
  repo.link();
  CHECK(repo.records("notebooks/job.py") == V{"7:10 write {env}_de.silver_billing.invoices overwrite saveAsTable"});
  const auto& a = repo.raw("notebooks/job.py").accesses.at(0);
  REQUIRE(a.name.parts.at(0).hole);
  CHECK(a.name.parts[0].default_value == std::optional<std::string>("prod"));
  CHECK(repo.records("notebooks/helpers.py").empty());
}

TEST_CASE("an unresolvable import stays a hole after link", "[python][link]") {
  pltest::Repo repo;
  repo.add("jobs/a.py", "from thirdparty.names import T\nspark.table(T)\n");
  repo.link();
  CHECK(repo.records("jobs/a.py") == V{"2:7 read {T} - table"});
}

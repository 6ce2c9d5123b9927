#include <catch2/catch.hpp>

#include "render.h"

using pltest::run;
using V = std::vector<std::string>;

TEST_CASE("a view registered from a DataFrame is not read as a table later in the file", "[python][views]") {
  auto r = run(
      "lines.createOrReplaceTempView(\"new_lines\")\n"
      "spark.sql(\"MERGE INTO prod.billing.lines AS t USING new_lines AS s ON t.id = s.id\")\n"
      "spark.sql(\"SELECT * FROM new_lines_archive\")\n");
  CHECK(r == V{"2:23 write prod.billing.lines merge spark.sql:MERGE",
               "3:26 read new_lines_archive - spark.sql:SELECT"});
}

TEST_CASE("view names are case-insensitive and every registration API counts", "[python][views]") {
  auto r = run(
      "a.createTempView(\"Staging\")\n"
      "b.registerTempTable(\"legacy\")\n"
      "c.createGlobalTempView(\"shared\")\n"
      "spark.table(\"staging\")\n"
      "spark.read.table(\"LEGACY\")\n"
      "spark.table(\"global_temp.shared\")\n"
      "spark.sql(\"SELECT * FROM global_temp.shared JOIN prod.a.shared USING (id)\")\n"
      "spark.table(\"prod.a.staging\")\n");
  CHECK(r == V{"7:50 read prod.a.shared - spark.sql:SELECT", "8:13 read prod.a.staging - table"});
}

TEST_CASE("a view created by an earlier spark.sql is not a table in a later one", "[python][views]") {
  auto r = run(
      "spark.sql(\"CREATE OR REPLACE TEMPORARY VIEW updates AS SELECT * FROM prod.a.src\")\n"
      "spark.sql(\"CREATE TABLE prod.a.kept AS SELECT 1\")\n"
      "spark.sql(\"CACHE TABLE hot AS SELECT * FROM prod.a.src2\")\n"
      "spark.sql(\"INSERT INTO prod.a.dst SELECT * FROM updates JOIN hot JOIN kept\")\n");
  CHECK(r == V{"1:70 read prod.a.src - spark.sql:CREATE", "2:25 write prod.a.kept create spark.sql:CREATE",
               "3:45 read prod.a.src2 - spark.sql:CACHE", "4:24 write prod.a.dst append spark.sql:INSERT",
               "4:71 read kept - spark.sql:INSERT"});
}

TEST_CASE("a temp view in a %sql cell hides Python reads of it, and the other way round", "[python][views]") {
  auto r = run(
      "# Databricks notebook source\n"
      "df.createOrReplaceTempView(\"py_view\")\n"
      "# COMMAND ----------\n"
      "# MAGIC %sql\n"
      "# MAGIC CREATE TEMP VIEW sql_view AS SELECT * FROM py_view JOIN prod.a.dim USING (id)\n"
      "# COMMAND ----------\n"
      "spark.table(\"sql_view\").write.saveAsTable(\"prod.a.out\")\n",
      "notebooks/nb.py");
  CHECK(r == V{"5:65 read prod.a.dim - %sql:CREATE", "7:43 write prod.a.out errorifexists saveAsTable"});
}

TEST_CASE("the chain that registers a view still reads the table of the same name", "[python][views]") {
  auto r = run(
      "spark.table(\"sales\").createOrReplaceTempView(\"sales\")\n"
      "orders = spark.read.table(\"orders\")\n"
      "orders.createOrReplaceTempView(\"orders\")\n"
      "spark.sql(\"SELECT * FROM sales JOIN orders USING (id)\")\n");
  CHECK(r == V{"1:13 read sales - table", "2:27 read orders - table"});
}

TEST_CASE("a view registered anywhere in the file hides reads before it too", "[python][views]") {
  auto r = run(
      "def report():\n"
      "    return spark.sql(\"SELECT * FROM daily\")\n"
      "def prepare(df):\n"
      "    df.createOrReplaceTempView(\"daily\")\n");
  CHECK(r.empty());
}

TEST_CASE("@dlt.view names are views for spark.sql and LIVE reads", "[python][views]") {
  auto r = run(
      "import dlt\n"
      "@dlt.view\n"
      "def cleaned():\n"
      "    return spark.table(\"prod.a.raw\")\n"
      "@dlt.table\n"
      "def final():\n"
      "    return spark.sql(\"SELECT * FROM LIVE.cleaned JOIN prod.a.dim USING (id)\")\n");
  CHECK(r == V{"4:24 read prod.a.raw - table", "6:5 write final - dlt.table",
               "7:55 read prod.a.dim - spark.sql:SELECT"});
}

TEST_CASE("views of a %run-included notebook count", "[python][views][link]") {
  pltest::Repo repo;
  repo.add("nb/setup.py",
           "# Databricks notebook source\n"
           "spark.table(\"prod.a.src\").createOrReplaceTempView(\"src_v\")\n");
  repo.add("nb/main.py",
           "# Databricks notebook source\n"
           "# MAGIC %run ./setup\n"
           "# COMMAND ----------\n"
           "spark.sql(\"INSERT INTO prod.a.dst SELECT * FROM src_v JOIN src_w\")\n");
  repo.link();
  CHECK(repo.records("nb/main.py") == V{"4:24 write prod.a.dst append spark.sql:INSERT",
                                        "4:60 read src_w - spark.sql:INSERT"});
}

TEST_CASE("SQL words in strings and comments do not create views", "[python][views]") {
  auto r = run(
      "spark.sql(\"SELECT 'create temp view fake' AS s -- create temp view fake2\\n FROM prod.a.t\")\n"
      "spark.table(\"fake\")\n"
      "spark.table(\"fake2\")\n");
  CHECK(r == V{"1:81 read prod.a.t - spark.sql:SELECT", "2:13 read fake - table", "3:13 read fake2 - table"});
}

// Patterns found by measuring the extractor on public Spark/Databricks SQL
// (tests/bench/accuracy/SQL.md). Each has a firing case and a look-alike.
#include <catch2/catch.hpp>

#include "sql_test_support.h"

using namespace pipelint::sql;
using namespace pipelint::sql::testing;

TEST_CASE("a Databricks notebook cell marker ends a statement that has no ';'", "[sql][notebook]") {
  const std::string notebook =
      "-- Databricks notebook source\n"
      "CREATE OR REPLACE TABLE prod_de.gold_x.daily AS SELECT * FROM prod_de.silver_x.readings\n"
      "\n-- COMMAND ----------\n\n"
      "INSERT OVERWRITE prod_de.gold_x.monthly SELECT * FROM prod_de.gold_x.daily\n"
      "-- COMMAND ----------\n"
      "MERGE INTO prod_de.gold_x.meters m USING prod_de.silver_x.meters s ON m.id = s.id "
      "WHEN MATCHED THEN UPDATE SET *\n";
  auto r = extract(notebook);
  CHECK(accesses(r) == Lines{"write table prod_de.gold_x.daily replace", "read table prod_de.silver_x.readings",
                             "write table prod_de.gold_x.monthly overwrite", "read table prod_de.gold_x.daily",
                             "write table prod_de.gold_x.meters merge", "read table prod_de.silver_x.meters"});
  CHECK_FALSE(r.error);
  REQUIRE(r.accesses.size() == 6);
  CHECK(r.accesses[2].statement == "INSERT");
  CHECK(r.accesses[4].statement == "MERGE");
}

TEST_CASE("other comments do not split a statement", "[sql][notebook]") {
  // Only the cell marker splits: a comment that merely mentions COMMAND does not.
  CHECK(accesses("INSERT INTO prod_fr.gold_b.invoices\n-- COMMAND: reload the invoices\n"
                 "SELECT * FROM prod_fr.silver_b.invoices") ==
        Lines{"write table prod_fr.gold_b.invoices append", "read table prod_fr.silver_b.invoices"});
  CHECK(accesses("SELECT * FROM a.b -- COMMAND ---------- in a trailing comment\nJOIN a.c ON 1 = 1") ==
        Lines{"read table a.b"});
}

TEST_CASE("IDENTIFIER(variable) names a table through a SQL session variable", "[sql][names]") {
  CHECK(accesses("DROP TABLE IF EXISTS identifier(target_tbl)") == Lines{"write table {target_tbl} drop"});
  CHECK(accesses("INSERT INTO identifier(session.target_tbl) SELECT * FROM identifier(system.session.src_tbl)") ==
        Lines{"write table {target_tbl} append", "read table {src_tbl}"});
  CHECK(accesses("MERGE INTO IDENTIFIER(session.gold_tbl) g USING staged_rows s ON g.id = s.id "
                 "WHEN MATCHED THEN DELETE") ==
        Lines{"write table {gold_tbl} merge", "read table staged_rows"});
  // A function call inside IDENTIFIER is an expression we do not evaluate.
  auto r = extract("SELECT * FROM IDENTIFIER(concat(cat_name, '.silver.t'))");
  CHECK(accesses(r).empty());
  CHECK(r.error);
}

TEST_CASE("SET VARIABLE with a query reads the query's tables", "[sql][read]") {
  CHECK(accesses("SET VARIABLE last_load = (SELECT max(loaded_at) FROM prod_nl.silver_g.load_log)") ==
        Lines{"read table prod_nl.silver_g.load_log"});
  CHECK(accesses("SET VAR (a, b) = (SELECT min(x), max(x) FROM identifier(session.src))") ==
        Lines{"read table {src}"});
  // A configuration SET is not a query, whatever its value says.
  CHECK(accesses("SET spark.sql.shuffle.partitions = 8").empty());
  CHECK(accesses("SET my.conf = select * from prod.s.t").empty());
}

TEST_CASE("WITH name AS [NOT] MATERIALIZED (...) is a CTE", "[sql][cte]") {
  CHECK(accesses("WITH s AS MATERIALIZED (SELECT * FROM prod_lu.silver_r.regions) "
                 "INSERT INTO prod_lu.gold_r.regions SELECT * FROM s") ==
        Lines{"read table prod_lu.silver_r.regions", "write table prod_lu.gold_r.regions append"});
  CHECK(accesses("WITH s AS NOT MATERIALIZED (SELECT 1 AS c) FROM s INSERT INTO t1 SELECT c INSERT INTO t2 SELECT c") ==
        Lines{"write table t1 append", "write table t2 append"});
  // A column called materialized is still a column.
  CHECK(accesses("WITH s AS (SELECT materialized FROM prod.v.m) SELECT * FROM s") == Lines{"read table prod.v.m"});
}

TEST_CASE("FROM STREAM name reads the streamed table", "[sql][read]") {
  CHECK(accesses("CREATE STREAMING TABLE silver_tx AS SELECT * FROM STREAM bronze_tx t LEFT JOIN fraud_reports f USING (id)") ==
        Lines{"write table silver_tx", "read table bronze_tx", "read table fraud_reports"});
  CHECK(accesses("CREATE OR REFRESH MATERIALIZED VIEW gold_x AS SELECT * FROM STREAM bronze_x") ==
        Lines{"write table gold_x", "read table bronze_x"});
  CHECK(accesses("SELECT * FROM STREAM prod.bronze.tx") == Lines{"read table prod.bronze.tx"});
  // A table named stream, with an alias, outside a pipeline definition.
  CHECK(accesses("SELECT * FROM stream s") == Lines{"read table stream"});
  CHECK(accesses("SELECT * FROM stream LEFT JOIN other o ON 1 = 1") ==
        Lines{"read table stream", "read table other"});
}

TEST_CASE("CREATE INCREMENTAL LIVE TABLE is a declarative pipeline table", "[sql][write]") {
  CHECK(accesses("CREATE INCREMENTAL LIVE TABLE orders_raw AS SELECT * FROM cloud_files('/mnt/raw', 'json')") ==
        Lines{"write table orders_raw"});
  CHECK(accesses("CREATE TABLE incremental AS SELECT * FROM s.t") ==
        Lines{"write table incremental create", "read table s.t"});
}

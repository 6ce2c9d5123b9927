#include <catch2/catch.hpp>

#include "sql_test_support.h"

using namespace pipelint::sql;
using namespace pipelint::sql::testing;

TEST_CASE("INSERT modes: INTO appends, OVERWRITE and REPLACE WHERE overwrite", "[sql][write]") {
  CHECK(accesses("INSERT INTO prod_de.gold_x.daily SELECT * FROM prod_de.silver_x.readings") ==
        Lines{"write table prod_de.gold_x.daily append", "read table prod_de.silver_x.readings"});
  CHECK(accesses("INSERT OVERWRITE TABLE g.daily PARTITION (d = '2024-01-01') SELECT * FROM s.r") ==
        Lines{"write table g.daily overwrite", "read table s.r"});
  CHECK(accesses("INSERT INTO g.daily REPLACE WHERE d >= '2024-01-01' SELECT * FROM s.r") ==
        Lines{"write table g.daily overwrite", "read table s.r"});
  CHECK(accesses("INSERT INTO TABLE g.daily (a, b) VALUES (1, 2), (3, 4)") == Lines{"write table g.daily append"});
  CHECK(accesses("INSERT INTO g.daily BY NAME SELECT * FROM s.r") ==
        Lines{"write table g.daily append", "read table s.r"});
}

TEST_CASE("a table read and written by one statement gives both records", "[sql][write]") {
  auto r = extract("INSERT INTO s.t SELECT * FROM s.t");
  REQUIRE(accesses(r) == Lines{"write table s.t append", "read table s.t"});
  CHECK(r.accesses[0].offset == 12);
  CHECK(r.accesses[1].offset == 30);
  CHECK(r.accesses[0].statement == "INSERT");
  CHECK(r.accesses[1].statement == "INSERT");
}

TEST_CASE("WITH statements take the main statement's keyword", "[sql][write]") {
  auto r = extract("WITH x AS (SELECT * FROM s.src) INSERT OVERWRITE g.t SELECT * FROM x");
  REQUIRE(accesses(r) == Lines{"read table s.src", "write table g.t overwrite"});
  CHECK(r.accesses[0].statement == "INSERT");
  CHECK(extract("WITH x AS (SELECT 1) SELECT * FROM s.a").accesses[0].statement == "SELECT");
}

TEST_CASE("MERGE writes the target and reads the source", "[sql][write]") {
  auto r = extract("MERGE INTO prod.silver.meters AS t USING prod.bronze.meters s ON t.id = s.id "
                   "WHEN MATCHED THEN UPDATE SET t.a = s.a, t.b = s.b "
                   "WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.a) "
                   "WHEN NOT MATCHED BY SOURCE THEN DELETE");
  CHECK(accesses(r) == Lines{"write table prod.silver.meters merge", "read table prod.bronze.meters"});
  CHECK(r.accesses[0].statement == "MERGE");
  CHECK(accesses("MERGE WITH SCHEMA EVOLUTION INTO s.t USING (SELECT * FROM s.u JOIN s.v ON 1=1) src ON 1=1 "
                 "WHEN MATCHED THEN UPDATE SET *") ==
        Lines{"write table s.t merge", "read table s.u", "read table s.v"});
}

TEST_CASE("CREATE modes and views", "[sql][write]") {
  CHECK(accesses("CREATE TABLE IF NOT EXISTS g.t USING delta LOCATION 's3://b/x' AS SELECT * FROM s.a") ==
        Lines{"write table g.t create", "read table s.a"});
  CHECK(accesses("CREATE OR REPLACE TABLE g.t AS SELECT * FROM s.a") ==
        Lines{"write table g.t replace", "read table s.a"});
  CHECK(accesses("CREATE OR REPLACE VIEW g.v AS SELECT * FROM s.a") ==
        Lines{"write table g.v replace", "read table s.a"});
  CHECK(accesses("REPLACE TABLE g.t USING delta AS SELECT 1") == Lines{"write table g.t replace"});
  CHECK(accesses("CREATE TABLE g.t SHALLOW CLONE s.a VERSION AS OF 3") ==
        Lines{"write table g.t create", "read table s.a"});
  CHECK(accesses("CREATE TABLE g.t LIKE s.a") == Lines{"write table g.t create"});
  CHECK(accesses("CREATE SCHEMA IF NOT EXISTS prod.gold").empty());
  CHECK(accesses("CREATE CATALOG prod; CREATE DATABASE d; CREATE FUNCTION f AS 'x'").empty());
}

TEST_CASE("UPDATE, DELETE, TRUNCATE, DROP", "[sql][write]") {
  CHECK(accesses("UPDATE s.t SET a = (SELECT max(a) FROM s.u) WHERE b = 1") ==
        Lines{"write table s.t update", "read table s.u"});
  CHECK(accesses("DELETE FROM s.t WHERE id IN (SELECT id FROM s.gone)") ==
        Lines{"write table s.t delete", "read table s.gone"});
  CHECK(accesses("TRUNCATE TABLE s.t PARTITION (d = 1)") == Lines{"write table s.t truncate"});
  CHECK(accesses("DROP TABLE IF EXISTS s.t; DROP VIEW s.v; DROP MATERIALIZED VIEW s.m") ==
        Lines{"write table s.t drop", "write table s.v drop", "write table s.m drop"});
  CHECK(accesses("DROP SCHEMA s CASCADE; DROP FUNCTION f").empty());
  CHECK(accesses("CREATE TEMP VIEW tv AS SELECT 1; DROP VIEW tv; DROP TEMPORARY VIEW other").empty());
}

TEST_CASE("COPY INTO appends and reads the path", "[sql][write]") {
  CHECK(accesses("COPY INTO prod.bronze.readings FROM 's3://landing/readings/' FILEFORMAT = CSV "
                 "FORMAT_OPTIONS ('header' = 'true', 'sep' = ';')") ==
        Lines{"write table prod.bronze.readings append", "read path s3://landing/readings/"});
  CHECK(accesses("COPY INTO b.r FROM (SELECT _c0::int AS id FROM '/Volumes/land/x') FILEFORMAT = CSV") ==
        Lines{"write table b.r append", "read path /Volumes/land/x"});
}

TEST_CASE("CACHE TABLE reads; CACHE TABLE v AS SELECT defines a temporary view", "[sql][write]") {
  CHECK(accesses("CACHE TABLE s.t") == Lines{"read table s.t"});
  CHECK(accesses("CACHE LAZY TABLE s.t OPTIONS ('storageLevel' 'DISK_ONLY')") == Lines{"read table s.t"});
  CHECK(accesses("CACHE TABLE hot AS SELECT * FROM s.t; SELECT * FROM hot") == Lines{"read table s.t"});
  CHECK(accesses("UNCACHE TABLE s.t").empty());
}

TEST_CASE("inspect and maintenance statements produce no access", "[sql][maintenance]") {
  const char* statements[] = {
      "DESCRIBE TABLE EXTENDED s.t", "DESC s.t", "SHOW TABLES IN s", "SHOW CREATE TABLE s.t",
      "OPTIMIZE s.t ZORDER BY (a)", "VACUUM s.t RETAIN 168 HOURS", "ANALYZE TABLE s.t COMPUTE STATISTICS",
      "USE CATALOG prod", "USE s", "SET spark.sql.shuffle.partitions = 8", "RESET", "REFRESH TABLE s.t",
      "MSCK REPAIR TABLE s.t", "ALTER TABLE s.t ADD COLUMNS (c INT)", "ALTER TABLE s.t RENAME TO s.u",
      "GRANT SELECT ON TABLE s.t TO `analysts`", "REVOKE SELECT ON TABLE s.t FROM `x`",
      "COMMENT ON TABLE s.t IS 'readings'", "EXPLAIN SELECT * FROM s.t", "SHOW COLUMNS FROM s.t"};
  for (const char* sql : statements) {
    INFO(sql);
    auto r = extract(sql);
    CHECK(r.accesses.empty());
    CHECK_FALSE(r.error);
  }
}

TEST_CASE("several statements in one text", "[sql][write]") {
  CHECK(accesses("USE prod; INSERT INTO g.t SELECT * FROM s.a;\n-- done\nDELETE FROM s.a WHERE x;") ==
        Lines{"write table g.t append", "read table s.a", "write table s.a delete"});
}

TEST_CASE("multi-insert FROM src INSERT ... INSERT ...", "[sql][write]") {
  auto r = extract("FROM s.src INSERT OVERWRITE TABLE g.a SELECT x INSERT INTO g.b SELECT y");
  CHECK(accesses(r) == Lines{"read table s.src", "write table g.a overwrite", "write table g.b append"});
  CHECK(r.accesses[0].statement == "INSERT");
}

TEST_CASE("INSERT OVERWRITE DIRECTORY and LOAD DATA", "[sql][write]") {
  CHECK(accesses("INSERT OVERWRITE DIRECTORY '/tmp/out' USING parquet SELECT * FROM s.t") ==
        Lines{"write path /tmp/out overwrite", "read table s.t"});
  CHECK(accesses("LOAD DATA INPATH '/landing/x.csv' OVERWRITE INTO TABLE s.t") ==
        Lines{"read path /landing/x.csv", "write table s.t overwrite"});
}

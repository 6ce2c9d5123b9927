#include <catch2/catch.hpp>

#include "sql_test_support.h"

using namespace pipelint::sql;
using namespace pipelint::sql::testing;

TEST_CASE("select reads every table of joins and comma lists", "[sql][read]") {
  CHECK(accesses("SELECT r.meter_id, m.region FROM prod_de.silver_metering.readings r "
                 "JOIN prod_de.silver_metering.meters AS m ON r.meter_id = m.meter_id "
                 "LEFT ANTI JOIN prod_de.silver_metering.blocked b ON b.id = r.meter_id "
                 "LEFT SEMI JOIN s.t2 ON 1 = 1 CROSS JOIN s.t3") ==
        Lines{"read table prod_de.silver_metering.readings", "read table prod_de.silver_metering.meters",
              "read table prod_de.silver_metering.blocked", "read table s.t2", "read table s.t3"});
  CHECK(accesses("select * from a.x, a.y y, (select 1) z, a.w where x.k = y.k") ==
        Lines{"read table a.x", "read table a.y", "read table a.w"});
}

TEST_CASE("a comma after the FROM list ends is not a relation", "[sql][read]") {
  CHECK(accesses("SELECT a, b FROM s.t WHERE a IN (1, 2) GROUP BY a, b ORDER BY a, b") ==
        Lines{"read table s.t"});
  CHECK(accesses("SELECT k, v FROM s.t LATERAL VIEW explode(m) e AS k, v") == Lines{"read table s.t"});
}

TEST_CASE("subqueries, set operations and TABLE t are read", "[sql][read]") {
  CHECK(accesses("SELECT * FROM (SELECT * FROM s.a UNION ALL SELECT * FROM s.b) u "
                 "WHERE id IN (SELECT id FROM s.c) AND EXISTS (SELECT 1 FROM s.d)") ==
        Lines{"read table s.a", "read table s.b", "read table s.c", "read table s.d"});
  CHECK(accesses("TABLE s.a") == Lines{"read table s.a"});
  CHECK(accesses("SELECT * FROM s.a EXCEPT TABLE s.b") == Lines{"read table s.a", "read table s.b"});
  CHECK(accesses("SELECT * FROM (s.a JOIN s.b USING (id))") == Lines{"read table s.a", "read table s.b"});
}

TEST_CASE("FROM inside EXTRACT, TRIM, SUBSTRING and IS DISTINCT FROM is not a table", "[sql][read]") {
  CHECK(accesses("SELECT EXTRACT(YEAR FROM ts), TRIM(BOTH ' ' FROM name), SUBSTRING(code FROM 2 FOR 3), "
                 "a IS DISTINCT FROM b, c IS NOT DISTINCT FROM d FROM s.readings") ==
        Lines{"read table s.readings"});
}

TEST_CASE("table-valued functions, VALUES and aliases are not tables", "[sql][read]") {
  CHECK(accesses("SELECT * FROM range(10)").empty());
  CHECK(accesses("SELECT * FROM read_files('/Volumes/x', format => 'csv') f, s.t").size() == 1);
  CHECK(accesses("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(id, name)").empty());
  CHECK(accesses("SELECT * FROM explode(array(1, 2)) AS e JOIN s.t AS explode ON 1=1") ==
        Lines{"read table s.t"});
}

TEST_CASE("time travel, sampling and pivot keep the table", "[sql][read]") {
  CHECK(accesses("SELECT * FROM s.t TIMESTAMP AS OF '2024-01-01' JOIN s.u VERSION AS OF 3 ON 1=1") ==
        Lines{"read table s.t", "read table s.u"});
  CHECK(accesses("SELECT * FROM s.t@v123") == Lines{"read table s.t"});
  CHECK(accesses("SELECT * FROM s.t TABLESAMPLE (10 PERCENT) x, s.u") == Lines{"read table s.t", "read table s.u"});
  CHECK(accesses("SELECT * FROM s.t PIVOT (sum(kwh) FOR month IN ('jan', 'feb'))") == Lines{"read table s.t"});
}

TEST_CASE("CTE names are not tables and shadow real names within their statement", "[sql][cte]") {
  CHECK(accesses("WITH readings AS (SELECT * FROM prod.silver.readings), "
                 "daily (d, kwh) AS (SELECT d, sum(kwh) FROM readings GROUP BY d) "
                 "SELECT * FROM daily JOIN readings ON 1=1") == Lines{"read table prod.silver.readings"});
  // The CTE scope is its statement: the next statement reads the real table.
  CHECK(accesses("WITH t AS (SELECT 1) SELECT * FROM t; SELECT * FROM t") == Lines{"read table t"});
  // A qualified name is never a CTE.
  CHECK(accesses("WITH t AS (SELECT 1) SELECT * FROM s.t") == Lines{"read table s.t"});
  CHECK(accesses("WITH RECURSIVE r AS (SELECT 1 UNION ALL SELECT n FROM r) SELECT * FROM r").empty());
}

TEST_CASE("temporary views created in the text are not tables", "[sql][temp]") {
  CHECK(accesses("CREATE OR REPLACE TEMP VIEW latest AS SELECT * FROM s.readings; "
                 "INSERT INTO g.daily SELECT * FROM latest") ==
        Lines{"read table s.readings", "write table g.daily append"});
  CHECK(accesses("CREATE GLOBAL TEMPORARY VIEW gv AS SELECT 1; SELECT * FROM global_temp.gv").empty());
  // A view of the same name that is not temporary is a table.
  CHECK(accesses("CREATE VIEW latest AS SELECT 1; SELECT * FROM latest") ==
        Lines{"write table latest create", "read table latest"});
}

TEST_CASE("keywords in strings and comments are not tables", "[sql][read]") {
  CHECK(accesses("SELECT 'FROM s.fake' AS x, \"JOIN s.fake2\" -- FROM s.fake3\n"
                 "/* FROM s.fake4 /* nested FROM s.fake5 */ still comment FROM s.fake6 */ FROM s.real") ==
        Lines{"read table s.real"});
  // A raw string ends at the first quote; a plain one skips \' escapes.
  auto r = extract("SELECT r'C:\\dir\\' AS p, 'it\\'s FROM s.fake' AS q FROM s.real");
  CHECK(accesses(r) == Lines{"read table s.real"});
  CHECK_FALSE(r.error);
}

TEST_CASE("Delta Live Tables STREAM() reads the table", "[sql][read]") {
  CHECK(accesses("CREATE OR REFRESH STREAMING TABLE silver_x AS SELECT * FROM STREAM(live.bronze_x)") ==
        Lines{"write table silver_x", "read table live.bronze_x"});
  CHECK(accesses("SELECT * FROM stream s") == Lines{"read table stream"});
}

TEST_CASE("table_changes('t', v) reads t; other functions and a plain table of that name do not", "[sql][read]") {
  std::string sql = "SELECT * FROM table_changes('prod.silver.`meters-v2`', 3)";
  auto r = extract(sql);
  CHECK(accesses(r) == Lines{"read table prod.silver.meters-v2"});
  CHECK(r.accesses[0].offset == sql.find('\''));
  CHECK(accesses("SELECT * FROM table_changes_log('prod.silver.m', 3)").empty());
  CHECK(accesses("SELECT * FROM table_changes") == Lines{"read table table_changes"});
}

#include <catch2/catch.hpp>

#include "sql_test_support.h"

using namespace pipelint::sql;
using pipelint::sql::testing::Lines;

namespace {

// "table.column how [-> target[ as alias]] @offset" per column reference.
Lines cols(std::string_view sql) {
  SqlResult r = extract(sql);
  Lines out;
  for (const auto& c : r.columns) {
    std::string s = r.accesses[c.access].name.placeholder_text() + "." + c.column + " " + c.how;
    if (c.into >= 0) s += " -> " + r.accesses[c.into].name.placeholder_text();
    if (!c.as.empty()) s += " as " + c.as;
    s += " @" + std::to_string(c.offset);
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("select list, WHERE and GROUP BY of a single table", "[sql][columns]") {
  CHECK(cols("SELECT meter_id, sum(kwh) AS total FROM prod.s.readings WHERE region_code = 'N' GROUP BY meter_id") ==
        Lines{"prod.s.readings.meter_id sql-select @7", "prod.s.readings.kwh sql-select @21",
              "prod.s.readings.region_code sql-where @62", "prod.s.readings.meter_id sql-group @89"});
}

TEST_CASE("qualified columns go to their alias; join conditions", "[sql][columns]") {
  CHECK(cols("SELECT r.kwh, m.serial FROM a.b.readings r JOIN a.b.meters AS m ON r.meter_id = m.id") ==
        Lines{"a.b.readings.kwh sql-select @9", "a.b.meters.serial sql-select @16",
              "a.b.readings.meter_id sql-join @69", "a.b.meters.id sql-join @82"});
  // unqualified names are ambiguous once the FROM clause joins
  CHECK(cols("SELECT kwh FROM a.b.readings r JOIN a.b.meters m ON r.meter_id = m.id") ==
        Lines{"a.b.readings.meter_id sql-join @54", "a.b.meters.id sql-join @67"});
  // the table's last name part qualifies too; USING keys belong to both sides
  CHECK(cols("SELECT readings.kwh FROM a.b.readings JOIN a.b.meters USING (meter_id)") ==
        Lines{"a.b.readings.kwh sql-select @16", "a.b.readings.meter_id sql-join @61",
              "a.b.meters.meter_id sql-join @61"});
}

TEST_CASE("look-alikes: keywords, functions, literals, aliases and stars are not columns", "[sql][columns]") {
  CHECK(cols("SELECT * FROM a.b.t").empty());
  CHECK(cols("SELECT t.* FROM a.b.t").empty());
  CHECK(cols("SELECT count(*) AS n, current_date, 1 FROM a.b.t WHERE x IS NOT NULL AND d > DATE '2024-01-01' "
             "AND ts > current_timestamp() - INTERVAL 3 DAYS") ==
        Lines{"a.b.t.x sql-where @55", "a.b.t.d sql-where @73", "a.b.t.ts sql-where @99"});
  CHECK(cols("SELECT CASE WHEN a > 0 THEN 'p' ELSE 'n' END sign FROM a.b.t GROUP BY sign") ==
        Lines{"a.b.t.a sql-select @17"});
  CHECK(cols("SELECT CAST(a AS BIGINT) FROM a.b.t") == Lines{"a.b.t.a sql-select @12"});
  CHECK(cols("SELECT transform(xs, x -> x + 1) FROM a.b.t") == Lines{"a.b.t.xs sql-select @17"});
}

TEST_CASE("subqueries, CTEs and table functions are not attributed", "[sql][columns]") {
  CHECK(cols("SELECT a FROM (SELECT a FROM x.y.z) s").empty());
  CHECK(cols("WITH c AS (SELECT a FROM x.y.z) SELECT a FROM c").empty());
  CHECK(cols("SELECT id FROM range(10)").empty());
  CHECK(cols("SELECT a FROM x.y.t WHERE a IN (SELECT b FROM x.y.u)") ==
        Lines{"x.y.t.a sql-select @7", "x.y.t.a sql-where @26"});
  CHECK(cols("SELECT item FROM x.y.t LATERAL VIEW explode(items) e AS item").empty());
}

TEST_CASE("INSERT ... SELECT and CREATE TABLE ... AS SELECT project plain columns", "[sql][columns]") {
  CHECK(cols("INSERT INTO g.s.out SELECT customer_id, kwh * 2 AS k2, month AS m FROM g.s.inv") ==
        Lines{"g.s.inv.customer_id sql-select -> g.s.out @27", "g.s.inv.kwh sql-select @40",
              "g.s.inv.month sql-select -> g.s.out as m @55"});
  CHECK(cols("CREATE OR REPLACE TABLE g.s.copy AS SELECT i.customer_id cid FROM g.s.inv i") ==
        Lines{"g.s.inv.customer_id sql-select -> g.s.copy as cid @45"});
  CHECK(cols("INSERT OVERWRITE g.s.out SELECT a FROM g.s.x UNION ALL SELECT a FROM g.s.y") ==
        Lines{"g.s.x.a sql-select -> g.s.out @32", "g.s.y.a sql-select -> g.s.out @62"});
  // a plain SELECT has no target; DELETE/MERGE are not read for columns
  CHECK(cols("SELECT a FROM g.s.x") == Lines{"g.s.x.a sql-select @7"});
  CHECK(cols("DELETE FROM g.s.x WHERE a = 1").empty());
}

TEST_CASE("backticked columns and several statements", "[sql][columns]") {
  CHECK(cols("SELECT `my col` FROM a.b.t; SELECT b FROM a.b.u") ==
        Lines{"a.b.t.my col sql-select @7", "a.b.u.b sql-select @35"});
}

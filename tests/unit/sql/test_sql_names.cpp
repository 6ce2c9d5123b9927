#include <catch2/catch.hpp>

#include "sql_test_support.h"

using namespace pipelint;
using namespace pipelint::sql;
using namespace pipelint::sql::testing;

namespace {
NamePart lit(std::string s) { return NameTemplate::literal(std::move(s)).parts[0]; }
NamePart hole(std::string s) { return NameTemplate::hole(std::move(s), HoleSource::Template).parts[0]; }
NameTemplate tmpl(std::vector<NamePart> parts) { return NameTemplate{std::move(parts)}; }
}  // namespace

TEST_CASE("backticks are removed, hyphens kept, offsets point at the opening backtick", "[sql][names]") {
  std::string sql = "SELECT * FROM `my-cat`.silver_x.`t-1` JOIN `a``b`.c ON 1=1";
  auto r = extract(sql);
  REQUIRE(accesses(r) == Lines{"read table my-cat.silver_x.t-1", "read table a`b.c"});
  CHECK(r.accesses[0].offset == sql.find("`my-cat`"));
  CHECK(r.accesses[1].offset == sql.find("`a``b`"));
  CHECK_FALSE(r.accesses[0].name.has_holes());
  CHECK(accesses("SELECT * FROM prod . silver . t") == Lines{"read table prod.silver.t"});
}

TEST_CASE("template holes stay holes inside names", "[sql][names]") {
  std::string sql = "INSERT INTO ${catalog}.silver_x.t SELECT * FROM {env}_de.silver_x.r, prod_{country}.silver.m, "
                    "${a.b}, `{cat}`.s.q";
  auto r = extract(sql);
  REQUIRE(r.accesses.size() == 5);
  CHECK(r.accesses[0].name == tmpl({hole("catalog"), lit(".silver_x.t")}));
  CHECK(r.accesses[0].offset == sql.find("${catalog}"));
  CHECK(r.accesses[1].name == tmpl({hole("env"), lit("_de.silver_x.r")}));
  CHECK(r.accesses[2].name == tmpl({lit("prod_"), hole("country"), lit(".silver.m")}));
  CHECK(r.accesses[3].name == tmpl({hole("a.b")}));  // a name that is only a placeholder is a name
  CHECK(r.accesses[4].name == tmpl({hole("cat"), lit(".s.q")}));
  CHECK(r.accesses[0].name.parts[0].source == HoleSource::Template);
  CHECK(accesses("SELECT * FROM {{ catalog }}.s.t") == Lines{"read table {catalog}.s.t"});
}

TEST_CASE("braces that are not placeholders do not make holes", "[sql][names]") {
  // "{not a hole!}" holds a character no placeholder name has; inside a string it is text anyway.
  auto r = extract("SELECT '{x}' AS j FROM s.t");
  CHECK(accesses(r) == Lines{"read table s.t"});
  CHECK_FALSE(r.accesses[0].name.has_holes());
}

TEST_CASE("IDENTIFIER clause: literal is the name, :param is a hole", "[sql][names]") {
  auto r = extract("SELECT * FROM IDENTIFIER('prod.silver.`t-1`') JOIN IDENTIFIER(:tbl) ON 1=1 "
                   "JOIN IDENTIFIER(:cat || '.silver.m') ON 1=1");
  REQUIRE(r.accesses.size() == 3);
  CHECK(r.accesses[0].name == tmpl({lit("prod.silver.t-1")}));
  CHECK(r.accesses[1].name == tmpl({hole("tbl")}));
  CHECK(r.accesses[2].name == tmpl({hole("cat"), lit(".silver.m")}));
  CHECK(accesses("INSERT INTO IDENTIFIER(:target) SELECT 1") == Lines{"write table {target} append"});
  // A function call that is not IDENTIFIER is a table-valued function, not a table.
  CHECK(accesses("SELECT * FROM identifier_fn('x')").empty());
}

TEST_CASE("format.`path` is a path access", "[sql][names]") {
  std::string sql = "SELECT * FROM delta.`/mnt/lake/readings` d JOIN parquet.`s3://b/m/` p ON 1=1 "
                    "JOIN csv.`/x.csv` JOIN json.`/j` JOIN orc.`/o` JOIN text.`/t` JOIN avro.`/a` "
                    "JOIN binaryFile.`/b` JOIN delta.`${root}/x`";
  auto r = extract(sql);
  CHECK(accesses(r) == Lines{"read path /mnt/lake/readings", "read path s3://b/m/", "read path /x.csv",
                             "read path /j", "read path /o", "read path /t", "read path /a", "read path /b",
                             "read path {root}/x"});
  CHECK(r.accesses[0].offset == sql.find("delta."));
  CHECK(accesses("INSERT INTO delta.`/mnt/out` SELECT 1") == Lines{"write path /mnt/out append"});
  // A schema called delta with an unquoted table is a table.
  CHECK(accesses("SELECT * FROM delta.events") == Lines{"read table delta.events"});
}

TEST_CASE("CREATE TABLE records its columns", "[sql][columns]") {
  auto r = extract("CREATE TABLE IF NOT EXISTS prod.silver.meters (\n"
                   "  a INT,\n  b STRUCT<x: INT, y: ARRAY<STRING>> COMMENT 'nested',\n"
                   "  c DECIMAL(10,2) NOT NULL COMMENT 'amount',\n  `d-1` MAP<STRING, INT> DEFAULT NULL,\n"
                   "  e TIMESTAMP GENERATED ALWAYS AS (CAST(a AS TIMESTAMP)),\n"
                   "  CONSTRAINT pk PRIMARY KEY (a),\n  CONSTRAINT ck CHECK (a > 0)\n) USING delta");
  REQUIRE(r.created_columns.size() == 1);
  const auto& c = r.created_columns[0];
  CHECK(c.table == NameTemplate::literal("prod.silver.meters"));
  CHECK(c.offset == r.accesses[0].offset);
  using Col = std::pair<std::string, std::string>;
  CHECK(c.columns == std::vector<Col>{{"a", "INT"}, {"b", "STRUCT<x: INT, y: ARRAY<STRING>>"},
                                      {"c", "DECIMAL(10,2)"}, {"d-1", "MAP<STRING, INT>"}, {"e", "TIMESTAMP"}});
  CHECK_FALSE(r.error);
}

TEST_CASE("views and CTAS record no column types", "[sql][columns]") {
  CHECK(extract("CREATE VIEW s.v (a, b) AS SELECT 1, 2").created_columns.empty());
  CHECK(extract("CREATE TABLE s.t AS SELECT (1) AS a").created_columns.empty());
  CHECK(extract("CREATE TEMP VIEW tv (a INT) AS SELECT 1").created_columns.empty());
}

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "sql_test_support.h"

using namespace pipelint::sql;
using namespace pipelint::sql::testing;

TEST_CASE("unbalanced parentheses are an error; later statements are still read", "[sql][errors]") {
  std::string sql = "SELECT * FROM (SELECT * FROM s.a; INSERT INTO g.t SELECT * FROM s.b";
  auto r = extract(sql);
  REQUIRE(r.error);
  CHECK(r.error->offset == sql.find("(SELECT"));
  CHECK(accesses(r) == Lines{"read table s.a", "write table g.t append", "read table s.b"});

  std::string extra = "SELECT * FROM s.a) x; DELETE FROM s.c";
  auto r2 = extract(extra);
  REQUIRE(r2.error);
  CHECK(r2.error->offset == extra.find(')'));
  CHECK(accesses(r2) == Lines{"read table s.a", "write table s.c delete"});
}

TEST_CASE("unterminated string, backtick and comment are errors at their start", "[sql][errors]") {
  std::string s1 = "SELECT 'oops FROM s.fake\n; SELECT * FROM s.ok";
  auto r1 = extract(s1);
  REQUIRE(r1.error);
  CHECK(r1.error->offset == s1.find('\''));
  CHECK(accesses(r1) == Lines{"read table s.ok"});

  std::string s2 = "SELECT * FROM `broken.t\n; SELECT * FROM s.ok";
  auto r2 = extract(s2);
  REQUIRE(r2.error);
  CHECK(r2.error->offset == s2.find('`'));
  CHECK(accesses(r2).back() == "read table s.ok");

  std::string s3 = "SELECT * FROM s.ok /* never closed FROM s.fake";
  auto r3 = extract(s3);
  REQUIRE(r3.error);
  CHECK(r3.error->offset == s3.find("/*"));
  CHECK(accesses(r3) == Lines{"read table s.ok"});

  auto r4 = extract("SELECT * FROM ${unclosed.s.t");
  CHECK(r4.error);
}

TEST_CASE("a table position that holds no name is an error", "[sql][errors]") {
  std::string sql = "SELECT * FROM WHERE x = 1; INSERT INTO 42 SELECT 1; SELECT * FROM s.ok";
  auto r = extract(sql);
  REQUIRE(r.error);
  CHECK(r.error->offset == sql.find("WHERE"));
  CHECK(accesses(r) == Lines{"read table s.ok"});
  auto r2 = extract("SELECT * FROM");
  REQUIRE(r2.error);
  CHECK(r2.error->offset == 13);
  auto r3 = extract("MERGE INTO s.t x ON 1=1");
  CHECK(r3.error);
  CHECK(accesses(r3) == Lines{"write table s.t merge"});
}

TEST_CASE("valid SQL gives no error", "[sql][errors]") {
  CHECK_FALSE(extract("SELECT a FROM s.t WHERE b = 'x;y' -- ; comment\n; ;").error);
  CHECK_FALSE(extract("").error);
  CHECK_FALSE(extract("   \n-- only a comment").error);
  CHECK(extract("").accesses.empty());
}

TEST_CASE("bad input never crashes or hangs", "[sql][robustness]") {
  SECTION("NUL bytes and invalid UTF-8") {
    std::string sql("SELECT \0\xff\xfe * FROM s.t\0 JOIN `\xc3\x28` ON 1=1", 42);
    auto r = extract(sql);
    CHECK(accesses(r).front() == "read table s.t");
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) % 256);
    (void)extract(junk);
  }
  SECTION("5,000 nested parentheses") {
    std::string sql = "SELECT * FROM " + std::string(5000, '(') + "SELECT * FROM s.deep" + std::string(5000, ')');
    auto r = extract(sql);
    CHECK(accesses(r) == Lines{"read table s.deep"});
    CHECK_FALSE(r.error);
    auto unclosed = extract("SELECT " + std::string(5000, '(') + " FROM s.t");
    CHECK(unclosed.error);
  }
  SECTION("unterminated everything") {
    for (const char* sql : {"'", "\"", "`", "/*", "/* /* */", "${", "{", "SELECT (", "INSERT", "INSERT INTO",
                            "MERGE INTO", "CREATE TABLE", "WITH x AS (", "FROM", "IDENTIFIER(", "SELECT * FROM IDENTIFIER(:",
                            "COPY INTO t FROM (", "CACHE TABLE", "DELETE", "TRUNCATE TABLE", "DROP TABLE",
                            "SET VAR", "SET VARIABLE x = (", "FROM STREAM", "SELECT * FROM STREAM x.", "IDENTIFIER(a.",
                            "DROP TABLE IDENTIFIER(session.", "WITH s AS MATERIALIZED", "WITH s AS NOT", "-- COMMAND -",
                            "CREATE INCREMENTAL"}) {
      INFO(sql);
      (void)extract(sql);
    }
    // Cell markers alone, or a statement cut by one, still recover.
    CHECK(accesses("-- COMMAND ----------\n-- COMMAND ----------\nSELECT * FROM s.t\n-- COMMAND ----------") ==
          Lines{"read table s.t"});
    auto cut = extract("INSERT INTO\n-- COMMAND ----------\nSELECT * FROM s.t");
    CHECK(cut.error);
    CHECK(accesses(cut) == Lines{"read table s.t"});
  }
  SECTION("huge input stays linear") {
    std::string one = "INSERT INTO g.t SELECT * FROM s.a JOIN s.b ON a.k = b.k WHERE x IN (1, 2);\n";
    std::string big;
    while (big.size() < 8u << 20) big += one;
    auto start = std::chrono::steady_clock::now();
    auto r = extract(big);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(r.accesses.size() == 3 * (big.size() / one.size()));
    CHECK(seconds < 5.0);
  }
}

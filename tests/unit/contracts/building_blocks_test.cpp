// Semantic versions, SLA durations and column type comparison on their own.
#include <catch2/catch.hpp>

#include "parsers/contracts/column_types.h"
#include "parsers/contracts/semver.h"
#include "parsers/contracts/sla_duration.h"

using namespace pipelint;

TEST_CASE("semver: valid and invalid versions") {
  auto v = parse_semver("2.10.3-rc.1+build.5");
  REQUIRE(v);
  CHECK(v->major == 2);
  CHECK(v->minor == 10);
  CHECK(v->patch == 3);
  CHECK(v->prerelease == "rc.1");
  for (const char* bad : {"", "1", "1.2", "1.2.3.4", "v1.2.3", "01.2.3", "1.02.3", "1.2.3-", "1.2.3-01",
                          "1.2.3+", "1..3", "a.b.c", "1.2.3 "}) {
    INFO(bad);
    CHECK_FALSE(parse_semver(bad));
  }
}

TEST_CASE("semver: major bumps (0.x minor counts as major)") {
  auto v = [](const char* s) { return *parse_semver(s); };
  CHECK(is_major_bump(v("1.4.0"), v("2.0.0")));
  CHECK_FALSE(is_major_bump(v("1.4.0"), v("1.5.0")));
  CHECK_FALSE(is_major_bump(v("2.0.0"), v("1.9.0")));
  CHECK(is_major_bump(v("0.3.1"), v("0.4.0")));
  CHECK_FALSE(is_major_bump(v("0.3.1"), v("0.3.2")));
}

TEST_CASE("SLA durations in seconds") {
  CHECK(*parse_duration("2", "h").seconds == 7200);
  CHECK(*parse_duration("90", "Minutes").seconds == 5400);
  CHECK(*parse_duration("1.5", "d").seconds == 129600);
  CHECK(*parse_duration("3", "y").seconds == 3 * 365 * 86400LL);
  CHECK(*parse_duration("2", "weeks").seconds == 14 * 86400);
  CHECK(*parse_duration("PT1H30M", "").seconds == 5400);
  CHECK(*parse_duration("P1DT12H", "").seconds == 129600);
  CHECK(*parse_duration("P1M", "").seconds == 30 * 86400);  // months before T
  CHECK(*parse_duration("30min", "").seconds == 1800);
  CHECK(*parse_duration("36 h", "").seconds == 129600);
  CHECK_FALSE(parse_duration("2", "m").seconds);    // minutes or months?
  CHECK_FALSE(parse_duration("2m", "").seconds);
  CHECK_FALSE(parse_duration("2", "").seconds);     // no unit
  CHECK_FALSE(parse_duration("-2", "h").seconds);
  CHECK_FALSE(parse_duration("P", "").seconds);
  CHECK_FALSE(parse_duration("PT", "").seconds);
  CHECK_FALSE(parse_duration("1e300", "y").seconds);
  CHECK_FALSE(parse_duration("99999999999999999999", "y").seconds);
  CHECK(format_duration(3600) == "1h");
  CHECK(format_duration(5400) == "90min");
  CHECK(format_duration(86400 * 2) == "2d");
  CHECK(format_duration(61) == "61s");
}

TEST_CASE("physical types: widening, narrowing, aliases") {
  auto verdict = [](const char* a, const char* b) { return compare_physical_types(a, b).verdict; };
  CHECK(verdict("INT", "integer") == TypeVerdict::Same);
  CHECK(verdict("decimal", "decimal(10,0)") == TypeVerdict::Same);
  CHECK(verdict("Decimal(10, 2)", "decimal(10,2)") == TypeVerdict::Same);
  CHECK(verdict("tinyint", "smallint") == TypeVerdict::Widening);
  CHECK(verdict("long", "int") == TypeVerdict::Narrowing);
  CHECK(verdict("smallint", "double") == TypeVerdict::Widening);
  CHECK(verdict("int", "float") == TypeVerdict::Narrowing);
  CHECK(verdict("bigint", "decimal(20,0)") == TypeVerdict::Widening);
  CHECK(verdict("bigint", "decimal(18,0)") == TypeVerdict::Narrowing);
  CHECK(verdict("double", "decimal(38,10)") == TypeVerdict::Changed);
  CHECK(verdict("decimal(10,2)", "bigint") == TypeVerdict::Narrowing);
  CHECK(verdict("char(2)", "char(4)") == TypeVerdict::Widening);
  CHECK(verdict("string", "char(4)") == TypeVerdict::Narrowing);
  CHECK(verdict("boolean", "bool") == TypeVerdict::Same);
  CHECK(verdict("boolean", "int") == TypeVerdict::Changed);
  CHECK(verdict("array<int>", "array<bigint>") == TypeVerdict::Changed);  // complex types: conservative
  CHECK(verdict("geography", "GEOGRAPHY") == TypeVerdict::Same);
  CHECK(verdict("decimal(10", "decimal(10)") == TypeVerdict::Changed);    // malformed never crashes
  CHECK(compare_physical_types("VarChar (20)", "string").old_type == "varchar(20)");
}

TEST_CASE("logical types") {
  CHECK(compare_logical_types("integer", "number").verdict == TypeVerdict::Widening);
  CHECK(compare_logical_types("number", "integer").verdict == TypeVerdict::Narrowing);
  CHECK(compare_logical_types("date", "timestamp").verdict == TypeVerdict::Widening);
  CHECK(compare_logical_types("string", "date").verdict == TypeVerdict::Changed);
  CHECK(compare_logical_types("string", "string").verdict == TypeVerdict::Same);
}

#include <catch2/catch.hpp>

#include <chrono>

#include "render.h"

using pltest::run;
using V = std::vector<std::string>;

TEST_CASE("a syntax error is one SYN001 at the first error, the rest is still extracted", "[python][bad]") {
  auto a = pipelint::py::analyze("jobs/x.py",
                                 "df = spark.table(\"prod.a.ok\")\n"
                                 "def broken(:\n"
                                 "    pass\n"
                                 "df.write.saveAsTable(\"prod.a.after\")\n");
  REQUIRE(a.records.diagnostics.size() == 1);
  CHECK(a.records.diagnostics[0].rule == "SYN001");
  CHECK(a.records.diagnostics[0].line == 2);
  CHECK(a.records.diagnostics[0].message.rfind("syntax error", 0) == 0);
  auto r = pltest::render(a.records);
  CHECK(std::find(r.begin(), r.end(), "1:18 read prod.a.ok - table") != r.end());
  CHECK(std::find(r.begin(), r.end(), "4:22 write prod.a.after errorifexists saveAsTable") != r.end());
}

TEST_CASE("valid code has no diagnostics", "[python][bad]") {
  CHECK(pipelint::py::analyze("a.py", "x = spark.table('a.b.c')\n").records.diagnostics.empty());
}

TEST_CASE("5,000-deep nesting does not overflow the stack", "[python][bad]") {
  std::string parens = "x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  std::string lists = "y = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  std::string calls = "spark.table(";
  for (int i = 0; i < 5000; ++i) calls += "f(";
  calls += "'a'" + std::string(5000, ')') + ")\n";
  auto a = pipelint::py::analyze("deep.py", parens + lists + calls + "spark.table('prod.a.b')\n");
  auto r = pltest::render(a.records);
  CHECK(std::find(r.begin(), r.end(), "4:13 read prod.a.b - table") != r.end());
}

TEST_CASE("binary bytes, NUL bytes and invalid UTF-8 do not crash", "[python][bad]") {
  std::string bin;
  for (int i = 0; i < 4096; ++i) bin += static_cast<char>((i * 7919) & 0xFF);
  CHECK_NOTHROW(pipelint::py::analyze("bin.py", bin));
  std::string nul = std::string("spark.table('prod.a.b')\n") + '\0' + "\xff\xfe garbage \xc3\x28\n";
  auto a = pipelint::py::analyze("nul.py", nul);
  CHECK_FALSE(a.records.diagnostics.empty());
  std::string utf = "t = 'prod.\xe2\x82\xac'\nspark.table('prod.a.\xff')\n";
  CHECK_NOTHROW(pipelint::py::analyze("u.py", utf));
}

TEST_CASE("columns count code points, not bytes", "[python][bad]") {
  CHECK(run("# é\nx = 'é'; spark.table('prod.a.b')\n") == V{"2:22 read prod.a.b - table"});
}

TEST_CASE("a large generated file is linear", "[python][bad]") {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "df" + std::to_string(i) + " = spark.table('prod.a.t" + std::to_string(i) + "')\n";
  auto t0 = std::chrono::steady_clock::now();
  auto a = pipelint::py::analyze("big.py", big);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(a.records.accesses.size() == 20000);
  CHECK(ms < 5000);
}

TEST_CASE("prefilter: Spark files pass, plain modules do not", "[python][prefilter]") {
  using pipelint::py::may_contain_access;
  CHECK(may_contain_access("df = spark.table('a')"));
  CHECK(may_contain_access("x.write.saveAsTable(t)"));
  CHECK(may_contain_access("# Databricks notebook source\n"));
  CHECK(may_contain_access("import dlt\n"));
  CHECK(may_contain_access("DeltaTable.forName(s, t)"));
  CHECK(may_contain_access("glueContext.create_dynamic_frame"));
  CHECK_FALSE(may_contain_access("import os\nfrom conf import x\nTABLE = 'prod.a.b'\n"));
  CHECK_FALSE(may_contain_access("def add(a, b):\n    return a + b\n"));
}

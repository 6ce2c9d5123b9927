#include <catch2/catch.hpp>

#include <cstring>

#include "parsers/python/embedded_sql.h"
#include "render.h"

using pltest::run;
using V = std::vector<std::string>;

TEST_CASE("spark.sql names are positioned inside the Python string", "[python][sql]") {
  auto r = run(
      "spark.sql(\"\"\"\n"
      "    INSERT OVERWRITE TABLE prod_de.gold_billing.daily\n"
      "    SELECT * FROM prod_de.silver_billing.readings\n"
      "\"\"\")\n");
  CHECK(r == V{"2:28 write prod_de.gold_billing.daily overwrite spark.sql:INSERT",
               "3:19 read prod_de.silver_billing.readings - spark.sql:INSERT"});
}

TEST_CASE("spark.sql with any receiver and a query held in a variable", "[python][sql]") {
  auto r = run(
      "q = \"MERGE INTO prod_fr.silver_x.t USING prod_fr.bronze_x.s ON t.id = s.id \"\n"
      "self.spark.sql(q)\n");
  CHECK(r == V{"1:17 write prod_fr.silver_x.t merge spark.sql:MERGE", "1:42 read prod_fr.bronze_x.s - spark.sql:MERGE"});
}

TEST_CASE("an unresolved f-string hole reaches SQL as {name} and keeps its default", "[python][sql]") {
  const char* src =
      "env = dbutils.widgets.get(\"env\")\n"
      "dbutils.widgets.text(\"env\", \"prod\")\n"
      "spark.sql(f\"SELECT * FROM {env}_de.silver_billing.readings\")\n";
  CHECK(run(src) == V{"3:27 read {env}_de.silver_billing.readings - spark.sql:SELECT"});
  CHECK(pltest::holes(src) == V{"env/widget/prod"});
}

TEST_CASE("a resolved constant inside SQL is reported at its interpolation", "[python][sql]") {
  auto r = run(
      "T = \"prod_de.silver_billing.readings\"\n"
      "spark.sql(f\"SELECT * FROM {T} WHERE x = 1\")\n");
  CHECK(r == V{"2:27 read prod_de.silver_billing.readings - spark.sql:SELECT"});
}

TEST_CASE("CTE names and temp views inside spark.sql are not tables", "[python][sql]") {
  auto r = run(
      "spark.sql(\"WITH recent AS (SELECT * FROM prod.a.src) SELECT * FROM recent\")\n"
      "spark.sql(\"CREATE OR REPLACE TEMP VIEW v AS SELECT 1\")\n");
  CHECK(r == V{"1:42 read prod.a.src - spark.sql:SELECT"});
}

TEST_CASE("a look-alike .sql on duckdb is not Spark", "[python][sql]") {
  CHECK(run("import duckdb\nduckdb.sql(\"SELECT * FROM prod.a.b\")\n").empty());
}

namespace {
// A fake SQL extractor: every word after FROM is a read.
pipelint::sql::SqlResult fake_sql(std::string_view text) {
  pipelint::sql::SqlResult r;
  size_t at = text.find("FROM ");
  if (at == std::string_view::npos) return r;
  size_t start = at + 5, end = start;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  pipelint::sql::SqlAccess a;
  a.offset = start;
  a.statement = "SELECT";
  std::string name(text.substr(start, end - start));
  if (name.front() == '{') a.name = pipelint::NameTemplate::hole(name.substr(1, name.size() - 2), pipelint::HoleSource::Template);
  else a.name = pipelint::NameTemplate::literal(name);
  r.accesses.push_back(a);
  return r;
}
}  // namespace

TEST_CASE("embedded SQL offsets map through the literal's source offsets", "[python][sql]") {
  using namespace pipelint::py;
  std::string file = "x = 1\nspark.sql(\"SELECT * FROM tbl\")\n";
  PosMap pos(file);
  int marker = 0;
  size_t lit = file.find("SELECT");
  VStr text = VStr::text("SELECT * FROM tbl", static_cast<int64_t>(lit), &marker);
  SqlSite site{"spark.sql", 2, 1, &marker, &pos, nullptr};
  pipelint::FileRecords out;
  sql_records(text, site, &fake_sql, out);
  REQUIRE(out.accesses.size() == 1);
  CHECK(pltest::render(out.accesses[0]) == "2:26 read tbl - spark.sql:SELECT");

  // Text from elsewhere (no offsets) goes to the call's position; a Python hole keeps its source.
  VStr held = VStr::text("SELECT * FROM ");
  held.append(VStr::hole("src", pipelint::HoleSource::Env, std::string("prod.a.b")));
  pipelint::FileRecords out2;
  sql_records(held, site, &fake_sql, out2);
  REQUIRE(out2.accesses.size() == 1);
  CHECK(pltest::render(out2.accesses[0]) == "2:1 read {src} - spark.sql:SELECT");
  CHECK(out2.accesses[0].name.parts[0].source == pipelint::HoleSource::Env);
  CHECK(out2.accesses[0].name.parts[0].default_value == std::optional<std::string>("prod.a.b"));
}

TEST_CASE("notebook: python cells keep real lines, %sql cells go to SQL, %md/%sh ignored", "[python][notebook]") {
  auto r = run(
      "# Databricks notebook source\n"
      "# MAGIC %md\n"
      "# MAGIC # Title spark.table(\"not.a.table\")\n"
      "\n"
      "# COMMAND ----------\n"
      "\n"
      "df = spark.table(\"prod_de.silver_billing.readings\")\n"
      "\n"
      "# COMMAND ----------\n"
      "\n"
      "# MAGIC %sql\n"
      "# MAGIC INSERT INTO prod_de.gold_billing.daily\n"
      "# MAGIC SELECT * FROM prod_de.silver_billing.readings\n"
      "\n"
      "# COMMAND ----------\n"
      "\n"
      "# MAGIC %sh ls /dbfs/mnt/de/silver\n"
      "# MAGIC %pip install x\n",
      "notebooks/daily.py");
  CHECK(r == V{"7:18 read prod_de.silver_billing.readings - table",
               "12:21 write prod_de.gold_billing.daily append %sql:INSERT",
               "13:23 read prod_de.silver_billing.readings - %sql:INSERT"});
}

TEST_CASE("notebook %sql template variables get widget defaults", "[python][notebook]") {
  const char* src =
      "# Databricks notebook source\n"
      "dbutils.widgets.text(\"catalog\", \"prod_de\")\n"
      "\n"
      "# COMMAND ----------\n"
      "\n"
      "# MAGIC %sql\n"
      "# MAGIC SELECT * FROM ${catalog}.silver_billing.readings\n";
  auto a = pipelint::py::analyze("nb.py", src);
  REQUIRE(a.records.accesses.size() == 1);
  CHECK(pltest::render(a.records.accesses[0]) == "7:23 read {catalog}.silver_billing.readings - %sql:SELECT");
  CHECK(a.records.accesses[0].name.parts[0].default_value == std::optional<std::string>("prod_de"));
}

TEST_CASE("a file that only looks like a notebook header later is plain Python", "[python][notebook]") {
  CHECK(run("x = 1\n# Databricks notebook source\n# MAGIC %sql\n# MAGIC SELECT * FROM prod.a.b\n").empty());
}

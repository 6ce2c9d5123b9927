#include <catch2/catch.hpp>

#include "render.h"

using pltest::run;
using V = std::vector<std::string>;

TEST_CASE("a helper is reported at each call site with the argument", "[python][helpers]") {
  const char* src =
      "def upsert(df, target, mode=\"overwrite\"):\n"
      "    df.write.mode(mode).saveAsTable(target)\n"
      "\n"
      "upsert(df, \"prod_de.silver_billing.invoices\")\n"
      "upsert(df, target=\"prod_de.silver_billing.tariffs\", mode=\"append\")\n";
  CHECK(run(src) == V{"4:12 write prod_de.silver_billing.invoices overwrite saveAsTable", "5:19 write prod_de.silver_billing.tariffs append saveAsTable"});
}

TEST_CASE("a helper called with a variable is reported at the function name", "[python][helpers]") {
  const char* src =
      "def upsert(df, target, mode=\"overwrite\"):\n"
      "    df.write.mode(mode).saveAsTable(target)\n"
      "\n"
      "T = \"prod_de.silver_billing.x\"\n"
      "upsert(df, T)\n";
  CHECK(run(src) == V{"5:1 write prod_de.silver_billing.x overwrite saveAsTable"});
}

TEST_CASE("a parameter default fills an omitted argument", "[python][helpers]") {
  const char* src =
      "def load(name, catalog=\"prod_de\"):\n"
      "    return spark.table(f\"{catalog}.silver_billing.{name}\")\n"
      "x = load(\"readings\")\n"
      "y = load(name=\"meters\", catalog=\"dev_de\")\n";
  CHECK(run(src) == V{"3:10 read prod_de.silver_billing.readings - table", "4:33 read dev_de.silver_billing.meters - table"});
}

TEST_CASE("helper of a helper", "[python][helpers]") {
  const char* src =
      "def upsert(df, target, mode=\"overwrite\"):\n"
      "    df.write.mode(mode).saveAsTable(target)\n"
      "\n"
      "def publish(df, table):\n"
      "    upsert(df, f\"prod_de.gold_billing.{table}\")\n"
      "\n"
      "publish(df, \"revenue\")\n";
  CHECK(run(src) == V{"7:13 write prod_de.gold_billing.revenue overwrite saveAsTable"});
}

TEST_CASE("a helper nobody calls is reported in its body with the parameter as placeholder", "[python][helpers]") {
  const char* src =
      "def never_called(df, dest=\"prod_de.x.default\"):\n"
      "    df.write.saveAsTable(dest)\n";
  CHECK(run(src) == V{"2:14 write {dest} errorifexists saveAsTable"});
  CHECK(pltest::holes(src) == V{"dest/parameter/prod_de.x.default"});
}

TEST_CASE("a helper with a literal name is reported once in its body", "[python][helpers]") {
  const char* src =
      "def write_fixed(df):\n"
      "    df.write.saveAsTable(\"prod_de.silver_billing.fixed\")\n"
      "write_fixed(a)\n"
      "write_fixed(b)\n";
  CHECK(run(src) == V{"2:26 write prod_de.silver_billing.fixed errorifexists saveAsTable"});
}

TEST_CASE("a loop over a literal list yields one access per element", "[python][helpers]") {
  const char* src =
      "for t in [\"a\", \"b\"]:\n"
      "    spark.table(f\"prod_de.bronze.{t}\")\n";
  CHECK(run(src) == V{"2:17 read prod_de.bronze.a - table", "2:17 read prod_de.bronze.b - table"});
}

TEST_CASE("a loop over tuples", "[python][helpers]") {
  const char* src =
      "for src, dst in [(\"prod.s.a\", \"prod.d.a\"), (\"prod.s.b\", \"prod.d.b\")]:\n"
      "    spark.table(src).write.saveAsTable(dst)\n";
  CHECK(run(src) == V{"2:11 read prod.s.a - table", "2:11 read prod.s.b - table", "2:28 write prod.d.a errorifexists saveAsTable", "2:28 write prod.d.b errorifexists saveAsTable"});
}

TEST_CASE("a loop over a constant list calling a helper", "[python][helpers]") {
  const char* src =
      "def upsert(df, target, mode=\"overwrite\"):\n"
      "    df.write.mode(mode).saveAsTable(target)\n"
      "\n"
      "TABLES = (\"c\", \"d\")\n"
      "for t in TABLES:\n"
      "    upsert(df, \"prod_de.silver_billing.\" + t)\n";
  CHECK(run(src) == V{"6:5 write prod_de.silver_billing.c overwrite saveAsTable", "6:5 write prod_de.silver_billing.d overwrite saveAsTable"});
}

TEST_CASE("a loop over something unknown keeps the variable as a hole", "[python][helpers]") {
  const char* src =
      "for t in get_tables():\n"
      "    spark.table(t)\n";
  CHECK(run(src) == V{"2:11 read {t} - table"});
}

TEST_CASE("a comprehension over a literal list", "[python][helpers]") {
  const char* src =
      "dfs = [spark.table(t) for t in [\"prod.a.x\", \"prod.a.y\"]]\n";
  CHECK(run(src) == V{"1:14 read prod.a.x - table", "1:14 read prod.a.y - table"});
}

TEST_CASE("methods called through self are helpers", "[python][helpers]") {
  const char* src =
      "class Job:\n"
      "    def write_table(self, df, name):\n"
      "        df.write.mode(\"append\").saveAsTable(name)\n"
      "    def run(self, df):\n"
      "        self.write_table(df, \"prod_de.silver_billing.method\")\n";
  CHECK(run(src) == V{"5:30 write prod_de.silver_billing.method append saveAsTable"});
}

TEST_CASE("spark.sql inside a helper is instantiated at the call", "[python][helpers]") {
  const char* src =
      "def run_sql(table):\n"
      "    spark.sql(f\"SELECT * FROM {table}\")\n"
      "run_sql(\"prod_de.silver_billing.readings\")\n";
  CHECK(run(src) == V{"3:10 read prod_de.silver_billing.readings - spark.sql:SELECT"});
}


TEST_CASE("a helper nobody calls says nothing about a table named only by a bare parameter", "[python][helpers]") {
  CHECK(run("def replace_partitions(df, target):\n"
            "    df.writeTo(target).overwritePartitions()\n")
            .empty());
  CHECK(run("def load(spark, schema):\n"
            "    return spark.table(f\"prod.{schema}.readings\")\n") ==
        V{"2:24 read prod.{schema}.readings - table"});
  CHECK(run("def merge_into(target):\n"
            "    spark.sql(f\"INSERT INTO {target} SELECT * FROM prod.a.src\")\n") ==
        V{"2:52 read prod.a.src - spark.sql:INSERT"});
  CHECK(run("def replace_partitions(df, target):\n"
            "    df.writeTo(target).overwritePartitions()\n"
            "replace_partitions(df, \"prod.a.t\")\n") ==
        V{"3:24 write prod.a.t overwrite writeTo.overwritePartitions"});
}

#include <catch2/catch.hpp>

#include "render.h"

using V = std::vector<std::string>;

namespace {

// "line:col table.column how [-> target[ as alias]]" per column reference.
V cols(std::string_view src) {
  auto r = pipelint::py::analyze("jobs/job.py", src).records;
  V out;
  for (const auto& c : r.columns) {
    std::string s = std::to_string(c.line) + ":" + std::to_string(c.col) + " " +
                    r.accesses[c.access].name.placeholder_text() + "." + c.column + " " + c.how;
    if (c.into >= 0) s += " -> " + r.accesses[c.into].name.placeholder_text();
    if (!c.as.empty()) s += " as " + c.as;
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("select of string literals and col()/F.col() on a read", "[python][columns]") {
  CHECK(cols("from pyspark.sql import functions as F\n"
             "from pyspark.sql.functions import col\n"
             "df = spark.table(\"p.s.t\").select(\"a\", col(\"b\"), F.col(\"c\").alias(\"d\"))\n") ==
        V{"3:34 p.s.t.a select", "3:43 p.s.t.b col", "3:55 p.s.t.c col as d"});
  // look-alike: a select of "*" and of a column created earlier names no table column
  CHECK(cols("df = spark.table(\"p.s.t\").withColumn(\"n\", F.lit(1)).select(\"*\", \"n\")\n").empty());
}

TEST_CASE("the chain is followed through variables", "[python][columns]") {
  CHECK(cols("df = spark.read.table(\"p.s.t\")\n"
             "x = df.filter(col(\"a\") > 0)\n"
             "y = x.groupBy(\"g\").agg(F.sum(\"k\"), F.max(col(\"m\")))\n") ==
        V{"2:19 p.s.t.a col", "3:15 p.s.t.g group", "3:46 p.s.t.m col"});
}

TEST_CASE("df[\"a\"] and df.a, but not DataFrame members", "[python][columns]") {
  CHECK(cols("df = spark.table(\"p.s.t\")\n"
             "z = df.filter(df[\"a\"] > 1).where(df.b.isNotNull())\n") ==
        V{"2:18 p.s.t.a item", "2:37 p.s.t.b attr"});
  // look-alike: df.count, df.columns, df.write are members, not columns
  CHECK(cols("df = spark.table(\"p.s.t\")\n"
             "n = df.filter(df.columns[0] != df.count())\n").empty());
}

TEST_CASE("withColumnRenamed, drop, dropDuplicates, orderBy and join keys", "[python][columns]") {
  CHECK(cols("a = spark.table(\"p.s.t\")\n"
             "b = spark.table(\"p.s.u\")\n"
             "c = a.withColumnRenamed(\"x\", \"y\").drop(\"z\").dropDuplicates([\"y\", \"k\"]).orderBy(\"w\")"
             ".join(b, \"k\")\n") ==
        V{"3:25 p.s.t.x renamed", "3:40 p.s.t.z drop", "3:66 p.s.t.k dedupe", "3:80 p.s.t.w order",
          "3:93 p.s.t.k join", "3:93 p.s.u.k join"});
}

TEST_CASE("attribution stops where the columns change unknowably", "[python][columns]") {
  CHECK(cols("df = spark.table(\"p.s.t\").join(o, F.expr(\"a = b\")).select(\"q\")\n").empty());
  CHECK(cols("df = spark.table(\"p.s.t\").selectExpr(\"a + 1 as b\").select(\"b\")\n").empty());
  CHECK(cols("pdf = spark.table(\"p.s.t\").toPandas()\nv = pdf[\"a\"]\n").empty());
  // a plain pandas frame or another object is no table
  CHECK(cols("import pandas as pd\np = pd.read_csv(\"x.csv\")\nq = p.select(\"a\")\n").empty());
}

TEST_CASE("a select that is written projects its plain columns into the write", "[python][columns]") {
  CHECK(cols("df = spark.table(\"g.b.inv\").select(\"customer_id\", col(\"kwh\").alias(\"energy\"), "
             "F.upper(col(\"month\")).alias(\"m\"))\n"
             "df.write.mode(\"overwrite\").saveAsTable(\"g.c.out\")\n") ==
        V{"1:36 g.b.inv.customer_id select -> g.c.out", "1:55 g.b.inv.kwh col -> g.c.out as energy",
          "1:91 g.b.inv.month col"});
  CHECK(cols("spark.table(\"g.b.inv\").select(\"customer_id\").writeTo(\"g.c.out\").append()\n") ==
        V{"1:31 g.b.inv.customer_id select -> g.c.out"});
  // look-alike: a select that is only displayed projects nothing
  CHECK(cols("spark.table(\"g.b.inv\").select(\"customer_id\").show()\n") == V{"1:31 g.b.inv.customer_id select"});
}

TEST_CASE("spark.sql text gives column references at their identifiers", "[python][columns]") {
  CHECK(cols("spark.sql(\"INSERT INTO g.c.out SELECT customer_id FROM g.b.inv WHERE kwh > 0\")\n") ==
        V{"1:39 g.b.inv.customer_id sql-select -> g.c.out", "1:70 g.b.inv.kwh sql-where"});
}

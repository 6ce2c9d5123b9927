#include <catch2/catch.hpp>

#include "render.h"

using pltest::run;
using V = std::vector<std::string>;

TEST_CASE("concatenation of module constants", "[python][resolve]") {
  const char* src =
      "CATALOG = \"prod_de\"\n"
      "SCHEMA = \"silver_billing\"\n"
      "spark.table(CATALOG + \".\" + SCHEMA + \".a\")\n";
  CHECK(run(src) == V{"3:7 read prod_de.silver_billing.a - table"});
  CHECK(pltest::holes(src) == V{});
}

TEST_CASE("f-strings, with format specs and conversions ignored", "[python][resolve]") {
  const char* src =
      "CATALOG = \"prod_de\"\n"
      "SCHEMA = \"silver_billing\"\n"
      "spark.table(f\"{CATALOG}.{SCHEMA}.b\")\n"
      "spark.table(f\"{CATALOG:>10}.{SCHEMA!s}.c\")\n";
  CHECK(run(src) == V{"3:13 read prod_de.silver_billing.b - table", "4:13 read prod_de.silver_billing.c - table"});
}

TEST_CASE("str.format positional and keyword", "[python][resolve]") {
  const char* src =
      "C = \"prod_de\"\n"
      "S = \"silver_billing\"\n"
      "spark.table(\"{}.{}.d\".format(C, S))\n"
      "spark.table(\"{cat}.{sch}.e\".format(cat=C, sch=S))\n"
      "spark.table(\"{0}.{1}.e2\".format(C, S))\n";
  CHECK(run(src) == V{"3:7 read prod_de.silver_billing.d - table", "4:7 read prod_de.silver_billing.e - table", "5:7 read prod_de.silver_billing.e2 - table"});
}

TEST_CASE("percent formatting with tuple and dict", "[python][resolve]") {
  const char* src =
      "C = \"prod_de\"\n"
      "S = \"silver_billing\"\n"
      "spark.table(\"%s.%s.f\" % (C, S))\n"
      "spark.table(\"%(c)s.g\" % {\"c\": C})\n"
      "spark.table(\"%s.x.h\" % C)\n";
  CHECK(run(src) == V{"3:7 read prod_de.silver_billing.f - table", "4:7 read prod_de.g - table", "5:7 read prod_de.x.h - table"});
}

TEST_CASE("join of a known list", "[python][resolve]") {
  const char* src =
      "C = \"prod_de\"\n"
      "PARTS = [C, \"silver_billing\", \"h\"]\n"
      "spark.table(\".\".join([C, \"silver_billing\", \"h\"]))\n"
      "spark.table(\"\".join([\"prod_de.\", \"x.\", \"y\"]))\n"
      "spark.table(\".\".join(PARTS))\n";
  CHECK(run(src) == V{"3:7 read prod_de.silver_billing.h - table", "4:7 read prod_de.x.y - table", "5:7 read prod_de.silver_billing.h - table"});
}

TEST_CASE("widget value is a hole with the widget's default", "[python][resolve]") {
  const char* src =
      "env = dbutils.widgets.get(\"env\")\n"
      "dbutils.widgets.text(\"env\", \"dev\")\n"
      "spark.table(f\"{env}_de.silver_billing.i\")\n";
  CHECK(run(src) == V{"3:13 read {env}_de.silver_billing.i - table"});
  CHECK(pltest::holes(src) == V{"env/widget/dev"});
}

TEST_CASE("dropdown default", "[python][resolve]") {
  const char* src =
      "dbutils.widgets.dropdown(\"country\", \"fr\", [\"de\", \"fr\"])\n"
      "spark.table(\"prod_\" + dbutils.widgets.get(\"country\") + \".silver_grid.x\")\n";
  CHECK(run(src) == V{"2:7 read prod_{country}.silver_grid.x - table"});
  CHECK(pltest::holes(src) == V{"country/widget/fr"});
}

TEST_CASE("os.environ.get with a default", "[python][resolve]") {
  const char* src =
      "import os\n"
      "spark.table(f\"{os.environ.get('ENV', 'prod')}_de.j\")\n";
  CHECK(run(src) == V{"2:13 read {ENV}_de.j - table"});
  CHECK(pltest::holes(src) == V{"ENV/env/prod"});
}

TEST_CASE("os.getenv and os.environ[]", "[python][resolve]") {
  const char* src =
      "import os\n"
      "spark.table(os.getenv(\"TBL\", \"prod_de.x.k\"))\n";
  CHECK(run(src) == V{"2:7 read {TBL} - table"});
  CHECK(pltest::holes(src) == V{"TBL/env/prod_de.x.k"});
}

TEST_CASE("os.environ subscript has no default", "[python][resolve]") {
  const char* src =
      "import os\n"
      "spark.table(os.environ[\"TBL2\"])\n";
  CHECK(run(src) == V{"2:7 read {TBL2} - table"});
  CHECK(pltest::holes(src) == V{"TBL2/env/-"});
}

TEST_CASE("getenv or default", "[python][resolve]") {
  const char* src =
      "import os\n"
      "spark.table(os.getenv(\"X\") or \"prod_de.x.o\")\n";
  CHECK(run(src) == V{"2:7 read {X} - table"});
  CHECK(pltest::holes(src) == V{"X/env/prod_de.x.o"});
}

TEST_CASE("spark.conf.get", "[python][resolve]") {
  const char* src =
      "spark.table(spark.conf.get(\"pipeline.table\", \"prod_de.x.l\"))\n";
  CHECK(run(src) == V{"1:7 read {pipeline.table} - table"});
  CHECK(pltest::holes(src) == V{"pipeline.table/sparkconf/prod_de.x.l"});
}

TEST_CASE("a name assigned different values on different paths is a hole", "[python][resolve]") {
  const char* src =
      "if cond:\n"
      "    t = \"prod_de.x.m1\"\n"
      "else:\n"
      "    t = \"prod_de.x.m2\"\n"
      "spark.table(t)\n";
  CHECK(run(src) == V{"5:7 read {t} - table"});
  CHECK(pltest::holes(src) == V{"t/variable/-"});
}

TEST_CASE("straight-line reassignment takes the latest value", "[python][resolve]") {
  const char* src =
      "u = \"prod_de.x.n1\"\n"
      "spark.table(u)\n"
      "u = \"prod_de.x.n2\"\n"
      "spark.table(u)\n";
  CHECK(run(src) == V{"2:7 read prod_de.x.n1 - table", "4:7 read prod_de.x.n2 - table"});
}

TEST_CASE("an unknown variable is a hole named after it", "[python][resolve]") {
  const char* src =
      "spark.table(unknown_var)\n";
  CHECK(run(src) == V{"1:7 read {unknown_var} - table"});
  CHECK(pltest::holes(src) == V{"unknown_var/variable/-"});
}

TEST_CASE("an unknown call is {?}", "[python][resolve]") {
  const char* src =
      "spark.table(get_name())\n";
  CHECK(run(src) == V{"1:7 read {?} - table"});
  CHECK(pltest::holes(src) == V{"?/unknown/-"});
}

TEST_CASE("a cycle of assignments is a hole", "[python][resolve]") {
  const char* src =
      "a = b\n"
      "b = a\n"
      "spark.table(a)\n";
  CHECK(run(src) == V{"3:7 read {b} - table"});
}

TEST_CASE("dict constant subscript", "[python][resolve]") {
  const char* src =
      "TABLES = {\"readings\": \"prod_de.silver_meter.readings\"}\n"
      "spark.table(TABLES[\"readings\"])\n"
      "spark.table(TABLES.get(\"readings\"))\n";
  CHECK(run(src) == V{"2:7 read prod_de.silver_meter.readings - table", "3:7 read prod_de.silver_meter.readings - table"});
}

TEST_CASE("class attributes via self, the class and __init__", "[python][resolve]") {
  const char* src =
      "class Writer:\n"
      "    TABLE = \"prod_de.silver_billing.cls\"\n"
      "    def __init__(self):\n"
      "        self.other = \"prod_de.silver_billing.init\"\n"
      "    def run(self, df):\n"
      "        spark.table(self.TABLE)\n"
      "        spark.table(Writer.TABLE)\n"
      "        spark.table(self.other)\n";
  CHECK(run(src) == V{"6:15 read prod_de.silver_billing.cls - table", "7:15 read prod_de.silver_billing.cls - table", "8:15 read prod_de.silver_billing.init - table"});
}

TEST_CASE("a local variable shadows the module constant", "[python][resolve]") {
  const char* src =
      "T = \"prod.a.module\"\n"
      "def f():\n"
      "    T = \"prod.a.local\"\n"
      "    spark.table(T)\n";
  CHECK(run(src) == V{"4:11 read prod.a.local - table"});
}

TEST_CASE("escapes and implicit concatenation", "[python][resolve]") {
  const char* src =
      "spark.table(\"prod_de.\" \"silver_x.\\x61\")\n";
  CHECK(run(src) == V{"1:13 read prod_de.silver_x.a - table"});
}


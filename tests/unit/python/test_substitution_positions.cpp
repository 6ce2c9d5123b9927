#include <catch2/catch.hpp>

#include "render.h"

using pltest::run;
using V = std::vector<std::string>;

TEST_CASE("a name substituted into an f-string is positioned at its interpolation", "[python][positions]") {
  auto r = run(
      "import os\n"
      "CATALOG = os.environ.get(\"CAT\", \"prod_fr\")\n"
      "LINES = \"{}.{}.invoice_lines\".format(CATALOG, \"silver_billing\")\n"
      "spark.sql(f\"\"\"\n"
      "    MERGE INTO {LINES} AS t\n"
      "    USING {CATALOG}.bronze.src AS s ON t.id = s.id\n"
      "\"\"\")\n");
  CHECK(r == V{"5:16 write {CAT}.silver_billing.invoice_lines merge spark.sql:MERGE",
               "6:11 read {CAT}.bronze.src - spark.sql:MERGE"});
}

TEST_CASE("a literal part after an interpolation keeps its own column", "[python][positions]") {
  auto r = run(
      "S = \"silver\"\n"
      "spark.sql(f\"SELECT * FROM prod.{S}.t JOIN x.y USING (id)\")\n");
  CHECK(r == V{"2:27 read prod.silver.t - spark.sql:SELECT", "2:43 read x.y - spark.sql:SELECT"});
}

TEST_CASE(".format fields and %s in a literal template are positioned at the field", "[python][positions]") {
  auto r = run(
      "T = \"prod.a.target\"\n"
      "spark.sql(\"INSERT INTO {} SELECT * FROM {src}\".format(T, src=\"prod.a.src\"))\n"
      "spark.sql(\"DELETE FROM %s WHERE d < 1\" % T)\n"
      "q = \"SELECT * FROM {}\".format(T)\n"
      "spark.sql(q)\n");
  CHECK(r == V{"2:24 write prod.a.target append spark.sql:INSERT", "2:41 read prod.a.src - spark.sql:INSERT",
               "3:24 write prod.a.target delete spark.sql:DELETE", "4:20 read prod.a.target - spark.sql:SELECT"});
}

TEST_CASE("an imported constant in SQL is positioned at its interpolation after link", "[python][positions][link]") {
  pltest::Repo repo;
  repo.add("conf/tables.py", "LINES = \"prod_fr.silver_billing.invoice_lines\"\n");
  repo.add("jobs/j.py",
           "from conf.tables import LINES\n"
           "spark.sql(f\"\"\"\n"
           "  MERGE INTO {LINES} AS t USING new AS s ON t.id = s.id\n"
           "\"\"\")\n");
  repo.link();
  CHECK(repo.records("jobs/j.py") == V{"3:14 write prod_fr.silver_billing.invoice_lines merge spark.sql:MERGE",
                                        "3:33 read new - spark.sql:MERGE"});
}

TEST_CASE("a substituted value that only forms part of a name keeps the literal start", "[python][positions]") {
  auto r = run(
      "env = \"prod\"\n"
      "spark.sql(f\"\"\"SELECT * FROM\n"
      "  x_{env}.a.b\"\"\")\n");
  CHECK(r == V{"3:3 read x_prod.a.b - spark.sql:SELECT"});
}

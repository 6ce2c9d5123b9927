// OBS002 (no latency promise on a silver/gold contract) and OBS004 (a latency
// promise the lineage cannot keep) on scratch repositories.
#include <catch2/catch.hpp>

#include "airflow_test_util.h"

using namespace pipelint;
using namespace pipelint::test;
using V = std::vector<std::string>;

namespace {

std::string config(const std::string& extra = "") {
  return R"(version: 1
team: billing-de
namespace:
  patterns:
    - '^(?P<env>prod)_(?P<country>de)\.(?P<layer>bronze|silver|gold)_(?P<domain>[a-z]+)\.(?P<table>[a-z_]+)$'
teams:
  billing-de:
    owns: ['*_de.*.*']
)" + extra;
}

// A contract for `table` with the given slaProperties block ("" = none).
std::string contract(const std::string& id, const std::string& table, const std::string& sla,
                     const std::string& status = "active") {
  return "apiVersion: v3.1.0\nkind: DataContract\nid: " + id + "\nversion: 1.0.0\nstatus: " + status +
         "\nschema:\n  - name: t\n    physicalName: " + table +
         "\n    properties:\n      - name: meter_id\n        logicalType: integer\n" + sla;
}

std::string latency(const std::string& value, const std::string& unit, const char* property = "latency") {
  std::string out = std::string("slaProperties:\n  - property: ") + property + "\n    value: " + value + "\n";
  return unit.empty() ? out : out + "    unit: " + unit + "\n";
}

const char* kHead = R"(from airflow import DAG, Dataset
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator as S
ARGS = {"owner": "billing-de", "on_failure_callback": print}
)";

// silver.py: bronze -> silver readings; gold.py: silver readings -> gold daily.
void write_jobs(const Scratch& s) {
  s.write("jobs/silver.py", "spark.table('prod_de.bronze_metering.raw').write.saveAsTable('prod_de.silver_metering.readings')\n");
  s.write("jobs/gold.py", "spark.table('prod_de.silver_metering.readings').write.saveAsTable('prod_de.gold_metering.daily')\n");
}

}  // namespace

TEST_CASE("OBS002: silver and gold contracts without a latency", "[rules][sla]") {
  Scratch s;
  s.write("pipelint.yaml", config());
  s.write("contracts/silver.yaml", contract("silver", "prod_de.silver_metering.readings", ""));
  s.write("contracts/gold.yaml", contract("gold", "prod_de.gold_metering.daily", latency("1", "d", "frequency")));
  s.write("contracts/fresh.yaml", contract("fresh", "prod_de.gold_metering.weekly", latency("36", "hours", "freshness")));
  s.write("contracts/bronze.yaml", contract("bronze", "prod_de.bronze_metering.raw", ""));
  s.write("contracts/retired.yaml", contract("retired", "prod_de.silver_metering.old", "", "retired"));
  s.write("contracts/unmatched.yaml", contract("unmatched", "legacy.readings", ""));
  CHECK(s.findings("OBS002") == V{"contracts/gold.yaml:7", "contracts/silver.yaml:7"});
}

TEST_CASE("OBS002: rules.options.OBS002.layers", "[rules][sla]") {
  Scratch s;
  s.write("pipelint.yaml", config("rules:\n  options:\n    OBS002:\n      layers: [gold]\n"));
  s.write("contracts/silver.yaml", contract("silver", "prod_de.silver_metering.readings", ""));
  s.write("contracts/gold.yaml", contract("gold", "prod_de.gold_metering.daily", ""));
  CHECK(s.findings("OBS004").empty());
  CHECK(s.findings("OBS002") == V{"contracts/gold.yaml:7"});
}

TEST_CASE("OBS004: a promise stricter than upstream latency plus the schedule", "[rules][sla]") {
  Scratch s;
  s.write("pipelint.yaml", config());
  write_jobs(s);
  s.write("contracts/silver.yaml", contract("silver", "prod_de.silver_metering.readings", latency("2", "h")));
  s.write("contracts/gold.yaml", contract("gold", "prod_de.gold_metering.daily", latency("3", "h")));
  s.write("dags/daily.py", std::string(kHead) + R"(with DAG("daily", schedule="0 5 * * *", default_args=ARGS):
    S(task_id="gold", application="jobs/gold.py")
)");
  CHECK(s.findings("OBS004") == V{"contracts/gold.yaml:14"});
  Analysis a = s.analyze();
  RuleFilter f;
  f.select = {"OBS004"};
  auto found = run_rules(a.model, f);
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0].message, Catch::Contains("promises a latency of 3 h") && Catch::Contains("(latency 2 h)") &&
                                   Catch::Contains("every 24 h") && Catch::Contains("at best 26 h"));
  REQUIRE(found[0].related.size() == 2);
  CHECK(found[0].related[0].loc.path == "contracts/silver.yaml");
  CHECK(found[0].related[1].loc.path == "dags/daily.py");
}

TEST_CASE("OBS004: promises the lineage can keep, and schedules it cannot know", "[rules][sla]") {
  SECTION("hourly job: 2 h + 1 h fits 3 h") {
    Scratch s;
    s.write("pipelint.yaml", config());
    write_jobs(s);
    s.write("contracts/silver.yaml", contract("silver", "prod_de.silver_metering.readings", latency("2", "h")));
    s.write("contracts/gold.yaml", contract("gold", "prod_de.gold_metering.daily", latency("PT3H", "")));
    s.write("dags/hourly.py", std::string(kHead) + R"(with DAG("hourly", schedule="@hourly", default_args=ARGS):
    S(task_id="gold", application="jobs/gold.py")
)");
    CHECK(s.findings("OBS004").empty());
  }
  SECTION("Dataset-triggered, and not run by any DAG") {
    Scratch s;
    s.write("pipelint.yaml", config());
    write_jobs(s);
    s.write("contracts/silver.yaml", contract("silver", "prod_de.silver_metering.readings", latency("2", "h")));
    s.write("contracts/gold.yaml", contract("gold", "prod_de.gold_metering.daily", latency("1", "h")));
    s.write("contracts/bronze.yaml", contract("bronze", "prod_de.bronze_metering.raw", latency("1", "h")));
    s.write("dags/on_data.py", std::string(kHead) + R"(with DAG("on_data", schedule=[Dataset("prod_de.silver_metering.readings")], default_args=ARGS):
    S(task_id="gold", application="jobs/gold.py")
)");
    CHECK(s.findings("OBS004").empty());
  }
  SECTION("an upstream without a latency promise") {
    Scratch s;
    s.write("pipelint.yaml", config());
    write_jobs(s);
    s.write("contracts/gold.yaml", contract("gold", "prod_de.gold_metering.daily", latency("1", "h")));
    s.write("dags/daily.py", std::string(kHead) + R"(with DAG("daily", schedule="0 5 * * *", default_args=ARGS):
    S(task_id="gold", application="jobs/gold.py")
)");
    CHECK(s.findings("OBS004").empty());
  }
}

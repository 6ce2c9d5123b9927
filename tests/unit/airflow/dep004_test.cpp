// DEP004 on scratch repositories: a cross-DAG read fires unless a sensor, a
// trigger, a Dataset/Asset or table-update schedule, a job run or a chain of
// those makes the reader wait for the producer.
#include <catch2/catch.hpp>

#include "airflow_test_util.h"

using namespace pipelint;
using namespace pipelint::test;
using V = std::vector<std::string>;

namespace {

const char* kHead = R"(from datetime import timedelta
from airflow import DAG, Dataset
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator as S
from airflow.sensors.external_task import ExternalTaskSensor
from airflow.operators.trigger_dagrun import TriggerDagRunOperator
ARGS = {"owner": "billing-de", "on_failure_callback": print}
)";

// jobs/silver.py writes the silver readings; jobs/gold.py reads them. DAG
// `producer` runs silver.py and declares its Dataset.
void write_platform(const Scratch& s) {
  s.write("pipelint.yaml", kConfig);
  s.write("jobs/silver.py", "spark.table('prod_de.bronze_metering.raw').write.saveAsTable('prod_de.silver_metering.readings')\n");
  s.write("jobs/gold.py", "spark.table('prod_de.silver_metering.readings').write.saveAsTable('prod_de.gold_metering.daily')\n");
  s.write("dags/producer.py", std::string(kHead) + R"(with DAG("producer", schedule="0 2 * * *", default_args=ARGS):
    S(task_id="silver", application="jobs/silver.py", outlets=[Dataset("prod_de.silver_metering.readings")])
)");
}

std::string dag(const std::string& body) { return std::string(kHead) + body; }

}  // namespace

TEST_CASE("DEP004: a DAG reading another DAG's table without waiting", "[rules][dep004]") {
  Scratch s;
  write_platform(s);
  s.write("dags/a_clock.py", dag(R"(with DAG("clock", schedule="0 5 * * *", default_args=ARGS):
    S(task_id="gold", application="jobs/gold.py")
)"));
  // a sensor that the reading task does not run after coordinates nothing
  s.write("dags/b_stray_sensor.py", dag(R"(with DAG("stray_sensor", schedule="0 2 * * *", default_args=ARGS):
    ExternalTaskSensor(task_id="wait", external_dag_id="producer", execution_delta=timedelta(0))
    S(task_id="gold", application="jobs/gold.py")
)"));
  CHECK(s.findings("DEP004") == V{"dags/a_clock.py:8", "dags/b_stray_sensor.py:9"});
}

TEST_CASE("DEP004: sensors, triggers, Datasets and chains coordinate", "[rules][dep004]") {
  Scratch s;
  write_platform(s);
  s.write("dags/sensed.py", dag(R"(with DAG("sensed", schedule="0 2 * * *", default_args=ARGS):
    wait = ExternalTaskSensor(task_id="wait", external_dag_id="producer", external_task_id="silver")
    gold = S(task_id="gold", application="jobs/gold.py")
    wait >> gold
)"));
  s.write("dags/dataset.py", dag(R"(with DAG("by_dataset", schedule=[Dataset("prod_de.silver_metering.readings")], default_args=ARGS):
    S(task_id="gold", application="jobs/gold.py")
)"));
  s.write("dags/triggered.py", dag(R"(with DAG("starter", schedule="0 2 * * *", default_args=ARGS):
    silver = S(task_id="silver", application="jobs/silver.py")
    go = TriggerDagRunOperator(task_id="go", trigger_dag_id="triggered")
    silver >> go
with DAG("triggered", schedule=None, default_args=ARGS):
    S(task_id="gold", application="jobs/gold.py")
)"));
  // waits for `sensed`, which waits for the producer
  s.write("dags/chained.py", dag(R"(with DAG("chained", schedule="0 2 * * *", default_args=ARGS):
    wait = ExternalTaskSensor(task_id="wait", external_dag_id="sensed")
    gold = S(task_id="gold", application="jobs/gold.py")
    wait >> gold
)"));
  // same DAG: task order is DEP008's business
  s.write("dags/both.py", dag(R"(with DAG("both", schedule="0 2 * * *", default_args=ARGS):
    silver = S(task_id="silver", application="jobs/silver.py")
    gold = S(task_id="gold", application="jobs/gold.py")
    silver >> gold
)"));
  CHECK(s.findings("DEP004").empty());
}

TEST_CASE("DEP004: bundle jobs: table_update trigger, run_job_task", "[rules][dep004]") {
  Scratch s;
  write_platform(s);
  s.write("databricks.yml", R"(bundle:
  name: gold
resources:
  jobs:
    on_update:
      name: on_update
      trigger:
        table_update:
          table_names: [prod_de.silver_metering.readings]
      tasks:
        - task_key: gold
          spark_python_task:
            python_file: jobs/gold.py
    nightly:
      name: nightly
      schedule:
        quartz_cron_expression: "0 0 5 * * ?"
      tasks:
        - task_key: gold
          spark_python_task:
            python_file: jobs/gold.py
)");
  CHECK(s.findings("DEP004") == V{"databricks.yml:19"});
}

TEST_CASE("DEP004: a job run by a DAG is judged through that DAG", "[rules][dep004]") {
  Scratch s;
  write_platform(s);
  s.write("databricks.yml", R"(bundle:
  name: gold
resources:
  jobs:
    gold_job:
      name: gold_job
      tasks:
        - task_key: gold
          spark_python_task:
            python_file: jobs/gold.py
)");
  s.write("dags/runner.py", dag(R"(from airflow.providers.databricks.operators.databricks import DatabricksRunNowOperator
with DAG("runner", schedule="0 2 * * *", default_args=ARGS):
    wait = ExternalTaskSensor(task_id="wait", external_dag_id="producer")
    run = DatabricksRunNowOperator(task_id="run_gold", job_name="gold_job")
    wait >> run
)"));
  CHECK(s.findings("DEP004").empty());
}

TEST_CASE("DEP004: one finding per reading DAG and table", "[rules][dep004]") {
  Scratch s;
  write_platform(s);
  s.write("jobs/gold2.py", "spark.table('prod_de.silver_metering.readings').write.saveAsTable('prod_de.gold_metering.weekly')\n");
  s.write("dags/two.py", dag(R"(with DAG("two", schedule="0 5 * * *", default_args=ARGS):
    S(task_id="daily", application="jobs/gold.py")
    S(task_id="weekly", application="jobs/gold2.py")
)"));
  CHECK(s.findings("DEP004") == V{"dags/two.py:8"});
}

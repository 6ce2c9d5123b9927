// The orchestration rules on scratch repositories: each fires on its case and
// stays silent on the look-alike next to it.
#include <catch2/catch.hpp>

#include "airflow_test_util.h"

using namespace pipelint;
using namespace pipelint::test;
using V = std::vector<std::string>;

namespace {

// jobs/silver.py writes the silver readings; jobs/gold.py reads them.
void write_jobs(const Scratch& s) {
  s.write("pipelint.yaml", kConfig);
  s.write("jobs/silver.py", "spark.table('prod_de.bronze_metering.raw').write.saveAsTable('prod_de.silver_metering.readings')\n");
  s.write("jobs/gold.py", "spark.table('prod_de.silver_metering.readings').write.saveAsTable('prod_de.gold_metering.daily')\n");
}

const char* kHead = R"(from datetime import timedelta
from airflow import DAG, Dataset
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator as S
from airflow.sensors.external_task import ExternalTaskSensor
from airflow.operators.trigger_dagrun import TriggerDagRunOperator
ARGS = {"owner": "billing-de", "on_failure_callback": print}
)";

}  // namespace

TEST_CASE("DEP008: a reader not downstream of the writer", "[rules]") {
  Scratch s;
  write_jobs(s);
  s.write("dags/bad.py", std::string(kHead) + R"(with DAG("bad", default_args=ARGS):
    silver = S(task_id="silver", application="jobs/silver.py")
    gold = S(task_id="gold", application="jobs/gold.py")
)");
  s.write("dags/good.py", std::string(kHead) + R"(with DAG("good", default_args=ARGS):
    silver = S(task_id="silver", application="jobs/silver.py")
    gold = S(task_id="gold", application="/opt/repo/jobs/gold.py")
    silver >> gold
)");
  CHECK(s.findings("DEP008") == V{"dags/bad.py:9"});
}

TEST_CASE("DEP006: task cycle and cross-DAG trigger cycle", "[rules]") {
  Scratch s;
  write_jobs(s);
  s.write("dags/cycle.py", std::string(kHead) + R"(with DAG("cycle", default_args=ARGS):
    a = S(task_id="a", application="jobs/silver.py")
    b = S(task_id="b", application="jobs/gold.py")
    a >> b
    b >> a
with DAG("ping", default_args=ARGS):
    TriggerDagRunOperator(task_id="to_pong", trigger_dag_id="pong")
with DAG("pong", default_args=ARGS):
    TriggerDagRunOperator(task_id="to_ping", trigger_dag_id="ping")
with DAG("one_way", default_args=ARGS):
    TriggerDagRunOperator(task_id="to_ping", trigger_dag_id="ping")
with DAG("diamond", default_args=ARGS):
    x, y, z = S(task_id="x", application="x.py"), S(task_id="y", application="y.py"), S(task_id="z", application="z.py")
    x >> [y, z]
    y >> z
)");
  CHECK(s.findings("DEP006") == V{"dags/cycle.py:11", "dags/cycle.py:15"});
}

TEST_CASE("DEP009: outlets that the code does not write", "[rules]") {
  Scratch s;
  write_jobs(s);
  s.write("dags/d.py", std::string(kHead) + R"(with DAG("d", default_args=ARGS):
    S(task_id="wrong", application="jobs/silver.py", outlets=[Dataset("prod_de.silver_metering.reading")])
    S(task_id="right", application="jobs/silver.py", outlets=[Dataset("prod_de.silver_metering.readings")])
    S(task_id="path", application="jobs/silver.py", outlets=[Dataset("s3://bucket/readings/")])
    S(task_id="inlet", application="jobs/gold.py", inlets=[Dataset("prod_de.silver_metering.meters")])
)");
  CHECK(s.findings("DEP009") == V{"dags/d.py:8", "dags/d.py:11"});
}

TEST_CASE("DEP010: sensor across different schedules without a delta", "[rules]") {
  Scratch s;
  write_jobs(s);
  s.write("dags/p.py", std::string(kHead) + R"(with DAG("producer", schedule="@daily", default_args=ARGS):
    S(task_id="load", application="jobs/silver.py")
with DAG("late", schedule="0 4 * * *", default_args=ARGS):
    ExternalTaskSensor(task_id="no_delta", external_dag_id="producer")
    ExternalTaskSensor(task_id="delta", external_dag_id="producer", execution_delta=timedelta(hours=4))
with DAG("same", schedule="0 0 * * *", default_args=ARGS):
    ExternalTaskSensor(task_id="same_time", external_dag_id="producer")
    ExternalTaskSensor(task_id="elsewhere", external_dag_id="not_analysed")
)");
  CHECK(s.findings("DEP010") == V{"dags/p.py:10"});
}

TEST_CASE("OBS001 and OBS003, also through default_args imported from the repository", "[rules]") {
  Scratch s;
  write_jobs(s);
  s.write("dags/common/args.py", "OK = {'owner': 'billing-de', 'email_on_failure': True}\nQUIET = {'owner': 'jsmith'}\n");
  s.write("dags/a.py", R"(from airflow import DAG
from common.args import OK, QUIET
with DAG("alerting", default_args=OK):
    pass
with DAG("silent", default_args=QUIET):
    pass
)");
  CHECK(s.findings("OBS001") == V{"dags/a.py:5"});
  CHECK(s.findings("OBS003") == V{"dags/a.py:5"});
}

TEST_CASE("COST001 and COST002 on bundle clusters; bundle jobs, notes and links", "[rules]") {
  Scratch s;
  write_jobs(s);
  s.write("databricks.yml", "bundle:\n  name: b\ninclude: [resources/*.yml]\n");
  s.write("resources/jobs.yml", R"(resources:
  jobs:
    nightly:
      email_notifications: {on_failure: [x@y.z]}
      job_clusters:
        - job_cluster_key: ok
          new_cluster:
            custom_tags: {team: billing-de, cost_center: DE-4410}
        - job_cluster_key: untagged
          new_cluster:
            custom_tags: {team: billing-de}
        - job_cluster_key: wrong
          new_cluster:
            custom_tags: {team: billing-de, cost_center: FR-2200}
      tasks:
        - task_key: silver
          spark_python_task: {python_file: ../jobs/silver.py}
        - task_key: gold
          spark_python_task: {python_file: ../jobs/gold.py}
        - task_key: missing
          notebook_task: {notebook_path: ../notebooks/nowhere}
)");
  CHECK(s.findings("COST001") == V{"resources/jobs.yml:10"});
  CHECK(s.findings("COST002") == V{"resources/jobs.yml:13"});
  CHECK(s.findings("OBS001").empty());
  CHECK(s.findings("DEP008") == V{"resources/jobs.yml:18"});
  Analysis a = s.analyze();
  const auto& o = a.model.orch;
  REQUIRE(o.tasks.size() == 3);
  CHECK(o.tasks[0].script == "jobs/silver.py");
  CHECK(o.tasks[0].accesses.size() == 2);
  CHECK(o.tasks[2].script.empty());
  CHECK(o.tasks[2].note.find("not in the repository") != std::string::npos);
}

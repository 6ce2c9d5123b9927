// What each operator runs, with look-alikes.
#include <catch2/catch.hpp>

#include "airflow_test_util.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("SparkSubmitOperator application and BashOperator commands", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
JOBS = "/opt/repos/de-metering-pipelines/jobs"
with DAG("runs"):
    SparkSubmitOperator(task_id="submit", application=f"{JOBS}/silver_readings.py")
    BashOperator(task_id="bash_spark", bash_command="spark-submit --master yarn --conf a=b jobs/grid_loss.py --day {{ ds }}")
    BashOperator(task_id="bash_module", bash_command="cd /repo && python3 -m jobs.billing_job")
    BashOperator(task_id="bash_echo", bash_command="echo python is great")
    BashOperator(task_id="bash_pip", bash_command="pip install requests")
)");
  CHECK(task(o, "submit")->script.placeholder_text() == "/opt/repos/de-metering-pipelines/jobs/silver_readings.py");
  CHECK(task(o, "bash_spark")->script.placeholder_text() == "jobs/grid_loss.py");
  CHECK(task(o, "bash_module")->script.placeholder_text() == "jobs/billing_job.py");
  CHECK(task(o, "bash_echo")->script.empty());
  CHECK(task(o, "bash_pip")->script.empty());
}

TEST_CASE("Databricks operators: notebook, python file, cluster tags, job name", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.providers.databricks.operators.databricks import DatabricksSubmitRunOperator, DatabricksRunNowOperator
CLUSTER = {"spark_version": "15.4", "custom_tags": {"team": "billing-de", "cost_center": "DE-4410"}}
with DAG("dbx"):
    nb = DatabricksSubmitRunOperator(task_id="nb", new_cluster=CLUSTER,
                                     notebook_task={"notebook_path": "/Repos/x/notebooks/daily"})
    py = DatabricksSubmitRunOperator(task_id="py", json={"spark_python_task": {"python_file": "dbfs:/jobs/a.py"},
                                                         "new_cluster": {"num_workers": 2}})
    now = DatabricksRunNowOperator(task_id="now", job_name="fr_linky_daily")
    ids = DatabricksRunNowOperator(task_id="by_id", job_id=42)
)");
  CHECK(task(o, "nb")->script.placeholder_text() == "/Repos/x/notebooks/daily");
  CHECK(task(o, "py")->script.placeholder_text() == "dbfs:/jobs/a.py");
  CHECK(task(o, "now")->job_name == "fr_linky_daily");
  CHECK(task(o, "by_id")->job_name.empty());
  REQUIRE(o.clusters.size() == 2);
  CHECK(o.clusters[0].key == "nb");
  CHECK(o.clusters[0].tags == std::vector<std::pair<std::string, std::string>>{{"team", "billing-de"}, {"cost_center", "DE-4410"}});
  CHECK(o.clusters[1].tags.empty());
}

TEST_CASE("PythonOperator and @task callables link to their lines in the file", "[airflow]") {
  auto a = py::analyze("dags/p.py", R"(
from airflow import DAG
from airflow.operators.python import PythonOperator
from jobs.publish import run_publish

def refresh():
    spark.table("prod_de.silver_metering.readings").count()

def unrelated():
    spark.table("prod_de.gold_metering.daily").count()

with DAG("py"):
    PythonOperator(task_id="refresh", python_callable=refresh)
    PythonOperator(task_id="publish", python_callable=run_publish)
)");
  const auto& o = a.airflow.orchestration;
  const TaskRecord* r = task(o, "refresh");
  REQUIRE(r);
  CHECK(r->callable == "refresh");
  CHECK(r->code_begin == 6);
  CHECK(r->code_end == 7);
  CHECK(task(o, "publish")->script.placeholder_text() == "jobs/publish.py");
  // the Python extractor found both reads; only line 7 is the task's
  CHECK(a.records.accesses.size() == 2);
}

TEST_CASE("SQL operators: inline SQL is extracted, a .sql path is linked", "[airflow]") {
  auto a = py::analyze("dags/s.py", R"(
from airflow import DAG
from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator
with DAG("sql"):
    SQLExecuteQueryOperator(task_id="merge", sql="""
        MERGE INTO prod_de.gold_billing.invoices t
        USING prod_de.silver_billing.invoice_lines s ON t.id = s.id
        WHEN MATCHED THEN UPDATE SET *""")
    SQLExecuteQueryOperator(task_id="file", sql="sql/gold_tariff_mix.sql")
    SQLExecuteQueryOperator(task_id="quoted", sql="SELECT 'FROM prod_de.fake.table' AS note")
)");
  const auto& acc = a.airflow.accesses;
  REQUIRE(acc.size() == 2);
  CHECK(acc[0].op == Op::Write);
  CHECK(acc[0].name.placeholder_text() == "prod_de.gold_billing.invoices");
  CHECK(acc[0].mode == "merge");
  CHECK(acc[0].line == 6);
  CHECK(acc[0].api == "SQLExecuteQueryOperator:MERGE");
  CHECK(acc[1].name.placeholder_text() == "prod_de.silver_billing.invoice_lines");
  CHECK(acc[1].line == 7);
  const auto& o = a.airflow.orchestration;
  CHECK(task(o, "merge")->code_begin == 5);
  CHECK(task(o, "file")->script.placeholder_text() == "sql/gold_tariff_mix.sql");
  CHECK(task(o, "quoted")->script.empty());
}

TEST_CASE("cross-DAG coordination: sensors, triggers, Datasets", "[airflow]") {
  auto o = dag_file(R"(
from datetime import timedelta
from airflow import DAG, Dataset
from airflow.sensors.external_task import ExternalTaskSensor
from airflow.operators.trigger_dagrun import TriggerDagRunOperator
from airflow.operators.empty import EmptyOperator
READINGS = Dataset("prod_de.silver_metering.readings")
with DAG("consumer", schedule=[READINGS, Dataset("prod_eu.silver_reference.tariffs")]):
    s1 = ExternalTaskSensor(task_id="s1", external_dag_id="producer", external_task_id="load")
    s2 = ExternalTaskSensor(task_id="s2", external_dag_id="producer", execution_delta=timedelta(hours=1))
    s3 = ExternalTaskSensor(task_id="s3", external_dag_id="producer", execution_date_fn=lambda d: d)
    t = TriggerDagRunOperator(task_id="t", trigger_dag_id="downstream")
    e = EmptyOperator(task_id="e", outlets=[READINGS], inlets=[Dataset("s3://bucket/raw/")])
)");
  REQUIRE(o.dags.size() == 1);
  CHECK(o.dags[0].schedule_kind == "datasets");
  CHECK(o.dags[0].schedule_datasets ==
        std::vector<std::string>{"prod_de.silver_metering.readings", "prod_eu.silver_reference.tariffs"});
  CHECK(task(o, "s1")->external_dag_id == "producer");
  CHECK(task(o, "s1")->external_task_id == "load");
  CHECK_FALSE(task(o, "s1")->has_execution_delta);
  CHECK(task(o, "s2")->has_execution_delta);
  CHECK(task(o, "s3")->has_execution_delta);
  CHECK(task(o, "t")->trigger_dag_id == "downstream");
  CHECK(task(o, "e")->outlets == std::vector<std::string>{"prod_de.silver_metering.readings"});
  CHECK(task(o, "e")->inlets == std::vector<std::string>{"s3://bucket/raw/"});
  CHECK(task(o, "t")->outlets.empty());
}

TEST_CASE("DAG attributes: schedule kinds, default_args, alerting, tags", "[airflow]") {
  auto o = dag_file(R"(
from datetime import timedelta
from airflow import DAG
ARGS = {"owner": "billing-de", "retries": 3, "email_on_failure": True}
BASE = {"owner": "electra-fr"}
with DAG("cron", schedule="0 3 * * *", default_args=ARGS, tags=["de", "billing"]):
    pass
with DAG("preset", schedule_interval="@hourly", default_args={**BASE, "retries": 1}):
    pass
with DAG("delta", schedule=timedelta(hours=6), on_failure_callback=lambda c: None, sla_miss_callback=print):
    pass
with DAG("manual", schedule=None, default_args={"owner": "x", "email_on_failure": False}):
    pass
)");
  REQUIRE(o.dags.size() == 4);
  CHECK(o.dags[0].schedule == "0 3 * * *");
  CHECK(o.dags[0].schedule_kind == "cron");
  CHECK(o.dags[0].owner == "billing-de");
  CHECK(o.dags[0].retries == "3");
  CHECK(o.dags[0].failure_alerting);
  CHECK(o.dags[0].tags == std::vector<std::string>{"de", "billing"});
  CHECK(o.dags[1].schedule_kind == "preset");
  CHECK(o.dags[1].owner == "electra-fr");
  CHECK_FALSE(o.dags[1].failure_alerting);
  CHECK(o.dags[2].schedule_kind == "timedelta");
  CHECK(o.dags[2].failure_alerting);
  CHECK(o.dags[2].has_sla);
  CHECK(o.dags[3].schedule_kind == "none");
  CHECK_FALSE(o.dags[3].failure_alerting);  // email_on_failure=False is no alerting
}

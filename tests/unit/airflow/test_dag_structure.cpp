// DAGs, tasks and edges: every construction pattern with a look-alike.
#include <catch2/catch.hpp>

#include "airflow_test_util.h"

using namespace pipelint;
using namespace pipelint::test;
using S = std::set<std::string>;

TEST_CASE("DAG as a context manager: tasks and >> edges", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.operators.bash import BashOperator
with DAG("daily", schedule="0 2 * * *") as dag:
    a = BashOperator(task_id="extract", bash_command="echo")
    b = BashOperator(task_id="load", bash_command="echo")
    a >> b
)");
  REQUIRE(o.dags.size() == 1);
  CHECK(o.dags[0].dag_id == "daily");
  CHECK(o.dags[0].line == 4);
  CHECK(task_ids(o) == S{"daily:extract", "daily:load"});
  CHECK(edges(o) == S{"extract>>load"});
}

TEST_CASE("assigned DAG with dag= and <<, lists on both sides", "[airflow]") {
  auto o = dag_file(R"(
from airflow.models import DAG
from airflow.operators.empty import EmptyOperator
my_dag = DAG(dag_id="assigned", schedule=None)
s = EmptyOperator(task_id="start", dag=my_dag)
x = EmptyOperator(task_id="x", dag=my_dag)
y = EmptyOperator(task_id="y", dag=my_dag)
e = EmptyOperator(task_id="end", dag=my_dag)
[x, y] << s
[x, y] >> e
)");
  CHECK(task_ids(o) == S{"assigned:start", "assigned:x", "assigned:y", "assigned:end"});
  CHECK(edges(o) == S{"start>>x", "start>>y", "x>>end", "y>>end"});
}

TEST_CASE("set_upstream, set_downstream, chain, cross_downstream", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.models.baseoperator import chain, cross_downstream
from airflow.operators.empty import EmptyOperator as E
with DAG("deps"):
    a, b, c, d = E(task_id="a"), E(task_id="b"), E(task_id="c"), E(task_id="d")
    p, q = E(task_id="p"), E(task_id="q")
    r = E(task_id="r")
    a.set_downstream(b)
    d.set_upstream(c)
    chain(b, [p, q], [c, r])
    cross_downstream([a, b], [r])
)");
  CHECK(edges(o) == S{"a>>b", "c>>d", "b>>p", "b>>q", "p>>c", "q>>r", "a>>r", "b>>r"});
}

TEST_CASE("@dag with TaskFlow calls, data dependencies, XComArg and override", "[airflow]") {
  auto o = dag_file(R"(
from airflow.decorators import dag, task
from airflow.operators.bash import BashOperator

@dag(schedule="@daily", default_args={"owner": "billing-de"})
def etl():
    @task
    def extract():
        return 1

    @task(task_id="transform_rows")
    def transform(x):
        return x

    @task
    def load(x, y):
        pass

    raw = extract()
    t = transform(raw)
    cleanup = BashOperator(task_id="cleanup", bash_command="echo")
    load(t, cleanup.output)
    load.override(task_id="load_again")(extract())

etl()
)");
  REQUIRE(o.dags.size() == 1);
  CHECK(o.dags[0].dag_id == "etl");
  CHECK(o.dags[0].owner == "billing-de");
  CHECK(task_ids(o) == S{"etl:extract", "etl:transform_rows", "etl:cleanup", "etl:load", "etl:load_again",
                         "etl:extract__1"});
  CHECK(edges(o) == S{"extract>>transform_rows", "transform_rows>>load", "cleanup>>load", "extract__1>>load_again"});
  CHECK(task(o, "extract")->op == "@task");
}

TEST_CASE("TaskGroups prefix task ids, nested and with prefix_group_id=False", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.utils.task_group import TaskGroup
from airflow.operators.empty import EmptyOperator
with DAG("groups") as dag:
    start = EmptyOperator(task_id="start")
    with TaskGroup("ingest") as ingest:
        a = EmptyOperator(task_id="a")
        with TaskGroup(group_id="inner"):
            b = EmptyOperator(task_id="b")
        a >> b
    with TaskGroup("flat", prefix_group_id=False) as flat:
        c = EmptyOperator(task_id="c")
    start >> ingest >> flat
)");
  CHECK(task_ids(o) == S{"groups:start", "groups:ingest.a", "groups:ingest.inner.b", "groups:c"});
  // a group downstream of something is its roots; upstream, its leaves
  CHECK(edges(o) == S{"ingest.a>>ingest.inner.b", "start>>ingest.a", "ingest.inner.b>>c"});
}

TEST_CASE("tasks in loops over literal lists and constants", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.operators.bash import BashOperator
TABLES = ["readings", "meters"]
with DAG("loops") as dag:
    done = BashOperator(task_id="done", bash_command="echo")
    for t in TABLES:
        load = BashOperator(task_id=f"load_{t}", bash_command="echo")
        load >> done
    for region in ("north", "south"):
        BashOperator(task_id="check_" + region, bash_command="echo")
    checks = [BashOperator(task_id=f"q_{n}", bash_command="echo") for n in ["a", "b"]]
    done >> checks
)");
  CHECK(task_ids(o) == S{"loops:done", "loops:load_readings", "loops:load_meters", "loops:check_north",
                         "loops:check_south", "loops:q_a", "loops:q_b"});
  CHECK(edges(o) == S{"load_readings>>done", "load_meters>>done", "done>>q_a", "done>>q_b"});
}

TEST_CASE("a task factory called with known arguments", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

def spark_task(name, dag):
    return SparkSubmitOperator(task_id=f"run_{name}", application=f"jobs/{name}.py", dag=dag)

def never_called():
    return SparkSubmitOperator(task_id="ghost", application="jobs/ghost.py")

with DAG("factory") as d:
    spark_task("silver", d) >> spark_task("gold", d)
)");
  CHECK(task_ids(o) == S{"factory:run_silver", "factory:run_gold"});
  CHECK(edges(o) == S{"run_silver>>run_gold"});
  CHECK(task(o, "run_gold")->script.placeholder_text() == "jobs/gold.py");
}

TEST_CASE("look-alikes: no task is invented", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.operators.bash import BashOperator
# BashOperator(task_id="in_a_comment")
DOC = 'BashOperator(task_id="in_a_string")'
cfg = dict(task_id="not_an_operator")
helper = SomeHelper(name="x")
with DAG("a"):
    BashOperator(task_id="real", bash_command="echo")
with DAG("b"):
    BashOperator(task_id="other", bash_command="echo")
orphan = BashOperator(task_id="orphan", bash_command="echo")  # no DAG: two DAGs, none chosen
)");
  CHECK(task_ids(o) == S{"a:real", "b:other"});
  CHECK(o.edges.empty());
}

TEST_CASE("a file without airflow yields no orchestration records", "[airflow]") {
  auto o = dag_file("df = spark.table('prod_de.silver_metering.readings')\nx = Operator(task_id='x')\n");
  CHECK(o.dags.empty());
  CHECK(o.tasks.empty());
}

TEST_CASE("dynamic task mapping: partial/expand make one task", "[airflow]") {
  auto o = dag_file(R"(
from airflow import DAG
from airflow.decorators import task
from airflow.operators.bash import BashOperator
with DAG("mapped"):
    @task
    def files():
        return ["a", "b"]
    m = BashOperator.partial(task_id="process").expand(bash_command=["echo 1", "echo 2"])
    @task
    def add(x, y):
        return x + y
    s = add.partial(y=1).expand(x=files())
    m >> s
)");
  CHECK(task_ids(o) == S{"mapped:files", "mapped:process", "mapped:add"});
  CHECK(edges(o) == S{"files>>add", "process>>add"});
}

// Hostile DAG files never crash or hang the extractor.
#include <catch2/catch.hpp>

#include "airflow_test_util.h"
#include "parsers/airflow/airflow_extractor.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("deep nesting, NUL bytes, invalid UTF-8 and huge loops", "[airflow][bad]") {
  std::string deep = "from airflow import DAG\nx = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  deep += "with DAG('d'):\n    pass\n";
  auto o = dag_file(deep);
  CHECK(o.dags.size() <= 1);

  std::string shifts = "from airflow import DAG\nwith DAG('s'):\n    a = " ;
  for (int i = 0; i < 5000; ++i) shifts += "a >> ";
  shifts += "a\n";
  CHECK_NOTHROW(dag_file(shifts));

  std::string nul = "from airflow import DAG\nwith DAG('n\0x'):\n    pass\n\xff\xfe";
  nul.push_back('\0');
  CHECK_NOTHROW(dag_file(nul));

  std::string loops = "from airflow import DAG\nfrom airflow.operators.empty import EmptyOperator as E\nL = [";
  for (int i = 0; i < 1000; ++i) loops += "'t" + std::to_string(i) + "',";
  loops += "]\nwith DAG('l'):\n    for a in L:\n        for b in L:\n            E(task_id=a + b)\n";
  auto lo = dag_file(loops);
  CHECK(lo.tasks.size() <= 64 * 64);

  std::string rec = "from airflow import DAG\ndef f(x):\n    return f(x)\nwith DAG('r'):\n    f(1)\n";
  CHECK(dag_file(rec).dags.size() == 1);

  auto standalone = airflow::extract_source(std::string(100000, '['), "x.py");
  CHECK(standalone.orchestration.dags.empty());
}

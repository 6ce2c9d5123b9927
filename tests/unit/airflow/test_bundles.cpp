// Databricks Asset Bundles and team pipeline YAML configs.
#include <catch2/catch.hpp>

#include <map>

#include "parsers/bundles/bundle_parser.h"
#include "parsers/pipeline_yaml/pipeline_config.h"

using namespace pipelint;

namespace {

std::vector<bundles::BundleFile> parse(const std::map<std::string, std::string>& files) {
  auto read = [&](const std::string& p) -> std::optional<std::string> {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  auto expand = [&](const std::string& pattern) {
    std::vector<std::string> out;
    std::string prefix = "/b/" + pattern.substr(0, pattern.find('*'));
    for (const auto& [p, c] : files)
      if (p.rfind(prefix, 0) == 0 && p != "/b/databricks.yml") out.push_back(p);
    return out;
  };
  return bundles::parse_bundle("/b/databricks.yml", read, expand);
}

const char* kRoot = R"(bundle:
  name: demo
include:
  - resources/*.yml
variables:
  repo:
    default: /Workspace/Repos/dev
  cc:
    default: FR-2200
targets:
  dev:
    mode: development
  prod:
    default: true
    variables:
      repo: /Workspace/Repos/prod
)";

const char* kJobs = R"(resources:
  jobs:
    nightly:
      name: fr_nightly
      schedule:
        quartz_cron_expression: "0 30 3 * * ?"
      tags:
        team: electra-fr
      email_notifications:
        on_failure: [team@x.eu]
      job_clusters:
        - job_cluster_key: main
          new_cluster:
            custom_tags:
              cost_center: ${var.cc}
      tasks:
        - task_key: ingest
          notebook_task:
            notebook_path: ${var.repo}/notebooks/ingest
        - task_key: load
          depends_on:
            - task_key: ingest
          spark_python_task:
            python_file: ../src/load.py
        - task_key: report
          depends_on: [{task_key: ingest}, {task_key: load}]
          sql_task:
            file:
              path: ${var.unknown}/report.sql
    on_update:
      trigger:
        table_update:
          table_names: [prod_eu.silver_reference.tariffs]
      tasks:
        - task_key: dlt
          pipeline_task:
            pipeline_id: ${resources.pipelines.curve.id}
  pipelines:
    curve:
      libraries:
        - notebook:
            path: ../dlt/curve
)";

}  // namespace

TEST_CASE("bundle jobs, tasks, depends_on, variables with the default target's values", "[bundles]") {
  auto files = parse({{"/b/databricks.yml", kRoot}, {"/b/resources/jobs.yml", kJobs}});
  REQUIRE(files.size() == 2);
  CHECK(files[0].records.orchestration.dags.empty());
  const auto& o = files[1].records.orchestration;
  REQUIRE(o.dags.size() == 2);
  CHECK(o.dags[0].dag_id == "fr_nightly");
  CHECK(o.dags[0].line == 3);
  CHECK(o.dags[0].source == "bundle");
  CHECK(o.dags[0].schedule_kind == "cron");
  CHECK(o.dags[0].owner == "electra-fr");
  CHECK(o.dags[0].failure_alerting);
  CHECK(o.dags[1].dag_id == "on_update");  // no name: the key
  CHECK_FALSE(o.dags[1].failure_alerting);
  CHECK(o.dags[1].schedule_kind == "table_update");
  CHECK(o.dags[1].schedule_datasets == std::vector<std::string>{"prod_eu.silver_reference.tariffs"});
  REQUIRE(o.tasks.size() == 4);
  CHECK(o.tasks[0].script.placeholder_text() == "/Workspace/Repos/prod/notebooks/ingest");  // prod overrides dev default
  CHECK(o.tasks[0].op == "notebook_task");
  CHECK(o.tasks[1].script.placeholder_text() == "../src/load.py");
  CHECK(o.tasks[2].script.placeholder_text() == "{unknown}/report.sql");
  CHECK(o.tasks[2].script.has_holes());
  CHECK(o.tasks[3].op == "pipeline_task");
  CHECK(o.tasks[3].script.placeholder_text() == "../dlt/curve");
  REQUIRE(o.edges.size() == 3);
  CHECK(o.edges[0].upstream == "ingest");
  CHECK(o.edges[0].downstream == "load");
  REQUIRE(o.clusters.size() == 1);
  CHECK(o.clusters[0].line == 13);
  CHECK(o.clusters[0].tags == std::vector<std::pair<std::string, std::string>>{{"cost_center", "FR-2200"}});
}

TEST_CASE("a file that is not in include: is not part of the bundle; broken YAML is SYN001", "[bundles]") {
  auto files = parse({{"/b/databricks.yml", "bundle:\n  name: x\ninclude: [resources/*.yml]\n"},
                      {"/b/resources/bad.yml", "resources:\n  jobs: [unclosed\n"}});
  REQUIRE(files.size() == 2);
  REQUIRE(files[1].records.diagnostics.size() == 1);
  CHECK(files[1].records.diagnostics[0].rule == "SYN001");
  auto none = parse({{"/b/databricks.yml", "bundle:\n  name: x\n"}, {"/b/resources/jobs.yml", kJobs}});
  CHECK(none.size() == 1);
}

TEST_CASE("pipeline YAML: reads, writes and mode at key paths, at the value's line", "[pipeline_yaml]") {
  const char* text = R"(name: linky
sources:
  - table: prod_fr.silver_metering.load_curve
  - table: ${env}_fr.gold_metering.daily
  - path: /mnt/fr/raw
target:
  table: prod_fr.gold_metering.monthly
  mode: Upsert
note: prod_fr.gold_metering.not_an_access
)";
  auto r = pipeline_yaml::extract(text, {{"sources[*].table"}, {"target.table"}, "target.mode"});
  REQUIRE(r.accesses.size() == 3);
  CHECK(r.accesses[0].op == Op::Read);
  CHECK(r.accesses[0].line == 3);
  CHECK(r.accesses[0].col == 12);
  CHECK(r.accesses[1].name.placeholder_text() == "{env}_fr.gold_metering.daily");
  CHECK(r.accesses[1].name.has_holes());
  CHECK(r.accesses[2].op == Op::Write);
  CHECK(r.accesses[2].line == 7);
  CHECK(r.accesses[2].mode == "merge");
  auto bad = pipeline_yaml::extract("sources: [\n", {{"sources[*].table"}, {}, ""});
  CHECK(bad.accesses.empty());
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(bad.diagnostics[0].rule == "SYN001");
}

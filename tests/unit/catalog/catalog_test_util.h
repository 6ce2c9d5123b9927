// A scratch repository analysed with the driver, for the catalog tests.
#pragma once
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "analyzer/driver/analyze.h"

namespace pipelint::test {

inline const char* kCatalogConfig = R"(version: 1
team: billing-de
namespace:
  patterns:
    - '^(?P<env>dev|test|prod)_(?P<country>de|fr)\.(?P<layer>bronze|silver|gold)_(?P<domain>[a-z][a-z0-9]*)\.(?P<table>[a-z][a-z0-9_]*)$'
  layers: [bronze, silver, gold]
teams:
  billing-de:
    owns: ['*_de.*.*']
  electra-fr:
    owns: ['*_fr.*.*']
)";

inline const char* kReadingsContract = R"(apiVersion: v3.1.0
kind: DataContract
id: de-silver-readings
name: readings
version: 2.1.0
status: active
team:
  name: billing-de
servers:
  - server: prod
    type: databricks
    catalog: prod_de
    schema: silver_metering
schema:
  - name: readings
    physicalName: readings
    properties:
      - name: meter_id
        logicalType: integer
        physicalType: bigint
        required: true
        primaryKey: true
      - name: kwh
        logicalType: number
        physicalType: decimal(12,3)
        classification: internal
slaProperties:
  - property: latency
    value: 2
    unit: h
  - property: retention
    value: 7
    unit: y
)";

class CatalogScratch {
 public:
  CatalogScratch() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("pipelint-catalog-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(root_);
  }
  ~CatalogScratch() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  CatalogScratch(const CatalogScratch&) = delete;
  CatalogScratch& operator=(const CatalogScratch&) = delete;

  void write(const std::string& rel, const std::string& content) const {
    auto p = root_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }

  Analysis analyze(int jobs = 1) const {
    AnalyzeOptions opts;
    opts.paths = {root_.string()};
    opts.cwd = root_.string();
    opts.jobs = jobs;
    return analyze_paths(opts);
  }

 private:
  std::filesystem::path root_;
};

// silver.py: bronze raw -> silver readings; gold.py: silver readings -> gold daily;
// a DAG runs both; a contract covers the silver readings.
inline void write_platform(const CatalogScratch& s) {
  s.write("pipelint.yaml", kCatalogConfig);
  s.write("jobs/silver.py",
          "df = spark.table('prod_de.bronze_metering.raw')\n"
          "df.write.mode('append').saveAsTable('prod_de.silver_metering.readings')\n");
  s.write("jobs/gold.py",
          "df = spark.table('prod_de.silver_metering.readings')\n"
          "df.write.mode('overwrite').saveAsTable('prod_de.gold_metering.daily')\n");
  s.write("dags/metering.py",
          "from airflow import DAG\n"
          "from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator as S\n"
          "with DAG('metering_daily', default_args={'owner': 'billing-de'}):\n"
          "    silver = S(task_id='silver', application='jobs/silver.py')\n"
          "    gold = S(task_id='gold', application='jobs/gold.py')\n"
          "    silver >> gold\n");
  s.write("contracts/readings.odcs.yaml", kReadingsContract);
}

// A catalog writer of the whole model (the overload taking the model, not rows).
using ModelWriter = void (*)(const Model&, std::ostream&);

inline std::string render(const Model& m, ModelWriter w) {
  std::ostringstream out;
  w(m, out);
  return out.str();
}

}  // namespace pipelint::test

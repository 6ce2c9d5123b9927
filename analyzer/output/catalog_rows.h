// The rows of the platform catalog, collected once from the Model and the
// platform graph; the Markdown, JSON and HTML writers only format them.
// One row per table node of the graph, sorted by table name.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"

namespace pipelint {

// A DAG task or bundle job task that runs a pipeline.
struct CatalogRun {
  std::string dag;     // dag_id, or the bundle job's name
  std::string task;    // task id
  std::string source;  // "airflow" | "bundle"
  std::string path;    // display path of the file defining the task
  uint32_t line = 0;   // where the task is defined
};

// One pipeline's reads (consumer) or writes (producer) of the table.
struct CatalogAccess {
  std::string pipeline;            // display path of the pipeline file
  uint32_t line = 0, col = 0;      // its first access of the table
  std::string op;                  // "read" | "write"
  std::vector<std::string> modes;  // distinct non-empty modes, in source order
  std::string api;                 // api of the first access
  std::string team;                // team of the pipeline; "" when unknown
  std::vector<CatalogRun> runs;    // tasks that run the pipeline, sorted
};

struct CatalogColumn {
  std::string name;  // nested fields as parent.child
  std::string logical_type, physical_type;
  bool required = false;
  bool primary_key = false;
  std::string classification;
  std::string description;
};

struct CatalogSla {
  std::string property;  // as written: latency, freshness, frequency, retention
  std::string text;      // "2 h", "PT30M"
  int64_t seconds = 0;
  std::string element;   // table.column the promise is about; "" when none
};

struct CatalogContract {
  std::string path;  // contract file as shown to the user
  std::string id, name, version, status, team;
  std::string schema;  // name of the schema object that covers the table
  std::vector<CatalogColumn> columns;
  std::optional<CatalogSla> latency, frequency, retention;
  std::vector<std::string> also_in;  // other contract files that cover the table
};

struct CatalogRow {
  std::string name;
  bool is_path = false;
  bool external = false;
  bool unresolved = false;
  std::string layer;  // "" when unknown
  std::string owner;  // "" when no team owns it
  std::vector<CatalogAccess> producers;  // by pipeline path
  std::vector<CatalogAccess> consumers;
  std::optional<CatalogContract> contract;
  std::vector<std::string> upstream;    // tables read by its producers, sorted
  std::vector<std::string> downstream;  // tables written by its consumers, sorted
};

std::vector<CatalogRow> catalog_rows(const Model& m);

// Teams in catalog order (sorted, "" last) with the row indices each owns.
struct CatalogTeam {
  std::string team;  // "" = no owner
  std::vector<size_t> rows;
};
std::vector<CatalogTeam> catalog_teams(const std::vector<CatalogRow>& rows);

}  // namespace pipelint

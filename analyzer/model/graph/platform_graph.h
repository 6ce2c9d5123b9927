// The platform lineage graph (SPEC 1, 5): tables (and storage-path datasets),
// pipelines (one file each, SPEC 7) and teams, joined by read and write edges.
// It is built from the Model only — the records of every analysed repository —
// so an index that loads other repositories' records into the Model feeds it
// unchanged. Building is linear in the number of accesses (hash maps, one pass).
//
// Table identity is the resolved name, lower-cased (the catalog stores lower
// case); an unmapped storage path keeps its case, without a trailing slash.
// A name that still holds a {placeholder} is a node of its own, flagged
// `unresolved`: it never closes a cycle and never makes a second writer, because
// it may stand for any table (or for none of those it resembles).
//
// Orchestration (DAGs, tasks, task order, cross-DAG coordination) is not here yet:
// when the Airflow/bundle records exist, DAG and task nodes attach to pipelines
// (a task runs a file) and DEP004 reads them (see docs/graph.md).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/model/model.h"

namespace pipelint {

inline constexpr uint32_t kNoIndex = UINT32_MAX;

struct GraphTable {
  std::string name;         // identity (see above)
  bool is_path = false;     // a storage path that namespace.locations did not map
  bool unresolved = false;  // holds a {placeholder}
  bool external = false;    // matches namespace.external
  int layer = -1;           // index into namespace.layers; -1 when unknown
  std::string layer_name;   // "silver"; "" when unknown
  std::string owner;        // owning team id; "" when no team's `owns` matches
  std::vector<uint32_t> reads;   // GraphEdge ids of the pipelines reading it, by pipeline
  std::vector<uint32_t> writes;  // GraphEdge ids of the pipelines writing it, by pipeline
};

struct GraphPipeline {
  uint32_t file = 0;         // Model::files index; the pipeline is the file
  std::string team;          // "" when unknown
  std::vector<uint32_t> reads;   // GraphEdge ids, by table in first-access order
  std::vector<uint32_t> writes;
};

// All accesses of one pipeline to one table with one op.
struct GraphEdge {
  uint32_t pipeline = 0;
  uint32_t table = 0;
  Op op = Op::Read;
  std::vector<uint32_t> accesses;  // Model::accesses ids, in source order (first = location)
};

struct PlatformGraph {
  std::vector<GraphTable> tables;        // in first-access order (deterministic: the model is sorted)
  std::vector<GraphPipeline> pipelines;  // by file order; only files with accesses
  std::vector<GraphEdge> edges;
  std::vector<std::string> teams;        // every team met (pipelines' and owners'), sorted
  std::vector<uint32_t> pipeline_of_file;  // Model::files index → pipeline id or kNoIndex

  std::optional<uint32_t> find_table(std::string_view name) const;  // by identity; case-insensitive for tables
  std::unordered_map<std::string, uint32_t> table_index;            // identity → id
};

// The identity of an accessed name in the graph (see the header comment).
std::string table_identity(const std::string& resolved, bool unmapped_path);

PlatformGraph build_platform_graph(const Model& model);

// The graph of this model, built on first use and shared by every rule of the run.
const PlatformGraph& platform_graph(const Model& model);

// Where an edge is in the code: its first access.
Location edge_location(const Model& model, const PlatformGraph& g, const GraphEdge& e);
const std::string& pipeline_path(const Model& model, const PlatformGraph& g, uint32_t pipeline);

// A write that changes data (not DDL, not maintenance): append, overwrite, merge,
// replace, update, errorifexists and the null mode of declarative pipelines.
// CREATE TABLE (also IF NOT EXISTS), DELETE, TRUNCATE and DROP do not make a writer.
bool is_producing_mode(std::string_view mode);
// SPEC 7's destructive writes: overwrite (incl. overwritePartitions, INSERT OVERWRITE,
// insertInto(..., overwrite=True)), replace, truncate, drop.
bool is_destructive_mode(std::string_view mode);

}  // namespace pipelint

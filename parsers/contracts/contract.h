// A data contract in the Open Data Contract Standard v3 (SPEC 2.5), as far as
// pipelint's rules need it: identity, status, owning team, the tables it covers
// with their columns, and the SLA promises. Every element keeps its YAML
// position so that findings and contract diffs can point at it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pipelint {

// 1-based line and column (code points) in the contract file; line 0 = absent.
struct YamlPos {
  uint32_t line = 0;
  uint32_t col = 0;
  bool known() const { return line != 0; }
};

// A string value and where it is written (the value, not the key).
struct PosString {
  std::string value;
  YamlPos pos;
  bool present() const { return pos.known(); }
};

struct PosBool {
  bool value = false;
  YamlPos pos;  // unknown when the key is absent (value is then the ODCS default, false)
};

// One column (`properties[]` item). Nested object fields and array items'
// fields are kept in `fields`, named as written (not dotted).
struct Property {
  std::string name;
  YamlPos pos;                    // the `name:` value
  std::string id;                 // ODCS v3.1 stable id ("" when absent)
  PosString logical_type;         // one of the ODCS logical types, as written
  PosString physical_type;        // e.g. "bigint", "decimal(12,3)", "varchar(18)"
  PosString physical_name;
  PosBool required;               // true: the column may not hold nulls
  PosBool primary_key;
  int primary_key_position = -1;
  PosString classification;       // "public", "restricted", "pii", ... as written
  PosString description;
  std::vector<Property> fields;   // `properties` of an object, or of `items` of an array
};

// One `schema[]` object: normally a table.
struct SchemaObject {
  std::string name;               // logical name
  YamlPos pos;                    // the `name:` value (the item start when unnamed)
  std::string id;                 // ODCS v3.1 stable id ("" when absent)
  PosString physical_name;        // as written
  PosString physical_type;        // "table", "view", "topic", ...
  PosString description;
  // The table name pipelint matches against lineage: physicalName (else name),
  // qualified with the catalog and schema of the contract's first `databricks`
  // server when it has fewer than three parts.
  std::string table;
  // The same name qualified with every other databricks server (dev, test, ...).
  std::vector<std::string> other_tables;
  std::vector<Property> properties;
};

struct Server {
  std::string server;             // its identifier
  std::string type;               // "databricks", "postgres", ...
  std::string environment;
  std::string catalog;
  std::string schema;
  YamlPos pos;
};

// A time-valued SLA (latency/freshness, frequency, retention).
struct SlaDuration {
  std::string property;           // as written: "latency", "freshness", ...
  std::string text;               // value and unit as written: "2 h", "PT30M"
  int64_t seconds = 0;
  std::string element;            // `element:` (table.column), "" when absent
  YamlPos pos;                    // the `value:`
};

struct Sla {
  std::optional<SlaDuration> latency;    // `latency`, or its older name `freshness`
  std::optional<SlaDuration> frequency;
  std::optional<SlaDuration> retention;
};

struct DataContract {
  PosString api_version;          // "v3.1.0"
  PosString kind;                 // "DataContract"
  PosString id;
  PosString version;              // semantic version of the contract itself
  PosString status;               // "proposed", "draft", "active", "deprecated", "retired", ...
  PosString name;
  PosString domain;
  PosString data_product;
  PosString team;                 // team name (v3.1 `team.name`, or a plain `team:` value)
  std::vector<Server> servers;
  std::vector<SchemaObject> schema;
  Sla sla;

  // The schema object covering `table` (its qualified name or another
  // server's qualification, compared case-insensitively); nullptr if none.
  const SchemaObject* find_table(const std::string& table) const;
  bool is_retired() const;
  bool is_deprecated() const;
};

// A problem found while loading (CTR001), with the position it concerns.
struct ContractIssue {
  uint32_t line = 1;
  uint32_t col = 1;
  std::string message;
};

// One contract file as the model holds it. A contract with issues still counts
// as its tables' contract for the other rules (SPEC 7).
struct ContractFile {
  std::string path;               // as shown to the user
  DataContract contract;
  std::vector<ContractIssue> issues;
  // False when the file is not a usable contract at all (unreadable bytes,
  // broken YAML, not a mapping): `contract` is then empty.
  bool parsed = false;
  // Loaded from `check --index` (another repository's contract): it informs the
  // rules, its own findings are not reported.
  bool from_index = false;
};

}  // namespace pipelint

// The compatibility engine: what changed between two versions of a contract,
// and whether each change breaks the contract's consumers (SPEC 4, "Breaking
// contract changes"). Used by `pipelint contract diff` and CTR002/CTR003.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "parsers/contracts/contract.h"

namespace pipelint {

enum class Impact : uint8_t {
  NonBreaking,       // consumers and producers keep working
  ProducerBreaking,  // consumers keep working; the producer must now deliver more (a warning)
  Breaking,          // a consumer may fail or silently read wrong data
};
const char* to_string(Impact i);  // "non-breaking" | "producer-breaking" | "breaking"

enum class ChangeKind : uint8_t {
  TableRemoved,          // a schema object is gone
  TableAdded,
  TableRenamed,          // same physical table, new logical name
  PhysicalNameChanged,   // the object now points at another table
  ColumnRemoved,
  ColumnRenamed,         // same ODCS v3.1 `id`, new name
  ColumnAdded,           // nullable: non-breaking; required: producer-breaking
  TypeChanged,           // narrowing or a different type: breaking
  TypeWidened,
  MadeNullable,          // required: true -> false
  MadeRequired,          // required: false -> true (producer-breaking)
  PrimaryKeyChanged,
  ClassificationChanged,
  DescriptionChanged,
  LatencyLoosened,       // latency/freshness promise weaker (or dropped)
  LatencyTightened,      // stronger (or newly given)
  FrequencyChanged,
  RetentionChanged,
  StatusRetired,
  StatusChanged,
  VersionChanged,
};
const char* to_string(ChangeKind k);  // kebab-case: "column-removed"

struct Change {
  ChangeKind kind;
  Impact impact;
  std::string table;       // the schema object's table name ("" for contract-level changes)
  std::string column;      // dotted for nested fields ("address.zip"); "" when not about a column
  std::string old_value;   // as in the old contract ("" when not applicable)
  std::string new_value;
  std::string message;     // one sentence, e.g. "column `meter_id` type changed from bigint to int (narrowing)"
  YamlPos pos;             // in the new contract, or in the old one when `in_old`
  bool in_old = false;     // removals point into the old contract
};

// Every change from `old_contract` to `new_contract`, in the new contract's
// order (removals where they were). Schema objects are matched by ODCS id,
// then by name, then by table; columns by id, then by name (case-insensitive).
// Without ids a renamed column is a removal plus an addition.
std::vector<Change> diff_contracts(const DataContract& old_contract, const DataContract& new_contract);

bool has_breaking(const std::vector<Change>& changes);

}  // namespace pipelint

// What CTR002 and CTR003 share: each contract's changes since the contract
// base (Model::base_contracts), where a change is reported, and which
// pipelines read what a change breaks.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/model/finding.h"
#include "analyzer/model/model.h"
#include "parsers/contracts/compatibility.h"

namespace pipelint {

struct ContractChanges {
  const BaseContract* base = nullptr;
  const ContractFile* now = nullptr;  // nullptr: the contract is gone (removed or moved out of the paths)
  std::vector<Change> changes;        // diff_contracts(base, now); a removed contract loses each table
};

// Every base contract that can be compared (both sides parsed), in base order.
std::vector<ContractChanges> contract_changes(const Model& m);

// Where a change is reported in the current contract: its own line, or for a
// removal the nearest surviving parent (the schema object; else `version`).
Location change_location(const ContractFile& now, const Change& c);

// A pipeline that reads a table a change breaks.
struct Consumer {
  uint32_t file = 0;      // Model::files
  uint32_t access = 0;    // Model::accesses: its first affected read
  std::string table;
  // The changed columns it references; empty when it depends on the whole
  // table (a table-wide change, no known column references, or `*`).
  std::vector<std::string> columns;
};

// The pipelines (files) that read a table of `old_contract` touched by one of
// `breaking`, excluding the pipelines that also write that table. A column
// change (removed, renamed, retyped, made nullable) affects a reader only
// when it references that column or has no known column references.
std::vector<Consumer> affected_consumers(const Model& m, const DataContract& old_contract,
                                         const DataContract* new_contract, const std::vector<const Change*>& breaking);

// "1.2.0 at main -> 1.3.0": the version step for messages.
std::string version_step(const Model& m, const ContractChanges& c);

}  // namespace pipelint

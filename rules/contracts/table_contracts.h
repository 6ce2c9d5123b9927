// Which data contracts cover a table, for the rules that judge reads and writes
// against contracts (OWN005, CTR004, CTR006-CTR008). An invalid contract still
// counts as its table's contract (SPEC 7).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/model/model.h"

namespace pipelint {

// One schema object of one contract file.
struct ContractCover {
  const ContractFile* file = nullptr;
  const SchemaObject* object = nullptr;
};

class TableContracts {
 public:
  explicit TableContracts(const Model& model);
  // The covers of a table (its qualified name or another server's), in contract
  // path order; compared case-insensitively. Empty for names with {placeholders}.
  const std::vector<ContractCover>& of(std::string_view table) const;
  bool covers(std::string_view table) const { return !of(table).empty(); }
  // Covered by a contract past proposed/draft: active, or deprecated/retired
  // (whose reads CTR007 reports). What makes another team's read legitimate.
  bool promised(std::string_view table) const;

 private:
  std::unordered_map<std::string, std::vector<ContractCover>> by_table_;
};

// Neither deprecated nor retired: the producer still keeps its promise.
bool in_force(const DataContract& c);
// Proposed or draft: not promised yet.
bool not_yet_active(const DataContract& c);

// The first cover that is in force, else the first; nullptr when there is none.
const ContractCover* preferred_cover(const std::vector<ContractCover>& covers);

// "`de-gold-billing-invoices` 1.4.0 (path/to/contract.odcs.yaml)"
std::string contract_text(const ContractFile& f);
// Where a schema object names its table: `physicalName`, else `name`.
Location table_location(const ContractFile& f, const SchemaObject& o);
// The contract's `status:` value, else its first line.
Location status_location(const ContractFile& f);

}  // namespace pipelint

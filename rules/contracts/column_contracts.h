// What CTR005 and CTR009 need to judge column references (FileRecords::columns)
// against data contracts: the access a reference belongs to, a contract's
// column by name, and the order of classifications.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/model/model.h"

namespace pipelint {

// The access of `file` with record index `record` (Model::accesses is ordered
// by file, then record); nullptr when the model has none (e.g. dropped).
const TableAccess* access_at(const Model& m, uint32_t file, uint32_t record);

// The top-level column of a reference: "address.city" -> "address".
std::string_view top_level(std::string_view column);

// The schema object's column named `column` (its name or physicalName,
// case-insensitively, as Spark resolves columns); nullptr when none.
const Property* find_column(const SchemaObject& o, std::string_view column);

// public 0 < internal 1 < confidential 2 < restricted 3 < pii 4, case-insensitive;
// -1 when absent or unknown. `sensitive` (PII, `personal`) counts as pii.
int classification_level(std::string_view classification);

}  // namespace pipelint

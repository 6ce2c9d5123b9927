// Loading ODCS v3.0 / v3.1 data contracts from YAML bytes (SPEC 2.5). Never
// throws: every problem becomes a ContractIssue (CTR001) with its position, and
// whatever could be read is kept.
#pragma once
#include <string>
#include <string_view>

#include "parsers/contracts/contract.h"

namespace pipelint {

constexpr size_t kMaxContractBytes = 16u << 20;

// `path` is only copied into the result. Checks: the bytes (NUL, invalid
// UTF-8, size), the YAML, required fields (apiVersion, kind, id, version,
// status), value types, apiVersion v3.x, semantic version, duplicate tables and
// columns, logical types, SLA durations and units, databricks servers.
ContractFile load_contract(std::string path, std::string_view bytes);

// Cheap test for discovery: a top-level `kind: DataContract` line.
bool is_data_contract(std::string_view bytes);

}  // namespace pipelint

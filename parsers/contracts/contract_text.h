// Checks a contract file's bytes before YAML parsing: size, NUL bytes, UTF-8.
#pragma once
#include <optional>
#include <string_view>

#include "parsers/contracts/contract.h"

namespace pipelint::contracts {

// The first reason the bytes are not YAML text, with its position; nullopt when fine.
std::optional<ContractIssue> check_contract_bytes(std::string_view bytes);

// Without a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view bytes);

}  // namespace pipelint::contracts

// Helpers shared by the contract tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "parsers/contracts/contract_loader.h"

namespace pipelint::test {

inline std::string data_path(const std::string& name) {
  return std::string(PIPELINT_SOURCE_DIR) + "/tests/unit/contracts/data/" + name;
}

inline std::string read_data(const std::string& name) {
  std::ifstream in(data_path(name), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline ContractFile load_text(const std::string& text) { return load_contract("contracts/test.yaml", text); }

// The first issue whose message contains `needle`, or nullptr.
inline const ContractIssue* find_issue(const ContractFile& f, const std::string& needle) {
  for (const auto& i : f.issues)
    if (i.message.find(needle) != std::string::npos) return &i;
  return nullptr;
}

}  // namespace pipelint::test

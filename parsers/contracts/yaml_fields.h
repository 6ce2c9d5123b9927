// Reading a contract's YAML with positions and CTR001 issues: typed access to
// the fields of a mapping, reporting wrong types and duplicate keys where they
// are written. Internal to the contract loader.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "parsers/common/line_index.h"
#include "parsers/contracts/contract.h"

namespace pipelint::contracts {

// `s` in backticks, for messages.
std::string quoted(std::string_view s);

class IssueSink {
 public:
  IssueSink(std::string_view text, std::vector<ContractIssue>& issues);
  YamlPos pos(const YAML::Mark& m) const;
  YamlPos pos(const YAML::Node& n) const { return pos(n.Mark()); }
  void add(YamlPos p, std::string message);
  void add(const YAML::Node& n, std::string message) { add(pos(n), std::move(message)); }

 private:
  std::string_view text_;
  LineIndex lines_;
  std::vector<ContractIssue>& issues_;
};

// The entries of one YAML mapping, keyed by their (string) keys.
class Fields {
 public:
  // `where` names the mapping in messages: "the contract", "column `meter_id`".
  Fields(const YAML::Node& map, std::string where, IssueSink& sink);

  const YAML::Node* get(std::string_view key) const;
  YamlPos key_pos(std::string_view key) const;
  const std::string& where() const { return where_; }
  // Once the mapping's name is known: "column `kwh` of `invoices`".
  void set_where(std::string where) { where_ = std::move(where); }

  // A scalar field; a mapping or list there is reported and yields nullopt.
  std::optional<PosString> text(std::string_view key) const;
  // A boolean field (true/false, YAML 1.1 yes/no/on/off); anything else is reported.
  PosBool boolean(std::string_view key) const;
  std::optional<int> integer(std::string_view key) const;
  // A list field: its items, or none when absent, null or of the wrong type (reported).
  std::vector<YAML::Node> list(std::string_view key) const;
  // A mapping field: nullopt when absent or of the wrong type (reported).
  std::optional<YAML::Node> mapping(std::string_view key) const;

 private:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };
  std::vector<Entry> entries_;
  std::string where_;
  IssueSink& sink_;
};

// "a mapping", "a list", "a text value", "empty"
const char* node_kind(const YAML::Node& n);

}  // namespace pipelint::contracts

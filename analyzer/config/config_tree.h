// A validated configuration document: the part of a pipelint.yaml that passed
// validation, with positions, in a form that can be merged and compared.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace pipelint::cfg {

struct Node {
  enum class Type : uint8_t { Null, Scalar, List, Map, Json };
  Type type = Type::Null;
  std::string scalar;                               // normalised (booleans as true/false)
  std::vector<Node> items;                          // List
  std::vector<std::pair<std::string, Node>> entries;  // Map, in file order
  nlohmann::json json;                              // Json (rules.options.<ID>)
  uint32_t line = 0, col = 0;                       // 1-based position of the value; 0 = built in
  uint32_t key_line = 0, key_col = 0;               // 1-based position of the key holding it

  static Node scalar_of(std::string s) { Node n; n.type = Type::Scalar; n.scalar = std::move(s); return n; }
  static Node list_of(const std::vector<std::string>& v);
  static Node map() { Node n; n.type = Type::Map; return n; }

  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  // Sets (replacing or appending) entry `key`.
  Node& set(const std::string& key, Node value);
  void erase(std::string_view key);
};

// Deep equality of values; positions and map order are ignored.
bool same_value(const Node& a, const Node& b);

// "rules.severity.OWN001" -> {"rules", "severity", "OWN001"}
std::vector<std::string> split_key_path(std::string_view path);

// The node at `path` below `root`, or nullptr.
const Node* find_path(const Node& root, const std::vector<std::string>& path);

}  // namespace pipelint::cfg

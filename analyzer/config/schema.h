// The shape of pipelint.yaml (SPEC 3): which keys exist, their types, which
// fields are required and how a child file merges over its parent.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace pipelint::cfg {

enum class Shape {
  String,    // any scalar
  Bool,      // true/false (yes/no/on/off accepted, unquoted)
  Int,
  Severity,  // error | warning | note
  RuleId,    // ^[A-Z]+[0-9]*$ or ALL
  Regex,     // a string that RE2 compiles
  JsonMap,   // any mapping, kept as JSON (rules.options.<ID>)
  List,      // of `item`
  Map,       // fixed `fields`
  MapOf,     // any key (or a rule id when `rule_id_keys`) -> `item`
};

struct Schema {
  Shape shape = Shape::String;
  const Schema* item = nullptr;                               // List, MapOf
  std::vector<std::pair<std::string, const Schema*>> fields;  // Map
  std::vector<std::string> required;                          // Map
  bool rule_id_keys = false;                                  // MapOf
  // Merge: a child's value replaces the parent's whole value instead of merging
  // key by key (lists and scalars always replace).
  bool replace = false;

  const Schema* field(const std::string& key) const;
  bool mergeable() const { return (shape == Shape::Map || shape == Shape::MapOf) && !replace; }
};

// The schema of the whole file.
const Schema& root_schema();

// Names for messages: "a string", "a list", "a mapping", ...
const char* describe(Shape s);

bool is_rule_selector(const std::string& s);

}  // namespace pipelint::cfg

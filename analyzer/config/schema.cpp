#include "analyzer/config/schema.h"

namespace pipelint::cfg {

const Schema* Schema::field(const std::string& key) const {
  for (const auto& [k, s] : fields)
    if (k == key) return s;
  return nullptr;
}

const char* describe(Shape s) {
  switch (s) {
    case Shape::String: return "a string";
    case Shape::Bool: return "a boolean (true or false)";
    case Shape::Int: return "an integer";
    case Shape::Severity: return "a severity (error, warning or note)";
    case Shape::RuleId: return "a rule id or prefix (like OWN001, NS or ALL)";
    case Shape::Regex: return "a regular expression string";
    case Shape::JsonMap: return "a mapping";
    case Shape::List: return "a list";
    case Shape::Map: return "a mapping";
    case Shape::MapOf: return "a mapping";
  }
  return "a value";
}

bool is_rule_selector(const std::string& s) {
  if (s == "ALL") return true;
  size_t i = 0;
  while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') ++i;
  if (i == 0) return false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i == s.size();
}

namespace {

Schema leaf(Shape s) { Schema x; x.shape = s; return x; }
Schema list_of(const Schema* item) { Schema x; x.shape = Shape::List; x.item = item; return x; }

Schema build_root() {
  static const Schema str = leaf(Shape::String);
  static const Schema boolean = leaf(Shape::Bool);
  static const Schema integer = leaf(Shape::Int);
  static const Schema severity = leaf(Shape::Severity);
  static const Schema rule_id = leaf(Shape::RuleId);
  static const Schema regex = leaf(Shape::Regex);
  static const Schema json_map = leaf(Shape::JsonMap);
  static const Schema strings = list_of(&str);
  static const Schema regexes = list_of(&regex);
  static const Schema rule_ids = list_of(&rule_id);

  static const Schema severity_map = [] {
    Schema x; x.shape = Shape::MapOf; x.item = &severity; x.rule_id_keys = true; return x;
  }();
  static const Schema options_map = [] {
    Schema x; x.shape = Shape::MapOf; x.item = &json_map; x.rule_id_keys = true; return x;
  }();
  static const Schema variables = [] {
    Schema x; x.shape = Shape::MapOf; x.item = &str; return x;
  }();

  static const Schema location = [] {
    Schema x; x.shape = Shape::Map;
    x.fields = {{"path", &regex}, {"table", &str}};
    x.required = {"path", "table"};
    return x;
  }();
  static const Schema locations = list_of(&location);

  static const Schema ns = [] {
    Schema x; x.shape = Shape::Map;
    x.fields = {{"patterns", &regexes}, {"layers", &strings}, {"require_qualified", &boolean},
                {"variables", &variables}, {"external", &strings}, {"locations", &locations}};
    return x;
  }();

  static const Schema team = [] {
    Schema x; x.shape = Shape::Map; x.replace = true;
    x.fields = {{"name", &str}, {"owns", &strings}, {"repos", &strings}, {"paths", &strings},
                {"contact", &str}, {"cost_center", &str}, {"publishes", &strings}};
    return x;
  }();
  static const Schema teams = [] {
    Schema x; x.shape = Shape::MapOf; x.item = &team; return x;
  }();

  static const Schema contracts = [] {
    Schema x; x.shape = Shape::Map; x.fields = {{"paths", &strings}}; return x;
  }();

  static const Schema pipeline_yaml = [] {
    Schema x; x.shape = Shape::Map;
    x.fields = {{"files", &str}, {"reads", &strings}, {"writes", &strings}, {"mode", &str}};
    x.required = {"files"};
    return x;
  }();
  static const Schema pipeline_yamls = list_of(&pipeline_yaml);
  static const Schema pipelines = [] {
    Schema x; x.shape = Shape::Map; x.fields = {{"yaml", &pipeline_yamls}}; return x;
  }();

  static const Schema rules = [] {
    Schema x; x.shape = Shape::Map;
    x.fields = {{"select", &rule_ids}, {"ignore", &rule_ids}, {"severity", &severity_map},
                {"options", &options_map}};
    return x;
  }();

  static const Schema override_entry = [] {
    Schema x; x.shape = Shape::Map;
    x.fields = {{"paths", &strings}, {"select", &rule_ids}, {"ignore", &rule_ids},
                {"severity", &severity_map}};
    x.required = {"paths"};
    return x;
  }();
  static const Schema overrides = list_of(&override_entry);

  Schema root; root.shape = Shape::Map;
  root.fields = {{"version", &integer},   {"extends", &str},     {"team", &str},
                 {"namespace", &ns},      {"teams", &teams},     {"contracts", &contracts},
                 {"pipelines", &pipelines}, {"rules", &rules},   {"overrides", &overrides},
                 {"locked", &strings}};
  return root;
}

}  // namespace

const Schema& root_schema() {
  static const Schema root = build_root();
  return root;
}

}  // namespace pipelint::cfg

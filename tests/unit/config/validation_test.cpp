// CFG002: unknown keys, wrong types, bad regexes, broken YAML and bad bytes.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "tests/unit/config/temp_dir.h"

using namespace pipelint;
using pipelint::test::find_issue;
using pipelint::test::issues_of;
using pipelint::test::TempDir;

namespace {

std::shared_ptr<const Config> load_text(const std::string& text) {
  static TempDir dir;
  static int n = 0;
  std::string path = dir.write("case" + std::to_string(++n) + "/pipelint.yaml", text);
  ConfigLoader loader;
  return loader.load(path);
}

}  // namespace

TEST_CASE("unknown keys are CFG002 with their line and a suggestion for near misses") {
  auto c = load_text("version: 1\nnamspace:\n  layers: [bronze]\nrules:\n  selct: [NS]\n  wibble: 3\n");
  const ConfigIssue* top = find_issue(*c, "CFG002", "'namspace'");
  REQUIRE(top);
  CHECK(top->line == 2);
  CHECK(top->col == 1);
  CHECK(top->message.find("did you mean 'namespace'?") != std::string::npos);
  const ConfigIssue* nested = find_issue(*c, "CFG002", "'selct'");
  REQUIRE(nested);
  CHECK(nested->line == 5);
  CHECK(nested->col == 3);
  CHECK(nested->message.find("in 'rules'") != std::string::npos);
  CHECK(nested->message.find("did you mean 'select'?") != std::string::npos);
  const ConfigIssue* far = find_issue(*c, "CFG002", "'wibble'");
  REQUIRE(far);
  CHECK(far->message.find("did you mean") == std::string::npos);
  CHECK(c->issues.size() == 3);
  // the misspelt section is ignored: defaults stay
  CHECK(c->ns.layers.size() == 3);

  // look-alike: the same keys spelt right
  auto ok = load_text("version: 1\nnamespace:\n  layers: [bronze]\nrules:\n  select: [NS]\n");
  CHECK(ok->issues.empty());
  CHECK(ok->ns.layers == std::vector<std::string>{"bronze"});
}

TEST_CASE("wrong types are CFG002 at the value and fall back to the default") {
  auto c = load_text(R"(namespace:
  layers: bronze
  require_qualified: maybe
  variables: [env]
teams:
  billing-de:
    owns: '*_de.silver_billing.*'
rules:
  select: NS
overrides: {paths: ['a/**']}
version: '1'
)");
  const ConfigIssue* layers = find_issue(*c, "CFG002", "'namespace.layers' must be a list, not a string");
  REQUIRE(layers);
  CHECK(layers->line == 2);
  CHECK(layers->col == 11);
  CHECK(find_issue(*c, "CFG002", "'namespace.require_qualified' must be a boolean"));
  CHECK(find_issue(*c, "CFG002", "'namespace.variables' must be a mapping, not a list"));
  CHECK(find_issue(*c, "CFG002", "'teams.billing-de.owns' must be a list"));
  CHECK(find_issue(*c, "CFG002", "'rules.select' must be a list"));
  CHECK(find_issue(*c, "CFG002", "'overrides' must be a list, not a mapping"));
  CHECK(find_issue(*c, "CFG002", "'version' must be an integer, not a string"));
  CHECK(c->issues.size() == 7);
  CHECK(c->ns.layers.size() == 3);
  CHECK(c->ns.require_qualified);
  CHECK(c->rules.select == std::vector<std::string>{"ALL"});
  CHECK(c->teams.at("billing-de").owns.empty());

  auto ok = load_text(R"(namespace:
  layers: [bronze, gold]
  require_qualified: false
  variables: {env: dev}
rules:
  select: [NS]
overrides: [{paths: ['a/**'], ignore: [NS001]}]
version: 1
)");
  CHECK(ok->issues.empty());
  CHECK_FALSE(ok->ns.require_qualified);
  CHECK(ok->ns.variables.at("env") == "dev");
}

TEST_CASE("booleans: yes/no are booleans, quoted strings are not") {
  CHECK(load_text("namespace: {require_qualified: no}\n")->issues.empty());
  CHECK_FALSE(load_text("namespace: {require_qualified: no}\n")->ns.require_qualified);
  auto quoted = load_text("namespace: {require_qualified: 'false'}\n");
  REQUIRE(quoted->issues.size() == 1);
  CHECK(quoted->ns.require_qualified);
}

TEST_CASE("invalid RE2 regexes are CFG002 with RE2's error; the whole list falls back") {
  auto c = load_text(R"(namespace:
  patterns:
    - '^prod_.*$'
    - '^(?P<env>dev|prod_.*$'
  locations:
    - path: '^/mnt/(?P<layer>[a-z+)$'
      table: 'prod_de.{layer}_core.x'
)");
  const ConfigIssue* pat = find_issue(*c, "CFG002", "'namespace.patterns[1]'");
  REQUIRE(pat);
  CHECK(pat->line == 4);
  CHECK(pat->col == 7);
  CHECK(pat->message.find("missing )") != std::string::npos);
  const ConfigIssue* loc = find_issue(*c, "CFG002", "'namespace.locations[0].path'");
  REQUIRE(loc);
  CHECK(loc->line == 6);
  CHECK(loc->message.find("missing ]") != std::string::npos);
  CHECK(c->ns.patterns.empty());
  CHECK(c->ns.locations.empty());

  // look-alike: valid RE2 with named groups, and a template using them
  auto ok = load_text(R"(namespace:
  patterns: ['^(?P<env>dev|prod)_(?P<country>de|fr)\.(?P<layer>[a-z]+)_x\.[a-z_]+$']
  locations:
    - path: '^/mnt/(?P<layer>[a-z]+)/(?P<table>[a-z_]+)$'
      table: 'prod_de.{layer}_core.{table}'
)");
  CHECK(ok->issues.empty());
  REQUIRE(ok->ns.patterns.size() == 1);
  REQUIRE(ok->ns.locations.size() == 1);
  CHECK(ok->ns.locations[0].path_re->ok());
}

TEST_CASE("a location template naming a group its regex lacks is CFG002") {
  auto c = load_text(R"(namespace:
  locations:
    - path: '^/mnt/(?P<layer>[a-z]+)$'
      table: 'prod_de.{layer}_core.{table}'
)");
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].line == 4);
  CHECK(c->issues[0].message.find("{table}") != std::string::npos);
}

TEST_CASE("severity names and rule id shapes are checked") {
  auto c = load_text(R"(rules:
  select: [ALL, ns001]
  severity: { DEP004: fatal, OWN001: Warning, own002: note }
  options:
    cost001: {x: 1}
    COST001: [team]
overrides:
  - paths: ['x/**']
    severity: { NS001: warn }
)");
  const ConfigIssue* sel = find_issue(*c, "CFG002", "'ns001'");
  REQUIRE(sel);
  CHECK(sel->line == 2);
  CHECK(sel->message.find("did you mean 'NS001'?") != std::string::npos);
  const ConfigIssue* fatal = find_issue(*c, "CFG002", "unknown severity 'fatal'");
  REQUIRE(fatal);
  CHECK(fatal->line == 3);
  CHECK(find_issue(*c, "CFG002", "'own002'"));
  CHECK(find_issue(*c, "CFG002", "'cost001'"));
  CHECK(find_issue(*c, "CFG002", "'rules.options.COST001' must be a mapping"));
  const ConfigIssue* warn = find_issue(*c, "CFG002", "unknown severity 'warn'");
  REQUIRE(warn);
  CHECK(warn->message.find("did you mean 'warning'?") != std::string::npos);
  CHECK(c->issues.size() == 6);
  // valid entries of a map survive its bad ones; a list with a bad id falls back
  CHECK(c->rules.severity == std::map<std::string, Severity>{{"OWN001", Severity::Warning}});
  CHECK(c->rules.select == std::vector<std::string>{"ALL"});
  CHECK(c->rule_options.empty());
  // an override with a bad severity still applies its valid parts
  REQUIRE(c->overrides.size() == 1);
  CHECK(c->overrides[0].rules.severity.empty());

  auto ok = load_text("rules:\n  select: [ALL, NS001, OWN]\n  severity: {DEP004: error, NS: note}\n");
  CHECK(ok->issues.empty());
}

TEST_CASE("required fields and unknown keys in list entries") {
  auto c = load_text(R"(overrides:
  - ignore: [NS001]
pipelines:
  yaml:
    - files: 'conf/*.yaml'
      read: ['a']
)");
  const ConfigIssue* missing = find_issue(*c, "CFG002", "needs 'paths'");
  REQUIRE(missing);
  CHECK(missing->line == 2);
  const ConfigIssue* unknown = find_issue(*c, "CFG002", "unknown key 'read'");
  REQUIRE(unknown);
  CHECK(unknown->message.find("did you mean 'reads'?") != std::string::npos);
  CHECK(c->overrides.empty());
  REQUIRE(c->pipelines_yaml.size() == 1);  // an unknown key is ignored, the entry kept
  CHECK(c->pipelines_yaml[0].files == "conf/*.yaml");
}

TEST_CASE("version: only 1 exists") {
  auto c = load_text("version: 2\nteam: x\n");
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].message.find("unsupported version 2") != std::string::npos);
  CHECK(c->version == 1);
  CHECK(c->team == "x");
  CHECK(load_text("version: 1\n")->issues.empty());
}

TEST_CASE("locked paths must name configuration keys") {
  auto c = load_text("locked: [namespace, namspace.layers, 'rules.severity.own001', 'namespace.layers.x']\n");
  CHECK(c->issues.size() == 3);
  CHECK(find_issue(*c, "CFG002", "did you mean 'namespace'?"));
  CHECK(find_issue(*c, "CFG002", "'own001' is not a rule id"));
  CHECK(find_issue(*c, "CFG002", "'namespace.layers' is not a mapping"));
  CHECK(load_text("locked: [namespace, 'teams.billing-de.owns', 'rules.severity.OWN001']\n")->issues.empty());
}

TEST_CASE("a team declared without details is valid; an empty variable is not") {
  auto c = load_text("teams:\n  billing-de:\n  ml-forecast: {name: ML}\nnamespace:\n  variables: {env: }\n");
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].message.find("'namespace.variables.env' must be a string, not empty") != std::string::npos);
  CHECK(c->teams.size() == 2);
  CHECK(c->teams.at("billing-de").id == "billing-de");
  CHECK(c->ns.variables.empty());
}

TEST_CASE("an empty extends is CFG002, not a cycle") {
  auto c = load_text("extends: ''\nteam: x\n");
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].message.find("empty") != std::string::npos);
  CHECK(c->team == "x");
}

TEST_CASE("duplicate keys: the first applies") {
  auto c = load_text("team: first\nteam: second\n");
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].line == 2);
  CHECK(c->team == "first");
}

TEST_CASE("broken YAML is CFG002 at the parser's line and column") {
  auto c = load_text("team: billing-de\nnamespace:\n  layers: [bronze, silver\nrules: {}\n");
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].rule == "CFG002");
  CHECK(c->issues[0].message.find("invalid YAML") != std::string::npos);
  CHECK(c->issues[0].line == 4);
  CHECK(c->team.empty());  // unusable: the defaults apply

  auto tab = load_text("team: x\n  bad: indentation\n");
  REQUIRE(tab->issues.size() == 1);
  CHECK(tab->issues[0].line == 2);
}

TEST_CASE("empty and comment-only files are valid defaults; non-mappings are not") {
  for (const char* text : {"", "# nothing configured yet\n", "---\n"}) {
    auto c = load_text(text);
    CHECK(c->issues.empty());
    CHECK(c->rules.select == std::vector<std::string>{"ALL"});
  }
  auto list = load_text("- team: x\n");
  REQUIRE(list->issues.size() == 1);
  CHECK(list->issues[0].message.find("must be a mapping") != std::string::npos);
  auto scalar = load_text("just some text\n");
  REQUIRE(scalar->issues.size() == 1);
  CHECK(scalar->issues[0].message.find("not a string") != std::string::npos);
}

TEST_CASE("binary, invalid UTF-8 and unreadable files are CFG002, never a crash") {
  std::string nul("team: x\n\0\x01\x02", 12);
  auto bin = load_text(nul);
  REQUIRE(bin->issues.size() == 1);
  CHECK(bin->issues[0].message.find("NUL") != std::string::npos);
  CHECK(bin->issues[0].line == 2);
  CHECK(bin->team.empty());

  auto latin1 = load_text("team: caf\xE9\n");
  REQUIRE(latin1->issues.size() == 1);
  CHECK(latin1->issues[0].message.find("UTF-8") != std::string::npos);
  CHECK(latin1->issues[0].col == 10);

  auto utf8 = load_text("\xEF\xBB\xBFteam: caf\xC3\xA9\n");  // BOM and valid UTF-8
  CHECK(utf8->issues.empty());
  CHECK(utf8->team == "caf\xC3\xA9");

  TempDir dir;
  ConfigLoader loader;
  auto missing = loader.load(dir.path("nope/pipelint.yaml"));
  REQUIRE(missing->issues.size() == 1);
  CHECK(missing->issues[0].message.find("cannot read") != std::string::npos);
  std::filesystem::create_directories(dir.path("folder.yaml"));
  auto folder = loader.load(dir.path("folder.yaml"));
  REQUIRE(folder->issues.size() == 1);
  CHECK(folder->issues[0].message.find("directory") != std::string::npos);
}

TEST_CASE("hostile input: deep nesting, alias bombs and huge files end as CFG002") {
  auto deep = load_text("rules:\n  options:\n    X: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  REQUIRE(deep->issues.size() == 1);
  CHECK(deep->issues[0].message.find("invalid YAML") != std::string::npos);

  std::string nested_maps = "rules:\n  options:\n    X:\n";
  for (int i = 0; i < 100; ++i) nested_maps += std::string(6 + 2 * static_cast<size_t>(i), ' ') + "k:\n";
  auto maps = load_text(nested_maps);
  CHECK(find_issue(*maps, "CFG002", "nested deeper"));

  // an alias under an unknown key is never expanded
  auto unknown = load_text("x: &a [1, 2]\ny: [*a, *a]\nteam: t\n");
  CHECK(unknown->issues.size() == 2);
  CHECK(unknown->team == "t");

  // "billion laughs": 8 levels of 8 aliases expand to 8^9 values
  std::string alias_doc = "rules:\n  options:\n    X:\n      base: &a0 [x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 8; ++i) {
    alias_doc += "      k" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 8; ++j) alias_doc += std::string(j ? ", " : "") + "*a" + std::to_string(i - 1);
    alias_doc += "]\n";
  }
  auto laughs = load_text(alias_doc);
  CHECK(find_issue(*laughs, "CFG002", "too large"));
  CHECK(laughs->rule_options.empty());

  std::string huge = "team: x\n# " + std::string(9u << 20, 'a') + "\n";
  auto big = load_text(huge);
  REQUIRE(big->issues.size() == 1);
  CHECK(big->issues[0].message.find("larger than") != std::string::npos);
}

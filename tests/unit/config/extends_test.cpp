// extends: chains, merging, locked keys (CFG001), cycles and missing parents.
#include <catch2/catch.hpp>

#include <thread>

#include "tests/unit/config/temp_dir.h"

using namespace pipelint;
using pipelint::test::find_issue;
using pipelint::test::issues_of;
using pipelint::test::TempDir;

namespace {

const char* kPlatform = R"(version: 1
namespace:
  patterns: ['^prod_.*$']
  variables: { env: prod, region: eu }
  external: ['system.*']
teams:
  billing-de:
    name: German billing
    owns: ['*_de.silver_billing.*']
  ml-forecast:
    name: Demand forecasting
    owns: ['*.gold_forecast.*']
rules:
  ignore: [OBS]
  severity: { DEP004: error, OWN002: note }
)";

}  // namespace

TEST_CASE("a child merges maps key by key and replaces lists and team entries") {
  TempDir dir;
  dir.write("platform/pipelint.yaml", kPlatform);
  std::string child = dir.write("repo/pipelint.yaml", R"(extends: ../platform/pipelint.yaml
namespace:
  variables: { env: dev }
  external: ['samples.*']
teams:
  billing-de:
    owns: ['*_de.gold_billing.*']
rules:
  severity: { DEP004: warning }
)");
  ConfigLoader loader;
  auto c = loader.load(child);
  CHECK(c->issues.empty());
  CHECK(c->parent_path == dir.path("platform/pipelint.yaml"));
  // maps merge per key
  CHECK(c->ns.variables == std::map<std::string, std::string>{{"env", "dev"}, {"region", "eu"}});
  CHECK(c->rules.severity == std::map<std::string, Severity>{{"DEP004", Severity::Warning},
                                                             {"OWN002", Severity::Note}});
  CHECK(c->rules.ignore == std::vector<std::string>{"OBS"});
  // lists replace lists; untouched lists are inherited
  CHECK(c->ns.external == std::vector<std::string>{"samples.*"});
  REQUIRE(c->ns.patterns.size() == 1);
  CHECK(c->ns.patterns[0].text == "^prod_.*$");
  // a team listed by the child is replaced whole; others are inherited
  REQUIRE(c->teams.size() == 2);
  CHECK(c->teams.at("billing-de").name.empty());
  CHECK(c->teams.at("billing-de").owns == std::vector<std::string>{"*_de.gold_billing.*"});
  CHECK(c->teams.at("ml-forecast").name == "Demand forecasting");
  // the child's folder is the base for its globs
  CHECK(c->dir == std::filesystem::weakly_canonical(dir.path("repo")).string());
}

TEST_CASE("three-level chains apply every level, nearest file last") {
  TempDir dir;
  dir.write("platform/pipelint.yaml", kPlatform);
  dir.write("division/pipelint.yaml", R"(extends: ../platform/pipelint.yaml
team: billing-de
namespace:
  variables: { region: de }
rules:
  select: [NS, OWN, DEP]
)");
  std::string leaf = dir.write("division/repo/pipelint.yaml", R"(extends: ../pipelint.yaml
namespace:
  variables: { env: test }
)");
  ConfigLoader loader;
  auto c = loader.load(leaf);
  CHECK(c->issues.empty());
  CHECK(c->team == "billing-de");
  CHECK(c->ns.variables == std::map<std::string, std::string>{{"env", "test"}, {"region", "de"}});
  CHECK(c->rules.select == std::vector<std::string>{"NS", "OWN", "DEP"});
  CHECK(c->rules.ignore == std::vector<std::string>{"OBS"});
  CHECK(c->teams.count("ml-forecast") == 1);
  CHECK(c->rule_enabled("DEP003", "x.py"));
  CHECK_FALSE(c->rule_enabled("COST001", "x.py"));
}

TEST_CASE("a locked subtree and a locked leaf keep the parent's values (CFG001)") {
  TempDir dir;
  dir.write("platform/pipelint.yaml", R"(namespace:
  patterns: ['^prod_.*$']
  require_qualified: true
rules:
  severity: { OWN001: error, DEP004: warning }
locked: [namespace, 'rules.severity.OWN001']
)");
  ConfigLoader loader;

  SECTION("changed values are reported at the innermost key") {
    std::string child = dir.write("repo/pipelint.yaml", R"(extends: ../platform/pipelint.yaml
namespace:
  require_qualified: false
rules:
  severity:
    OWN001: warning
    DEP004: error
)");
    auto c = loader.load(child);
    auto cfg001 = issues_of(*c, "CFG001");
    REQUIRE(cfg001.size() == 2);
    const ConfigIssue* rq = find_issue(*c, "CFG001", "'namespace.require_qualified'");
    REQUIRE(rq);
    CHECK(rq->file == child);
    CHECK(rq->line == 3);
    CHECK(rq->col == 3);
    CHECK(rq->message.find(dir.path("platform/pipelint.yaml")) != std::string::npos);
    const ConfigIssue* own = find_issue(*c, "CFG001", "'rules.severity.OWN001'");
    REQUIRE(own);
    CHECK(own->line == 6);
    CHECK(own->col == 5);
    // the locked values stay in force; the unlocked sibling changes
    CHECK(c->ns.require_qualified);
    CHECK(c->rule_severity("OWN001", Severity::Warning, "a.py") == Severity::Error);
    CHECK(c->rule_severity("DEP004", Severity::Warning, "a.py") == Severity::Error);
    CHECK(issues_of(*c, "CFG002").empty());
  }

  SECTION("restating the same values is not an override") {
    std::string child = dir.write("same/pipelint.yaml", R"(extends: ../platform/pipelint.yaml
namespace:
  require_qualified: true
  patterns: ['^prod_.*$']
rules:
  severity: { OWN001: error, DEP004: note }
)");
    auto c = loader.load(child);
    CHECK(c->issues.empty());
    CHECK(c->rule_severity("DEP004", Severity::Warning, "a.py") == Severity::Note);
  }

  SECTION("adding a key inside a locked subtree is an override") {
    std::string child = dir.write("add/pipelint.yaml", R"(extends: ../platform/pipelint.yaml
team: billing-de
namespace:
  variables:
    env: dev
)");
    auto c = loader.load(child);
    auto cfg001 = issues_of(*c, "CFG001");
    REQUIRE(cfg001.size() == 1);
    CHECK(cfg001[0].line == 4);
    CHECK(cfg001[0].message.find("'namespace.variables'") != std::string::npos);
    CHECK(c->ns.variables.empty());
    CHECK(c->team == "billing-de");
  }

  SECTION("a list under a locked key is reported at the list's key") {
    std::string child = dir.write("list/pipelint.yaml", R"(extends: ../platform/pipelint.yaml
namespace:
  patterns:
    - '^dev_.*$'
)");
    auto c = loader.load(child);
    auto cfg001 = issues_of(*c, "CFG001");
    REQUIRE(cfg001.size() == 1);
    CHECK(cfg001[0].line == 3);
    CHECK(cfg001[0].col == 3);
    REQUIRE(c->ns.patterns.size() == 1);
    CHECK(c->ns.patterns[0].text == "^prod_.*$");
  }

  SECTION("locks are inherited down the chain and name the file that locks") {
    dir.write("division/pipelint.yaml", "extends: ../platform/pipelint.yaml\nteam: billing-de\n");
    std::string leaf = dir.write("division/repo/pipelint.yaml",
                                 "extends: ../pipelint.yaml\nnamespace:\n  require_qualified: false\n");
    auto c = loader.load(leaf);
    const ConfigIssue* rq = find_issue(*c, "CFG001", "'namespace.require_qualified'");
    REQUIRE(rq);
    CHECK(rq->file == leaf);
    CHECK(rq->line == 3);
    CHECK(rq->message.find(dir.path("platform/pipelint.yaml")) != std::string::npos);
    CHECK(c->ns.require_qualified);
    CHECK(c->team == "billing-de");
  }
}

TEST_CASE("a lock on a team field survives the child replacing that team") {
  TempDir dir;
  dir.write("platform/pipelint.yaml", R"(teams:
  billing-de:
    name: German billing
    owns: ['*_de.silver_billing.*']
locked: ['teams.billing-de.owns']
)");
  std::string child = dir.write("repo/pipelint.yaml", R"(extends: ../platform/pipelint.yaml
teams:
  billing-de:
    name: Billing DE
)");
  ConfigLoader loader;
  auto c = loader.load(child);
  auto cfg001 = issues_of(*c, "CFG001");
  REQUIRE(cfg001.size() == 1);
  CHECK(cfg001[0].line == 3);  // the entry that dropped the locked key
  CHECK(c->teams.at("billing-de").owns == std::vector<std::string>{"*_de.silver_billing.*"});
  CHECK(c->teams.at("billing-de").name == "Billing DE");
}

TEST_CASE("extends cycles are CFG002 and stop the chain") {
  TempDir dir;
  ConfigLoader loader;

  SECTION("two files extending each other") {
    std::string a = dir.write("a/pipelint.yaml", "extends: ../b/pipelint.yaml\nteam: from-a\n");
    std::string b = dir.write("b/pipelint.yaml",
                              "extends: ../a/pipelint.yaml\nnamespace:\n  variables: {env: dev}\n");
    auto c = loader.load(a);
    auto cycle = issues_of(*c, "CFG002");
    REQUIRE(cycle.size() == 1);
    CHECK(cycle[0].message.find("extends cycle") != std::string::npos);
    CHECK(cycle[0].file == b);
    CHECK(cycle[0].line == 1);
    CHECK(cycle[0].col == 10);
    CHECK(c->team == "from-a");
    CHECK(c->ns.variables.at("env") == "dev");
    // loaded from the other end, the cycle closes in the other file
    auto from_b = loader.load(b);
    auto cycle_b = issues_of(*from_b, "CFG002");
    REQUIRE(cycle_b.size() == 1);
    CHECK(cycle_b[0].file == a);
    CHECK(loader.load(a)->issues.size() == 1);
  }

  SECTION("a file extending itself") {
    std::string self = dir.write("self/pipelint.yaml", "team: x\nextends: pipelint.yaml\n");
    auto c = loader.load(self);
    REQUIRE(c->issues.size() == 1);
    CHECK(c->issues[0].line == 2);
    CHECK(c->team == "x");
  }

  SECTION("two children of one parent are not a cycle") {
    dir.write("base/pipelint.yaml", "team: platform\n");
    std::string x = dir.write("x/pipelint.yaml", "extends: ../base/pipelint.yaml\n");
    std::string y = dir.write("y/pipelint.yaml", "extends: ../base/pipelint.yaml\n");
    CHECK(loader.load(x)->issues.empty());
    CHECK(loader.load(y)->issues.empty());
    CHECK(loader.load(y)->team == "platform");
  }
}

TEST_CASE("a missing parent is CFG002 at the extends value; the child's values apply") {
  TempDir dir;
  std::string child = dir.write("repo/pipelint.yaml", "team: billing-de\nextends: ../nowhere/pipelint.yaml\n");
  ConfigLoader loader;
  auto c = loader.load(child);
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].rule == "CFG002");
  CHECK(c->issues[0].line == 2);
  CHECK(c->issues[0].col == 10);
  CHECK(c->issues[0].message.find("does not exist") != std::string::npos);
  CHECK(c->team == "billing-de");
  CHECK(c->parent_path.empty());
}

TEST_CASE("a parent's issues are part of the child's, and a broken parent falls back to defaults") {
  TempDir dir;
  std::string parent = dir.write("platform/pipelint.yaml", "team: platform\nnamspace: {}\n");
  std::string child = dir.write("repo/pipelint.yaml", "extends: ../platform/pipelint.yaml\n");
  ConfigLoader loader;
  auto c = loader.load(child);
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].file == parent);
  CHECK(c->issues[0].line == 2);
  CHECK(c->team == "platform");

  std::string broken = dir.write("broken/pipelint.yaml", "team: [unclosed\n");
  std::string child2 = dir.write("repo2/pipelint.yaml", "extends: ../broken/pipelint.yaml\nteam: repo2\n");
  auto c2 = loader.load(child2);
  REQUIRE(c2->issues.size() == 1);
  CHECK(c2->issues[0].file == broken);
  CHECK(c2->team == "repo2");
}

TEST_CASE("a child with broken YAML still follows its extends line") {
  TempDir dir;
  dir.write("platform/pipelint.yaml", "team: platform\nrules:\n  ignore: [OBS]\n");
  std::string child = dir.write("repo/pipelint.yaml",
                                "extends: '../platform/pipelint.yaml'\nrules:\n  ignore: [NS\n");
  ConfigLoader loader;
  auto c = loader.load(child);
  REQUIRE(c->issues.size() == 1);
  CHECK(c->issues[0].message.find("invalid YAML") != std::string::npos);
  CHECK(c->team == "platform");
  CHECK_FALSE(c->rule_enabled("OBS001", "a.py"));
}

TEST_CASE("loads are cached by absolute path and safe from several threads") {
  TempDir dir;
  dir.write("platform/pipelint.yaml", kPlatform);
  std::string child = dir.write("repo/pipelint.yaml", "extends: ../platform/pipelint.yaml\nteam: t\n");
  ConfigLoader loader;
  auto first = loader.load(child);
  CHECK(loader.load(dir.path("repo/../repo/pipelint.yaml")) == first);

  ConfigLoader fresh;
  std::vector<std::shared_ptr<const Config>> got(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] { got[i] = fresh.load(child); });
  for (auto& t : threads) t.join();
  for (const auto& g : got) {
    REQUIRE(g);
    CHECK(g->team == "t");
    CHECK(g->teams.size() == 2);
    CHECK(g->issues.empty());
  }
}

// The example pipelint.yaml of SPEC 3 loads completely into Config.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "tests/unit/config/temp_dir.h"

using namespace pipelint;
using pipelint::test::TempDir;

namespace {

const char* kSpecExample = R"(version: 1
extends: ../platform-config/pipelint.yaml
team: billing-de                      # owner of this repository's code

namespace:
  patterns:                           # RE2; named groups feed other rules
    - '^(?P<env>dev|test|prod)_(?P<country>de|fr|nl|lu)\.(?P<layer>bronze|silver|gold)_(?P<domain>[a-z][a-z0-9]*)\.(?P<table>[a-z][a-z0-9_]*)$'
  layers: [bronze, silver, gold]      # data flows only left to right
  require_qualified: true             # one- and two-part names are NS002
  variables: { env: prod }            # values for placeholders
  external: ['system.*', 'samples.*'] # outside the platform: exempt
  locations:                          # storage paths that are tables
    - path: '^/mnt/(?P<country>de|fr|nl|lu)/(?P<layer>bronze|silver|gold)/(?P<table>[a-z_]+)$'
      table: 'prod_{country}.{layer}_core.{table}'

teams:
  billing-de:
    name: German billing
    owns: ['*_de.silver_billing.*', '*_de.gold_billing.*']   # globs over table names
    repos: [billing-de-pipelines]     # repository folder names (multi-repo audit)
    paths: ['teams/billing_de/**']    # files of this team in a monorepo
    contact: '#billing-de'
    cost_center: DE-4410
    publishes: ['*_de.gold_billing.*'] # tables other teams may read (besides contracted ones)

contracts:
  paths: ['contracts/**/*.yaml']

pipelines:
  yaml:
    - files: 'conf/pipelines/*.yaml'
      reads: ['sources[*].table']
      writes: ['target.table']
      mode: 'target.mode'

rules:
  select: [ALL]                       # ids or prefixes, like ruff
  ignore: [OBS]
  severity: { DEP004: error }
  options:
    COST001: { required_tags: [team, cost_center] }

overrides:
  - paths: ['notebooks/sandbox/**']
    ignore: [NS001]

locked: [namespace, teams, 'rules.severity.OWN001']
)";

}  // namespace

TEST_CASE("the SPEC 3 example loads into every Config field without issues") {
  TempDir dir;
  dir.write("platform-config/pipelint.yaml", "version: 1\n");
  std::string path = dir.write("billing/pipelint.yaml", kSpecExample);
  ConfigLoader loader;
  auto c = loader.load(path);

  INFO((c->issues.empty() ? std::string() : c->issues.front().message));
  CHECK(c->issues.empty());
  CHECK(c->path == path);
  CHECK(c->dir == std::filesystem::weakly_canonical(dir.path("billing")).string());
  CHECK(c->version == 1);
  CHECK(c->extends == "../platform-config/pipelint.yaml");
  CHECK(c->parent_path.find("platform-config") != std::string::npos);
  CHECK(c->team == "billing-de");

  REQUIRE(c->ns.patterns.size() == 1);
  REQUIRE(c->ns.patterns[0].re);
  CHECK(RE2::FullMatch("prod_de.silver_billing.readings", *c->ns.patterns[0].re));
  CHECK_FALSE(RE2::FullMatch("prod_xx.silver_billing.readings", *c->ns.patterns[0].re));
  CHECK(c->ns.patterns[0].re->NamedCapturingGroups().count("country") == 1);
  CHECK(c->ns.layers == std::vector<std::string>{"bronze", "silver", "gold"});
  CHECK(c->ns.require_qualified);
  CHECK(c->ns.variables == std::map<std::string, std::string>{{"env", "prod"}});
  CHECK(c->ns.external == std::vector<std::string>{"system.*", "samples.*"});
  REQUIRE(c->ns.locations.size() == 1);
  REQUIRE(c->ns.locations[0].path_re);
  CHECK(RE2::FullMatch("/mnt/de/silver/meter_readings", *c->ns.locations[0].path_re));
  CHECK(c->ns.locations[0].table == "prod_{country}.{layer}_core.{table}");

  REQUIRE(c->teams.count("billing-de") == 1);
  const TeamConfig& t = c->teams.at("billing-de");
  CHECK(t.id == "billing-de");
  CHECK(t.name == "German billing");
  CHECK(t.owns == std::vector<std::string>{"*_de.silver_billing.*", "*_de.gold_billing.*"});
  CHECK(t.repos == std::vector<std::string>{"billing-de-pipelines"});
  CHECK(t.paths == std::vector<std::string>{"teams/billing_de/**"});
  CHECK(t.contact == "#billing-de");
  CHECK(t.cost_center == "DE-4410");
  CHECK(t.publishes == std::vector<std::string>{"*_de.gold_billing.*"});

  CHECK(c->contract_paths == std::vector<std::string>{"contracts/**/*.yaml"});
  REQUIRE(c->pipelines_yaml.size() == 1);
  CHECK(c->pipelines_yaml[0].files == "conf/pipelines/*.yaml");
  CHECK(c->pipelines_yaml[0].reads == std::vector<std::string>{"sources[*].table"});
  CHECK(c->pipelines_yaml[0].writes == std::vector<std::string>{"target.table"});
  CHECK(c->pipelines_yaml[0].mode == "target.mode");

  CHECK(c->rules.select == std::vector<std::string>{"ALL"});
  CHECK(c->rules.ignore == std::vector<std::string>{"OBS"});
  CHECK(c->rules.severity == std::map<std::string, Severity>{{"DEP004", Severity::Error}});
  const nlohmann::json* tags = c->rule_option("COST001", "required_tags");
  REQUIRE(tags);
  CHECK(*tags == nlohmann::json({"team", "cost_center"}));
  CHECK(c->rule_option("COST001", "missing") == nullptr);
  CHECK(c->rule_option("COST002", "required_tags") == nullptr);

  REQUIRE(c->overrides.size() == 1);
  CHECK(c->overrides[0].paths == std::vector<std::string>{"notebooks/sandbox/**"});
  CHECK(c->overrides[0].rules.ignore == std::vector<std::string>{"NS001"});
  CHECK(c->locked == std::vector<std::string>{"namespace", "teams", "rules.severity.OWN001"});

  // The example's selection: OBS ignored, NS001 off only in the sandbox.
  CHECK_FALSE(c->rule_enabled("OBS001", "jobs/a.py"));
  CHECK(c->rule_enabled("NS001", "jobs/a.py"));
  CHECK_FALSE(c->rule_enabled("NS001", "notebooks/sandbox/try.py"));
  CHECK(c->rule_severity("DEP004", Severity::Warning, "jobs/a.py") == Severity::Error);
}

TEST_CASE("defaults apply where the file is silent") {
  TempDir dir;
  std::string path = dir.write("pipelint.yaml", "team: ml-forecast\n");
  ConfigLoader loader;
  auto c = loader.load(path);
  CHECK(c->issues.empty());
  CHECK(c->team == "ml-forecast");
  CHECK(c->version == 1);
  CHECK(c->ns.layers == std::vector<std::string>{"bronze", "silver", "gold"});
  CHECK(c->ns.require_qualified);
  CHECK(c->rules.select == std::vector<std::string>{"ALL"});
  CHECK(c->extends.empty());
  CHECK(c->parent_path.empty());
  CHECK(c->rule_enabled("DEP001", "a.py"));

  auto d = loader.defaults(dir.root().string());
  CHECK(d->path.empty());
  CHECK(d->dir == std::filesystem::weakly_canonical(dir.root()).string());
  CHECK(d->rule_enabled("OWN001", "x.py"));
}

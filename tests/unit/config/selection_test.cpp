// rule_enabled / rule_severity / rule_option: selection like ruff, overrides by glob.
#include <catch2/catch.hpp>

#include "tests/unit/config/temp_dir.h"

using namespace pipelint;

namespace {

Config with_rules(std::vector<std::string> select, std::vector<std::string> ignore) {
  Config c;
  c.rules.select = std::move(select);
  c.rules.ignore = std::move(ignore);
  return c;
}

OverrideConfig override_for(std::vector<std::string> paths, std::vector<std::string> select,
                            std::vector<std::string> ignore) {
  OverrideConfig o;
  o.paths = std::move(paths);
  o.rules.select = std::move(select);
  o.rules.ignore = std::move(ignore);
  return o;
}

}  // namespace

TEST_CASE("select by exact id, by prefix and ALL") {
  Config all = with_rules({"ALL"}, {});
  CHECK(all.rule_enabled("NS001", "a.py"));
  CHECK(all.rule_enabled("COST002", "a.py"));

  Config ns = with_rules({"NS"}, {});
  CHECK(ns.rule_enabled("NS001", "a.py"));
  CHECK(ns.rule_enabled("NS005", "a.py"));
  CHECK_FALSE(ns.rule_enabled("OWN001", "a.py"));

  Config exact = with_rules({"DEP004"}, {});
  CHECK(exact.rule_enabled("DEP004", "a.py"));
  CHECK_FALSE(exact.rule_enabled("DEP001", "a.py"));

  Config none = with_rules({}, {});
  CHECK_FALSE(none.rule_enabled("NS001", "a.py"));
}

TEST_CASE("ignore wins at the same specificity; the more specific selector wins otherwise") {
  CHECK_FALSE(with_rules({"ALL"}, {"OBS"}).rule_enabled("OBS001", "a.py"));
  CHECK(with_rules({"ALL"}, {"OBS"}).rule_enabled("OWN001", "a.py"));
  CHECK_FALSE(with_rules({"NS"}, {"NS"}).rule_enabled("NS001", "a.py"));
  CHECK_FALSE(with_rules({"NS"}, {"NS002"}).rule_enabled("NS002", "a.py"));
  CHECK(with_rules({"NS"}, {"NS002"}).rule_enabled("NS001", "a.py"));
  // a specific select beats a broader ignore, as in ruff
  CHECK(with_rules({"ALL", "OBS003"}, {"OBS"}).rule_enabled("OBS003", "a.py"));
  CHECK_FALSE(with_rules({"ALL", "OBS003"}, {"OBS"}).rule_enabled("OBS001", "a.py"));
  CHECK_FALSE(with_rules({"ALL"}, {"ALL"}).rule_enabled("NS001", "a.py"));
}

TEST_CASE("overrides apply on top, in order, when their globs match") {
  Config c = with_rules({"ALL"}, {"DEP004"});
  c.overrides.push_back(override_for({"notebooks/sandbox/**"}, {}, {"NS001"}));
  c.overrides.push_back(override_for({"notebooks/sandbox/keep/**"}, {"NS001"}, {}));
  c.overrides.push_back(override_for({"jobs/*.py"}, {"DEP004"}, {}));
  c.overrides.push_back(override_for({"*.sql"}, {}, {"NS"}));

  CHECK(c.rule_enabled("NS001", "jobs/load.py"));
  CHECK_FALSE(c.rule_enabled("NS001", "notebooks/sandbox/try.py"));
  CHECK_FALSE(c.rule_enabled("NS001", "./notebooks/sandbox/deep/try.py"));
  CHECK(c.rule_enabled("NS002", "notebooks/sandbox/try.py"));
  CHECK(c.rule_enabled("NS001", "notebooks/sandbox/keep/x.py"));   // later override re-selects
  CHECK(c.rule_enabled("NS001", "notebooks/sandboxed/x.py"));      // look-alike folder
  CHECK(c.rule_enabled("DEP004", "jobs/load.py"));
  CHECK_FALSE(c.rule_enabled("DEP004", "jobs/sub/load.py"));      // * stays in one folder
  CHECK_FALSE(c.rule_enabled("DEP004", "etl/load.py"));
  // a pattern without '/' matches the file name in any folder, like .gitignore
  CHECK_FALSE(c.rule_enabled("NS003", "sql/deep/q.sql"));
  CHECK(c.rule_enabled("NS003", "sql/deep/q.py"));
  CHECK(c.rule_enabled("OWN001", "sql/deep/q.sql"));
}

TEST_CASE("severity: override, then rules.severity, then the rule's default") {
  Config c = with_rules({"ALL"}, {});
  c.rules.severity = {{"DEP004", Severity::Error}, {"NS", Severity::Note}, {"NS001", Severity::Warning}};
  OverrideConfig sandbox = override_for({"notebooks/**"}, {}, {});
  sandbox.rules.severity = {{"DEP004", Severity::Note}};
  OverrideConfig later = override_for({"notebooks/prod/**"}, {}, {});
  later.rules.severity = {{"DEP", Severity::Warning}};
  c.overrides = {sandbox, later};

  CHECK(c.rule_severity("DEP004", Severity::Warning, "jobs/a.py") == Severity::Error);
  CHECK(c.rule_severity("DEP004", Severity::Warning, "notebooks/a.py") == Severity::Note);
  CHECK(c.rule_severity("DEP004", Severity::Warning, "notebooks/prod/a.py") == Severity::Warning);
  CHECK(c.rule_severity("DEP001", Severity::Error, "jobs/a.py") == Severity::Error);
  CHECK(c.rule_severity("NS002", Severity::Warning, "jobs/a.py") == Severity::Note);
  CHECK(c.rule_severity("NS001", Severity::Error, "jobs/a.py") == Severity::Warning);
  CHECK(c.rule_severity("OWN001", Severity::Error, "notebooks/a.py") == Severity::Error);
}

TEST_CASE("rule options come from rules.options as JSON with YAML scalars typed") {
  pipelint::test::TempDir dir;
  std::string path = dir.write("pipelint.yaml", R"(rules:
  options:
    COST001: { required_tags: [team, cost_center], strict: true, limit: 3, ratio: 1.5, label: '42', none: ~ }
)");
  ConfigLoader loader;
  auto c = loader.load(path);
  REQUIRE(c->issues.empty());
  CHECK(*c->rule_option("COST001", "required_tags") == nlohmann::json({"team", "cost_center"}));
  CHECK(*c->rule_option("COST001", "strict") == true);
  CHECK(*c->rule_option("COST001", "limit") == 3);
  CHECK(*c->rule_option("COST001", "ratio") == 1.5);
  CHECK(*c->rule_option("COST001", "label") == "42");
  CHECK(c->rule_option("COST001", "none")->is_null());
  CHECK(c->rule_option("COST001", "absent") == nullptr);
  CHECK(c->rule_option("COST002", "strict") == nullptr);
}

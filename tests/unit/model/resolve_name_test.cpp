// resolve_name: namespace.variables beat defaults from code; unknowns stay {name}.
#include <catch2/catch.hpp>

#include "analyzer/model/model.h"

using namespace pipelint;

namespace {

NameTemplate name_of(std::initializer_list<NameTemplate> parts) {
  NameTemplate out;
  for (const auto& p : parts) out.append(p);
  return out;
}

NamespaceConfig with_variables(std::map<std::string, std::string> vars) {
  NamespaceConfig ns;
  ns.variables = std::move(vars);
  return ns;
}

}  // namespace

TEST_CASE("a literal name is fully resolved as written") {
  auto r = resolve_name(NameTemplate::literal("prod_de.silver_billing.readings"), NamespaceConfig{});
  CHECK(r.text == "prod_de.silver_billing.readings");
  CHECK(r.resolved == Resolution::Full);
}

TEST_CASE("namespace.variables take precedence over defaults given in code") {
  NameTemplate t = name_of({NameTemplate::hole("env", HoleSource::Widget, std::string("dev")),
                            NameTemplate::literal("_de.silver_billing.readings")});
  auto with_var = resolve_name(t, with_variables({{"env", "prod"}}));
  CHECK(with_var.text == "prod_de.silver_billing.readings");
  CHECK(with_var.resolved == Resolution::Full);

  // look-alike: a variable of another name leaves the default in force
  auto other_var = resolve_name(t, with_variables({{"country", "fr"}}));
  CHECK(other_var.text == "dev_de.silver_billing.readings");
  CHECK(other_var.resolved == Resolution::Full);
}

TEST_CASE("a hole with neither variable nor default stays a placeholder") {
  NameTemplate t = name_of({NameTemplate::hole("catalog", HoleSource::Parameter),
                            NameTemplate::literal(".silver_billing.readings")});
  auto r = resolve_name(t, NamespaceConfig{});
  CHECK(r.text == "{catalog}.silver_billing.readings");
  CHECK(r.resolved == Resolution::Partial);

  auto known = resolve_name(t, with_variables({{"catalog", "prod_de"}}));
  CHECK(known.text == "prod_de.silver_billing.readings");
  CHECK(known.resolved == Resolution::Full);
}

TEST_CASE("a name made only of holes and separators is unresolved") {
  NameTemplate t = name_of({NameTemplate::hole("catalog"), NameTemplate::literal("."),
                            NameTemplate::hole("schema"), NameTemplate::literal("."),
                            NameTemplate::hole("")});
  auto r = resolve_name(t, NamespaceConfig{});
  CHECK(r.text == "{catalog}.{schema}.{?}");
  CHECK(r.resolved == Resolution::None);

  // one known part makes it partial
  auto partial = resolve_name(t, with_variables({{"schema", "silver_billing"}}));
  CHECK(partial.text == "{catalog}.silver_billing.{?}");
  CHECK(partial.resolved == Resolution::Partial);
}

TEST_CASE("defaults alone resolve every hole") {
  NameTemplate t = name_of({NameTemplate::hole("env", HoleSource::Env, std::string("test")),
                            NameTemplate::literal("_"),
                            NameTemplate::hole("country", HoleSource::SparkConf, std::string("nl")),
                            NameTemplate::literal(".gold_forecast.demand")});
  auto r = resolve_name(t, NamespaceConfig{});
  CHECK(r.text == "test_nl.gold_forecast.demand");
  CHECK(r.resolved == Resolution::Full);
}

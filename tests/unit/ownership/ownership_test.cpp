// Registry lookups: globs over full and partial names, external names, teams of files.
#include <catch2/catch.hpp>

#include <chrono>

#include "analyzer/model/glob.h"

#include "analyzer/model/ownership.h"
#include "analyzer/model/ownership_match.h"
#include "model_builder.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {
std::vector<std::string> owners(const TableOwnership& o) {
  std::vector<std::string> out;
  for (const auto& m : o.owners) out.push_back(m.team);
  return out;
}
}  // namespace

TEST_CASE("placeholders match any value of their segment, on what is known") {
  CHECK(name_could_match("*_de.silver_billing.*", "{catalog}.silver_billing.readings"));
  CHECK_FALSE(name_could_match("*.gold_commercial.*", "{catalog}.silver_billing.readings"));
  CHECK(name_could_match("*_de.silver_billing.*", "prod_{country}.silver_billing.x"));
  CHECK_FALSE(name_could_match("*_de.silver_billing.*", "prod_{country}.gold_billing.x"));
  CHECK(name_could_match("prod_de.silver_?illing.*", "prod_de.silver_{x}.t"));
  CHECK(name_could_match("*_lu.silver_*.*", "prod_lu.silver_{domain}.t"));
  CHECK_FALSE(name_could_match("*_lu.silver_*.*", "prod_lu.gold_{domain}.t"));
  CHECK(name_could_match("system.*", "system.{schema}.tables"));
  CHECK_FALSE(name_could_match("a.b.c", "a.{x}.c.d"));
  // Without placeholders it is exactly table_glob_match.
  CHECK(name_could_match("*_de.silver_billing.*", "prod_de.silver_billing.x"));
  CHECK_FALSE(name_could_match("*_de.silver_billing.*", "prod_fr.silver_billing.x"));
}

TEST_CASE("the allocation-free matcher agrees with table_glob_match") {
  std::vector<std::string> globs{"*_de.silver_billing.*", "*.gold_*.*", "prod_*.*", "*", "*.*.*", "a*b*c.d",
                                 "*_lu.silver_*.x", "prod_de.silver_billing.invoices", "*.*", "p*d*.s*.*"};
  std::vector<std::string> names{"prod_de.silver_billing.x", "prod_de.silver_billing.x.y", "prod_de.silver_billing.",
                                 "prod_fr.gold_a.b", "prod_lu.silver_core.x", "abxbc.d", "ab.c.d", "a.b", "x",
                                 "prod_de.silver_billing.invoices", "prod.de.x.y", ".", "p.s.x", "pd.s.t"};
  for (const auto& g : globs)
    for (const auto& n : names) CHECK(fast_table_glob_match(g, n) == table_glob_match(g, n));
}

TEST_CASE("the glob index finds the same owners as comparing every glob") {
  GlobIndex index;
  std::vector<std::string> globs{"*_de.silver_billing.*", "*.gold_commercial.*", "prod_lu.*", "*_lu.silver_*.*",
                                 "*.*.*", "**.raw", "[dp]*_nl.silver_grid.*"};
  for (uint32_t i = 0; i < globs.size(); ++i) index.add(globs[i], i);
  for (std::string name : {"prod_de.silver_billing.x", "prod_eu.gold_commercial.churn", "prod_lu.gold_metering.q",
                           "prod_lu.silver_core.readings", "dev_nl.silver_grid.t", "a.b.raw", "x.y"}) {
    std::vector<std::pair<uint32_t, const std::string*>> hits;
    index.matches(name, hits);
    std::vector<uint32_t> got, want;
    for (auto& h : hits) got.push_back(h.first);
    for (uint32_t i = 0; i < globs.size(); ++i)
      if (table_glob_match(globs[i], name)) want.push_back(i);
    CHECK(got == want);
  }
}

TEST_CASE("registry lookup: owners, overlaps, publishes, external and unqualified names") {
  auto cfg = gridunion_config();
  Registry reg(*cfg);
  auto o = reg.lookup("prod_de.silver_billing.invoices");
  CHECK(owners(o) == std::vector<std::string>{"nordgrid-de"});
  CHECK(o.owners[0].pattern == "*_de.silver_billing.*");
  CHECK(o.exact);
  CHECK(o.published.empty());
  CHECK(reg.lookup("prod_de.gold_billing.invoices").published_by("nordgrid-de"));
  CHECK(owners(reg.lookup("prod_lu.silver_shared.x")) == std::vector<std::string>{"platform", "shared-billing"});
  CHECK(owners(reg.lookup("prod_nl.silver_billing.tarieven")).empty());
  CHECK(reg.lookup("system.information_schema.tables").external);
  auto partial = reg.lookup("{catalog}.silver_billing.readings");
  CHECK_FALSE(partial.exact);
  CHECK(owners(partial) == std::vector<std::string>{"electra-fr", "nordgrid-de", "platform", "shared-billing"});
  auto two_part = reg.lookup("gold_commercial.segments");
  CHECK(two_part.table == "{catalog}.gold_commercial.segments");
  CHECK(owners(two_part) == std::vector<std::string>{"commercial-analytics"});
}

TEST_CASE("team of a file: team:, then paths globs, then repos") {
  auto with_team = gridunion_config("electra-fr");
  CHECK(team_of_file(*with_team, "de/jobs/x.py", "/r/de-metering-pipelines").team == "electra-fr");
  auto cfg = gridunion_config();
  auto by_path = team_of_file(*cfg, "de/jobs/x.py", "/r/monorepo");
  CHECK(by_path.team == "nordgrid-de");
  CHECK(by_path.source.find("`de/**`") != std::string::npos);
  CHECK(team_of_file(*cfg, "jobs/x.py", "/r/fr-electra-ingest").team == "electra-fr");
  auto none = team_of_file(*cfg, "jobs/x.py", "/r/hackathon");
  CHECK(none.team.empty());
  CHECK(none.source.find("hackathon") != std::string::npos);
  auto unknown = gridunion_config("billing-xx");
  CHECK(team_of_file(*unknown, "jobs/x.py", "/r/de-metering-pipelines").team.empty());
}

TEST_CASE("ownership of 20,000 tables against 100 teams is fast") {
  auto cfg = std::make_shared<Config>();
  const char* countries[] = {"de", "fr", "nl", "lu"};
  for (int t = 0; t < 100; ++t) {
    TeamConfig team;
    team.id = "team" + std::to_string(t);
    std::string c = countries[t % 4], d = "domain" + std::to_string(t / 4);
    team.owns = {"*_" + c + ".*_" + d + ".*", "*_" + c + ".gold_" + d + "x.*"};
    team.publishes = {"*_" + c + ".gold_" + d + ".*"};
    cfg->teams[team.id] = team;
  }
  test::ModelBuilder b;
  std::vector<test::Access> accesses;
  for (int i = 0; i < 20000; ++i)
    accesses.push_back({static_cast<uint32_t>(i + 1), i % 3 ? Op::Read : Op::Write,
                        lit(std::string("prod_") + countries[i % 4] + ".silver_domain" + std::to_string(i % 25) +
                            ".t" + std::to_string(i))});
  b.file("repo", "jobs/all.py", cfg, accesses);
  Model& m = b.model;
  build_accesses(m);
  auto started = std::chrono::steady_clock::now();
  build_ownership(m);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  WARN("build_ownership, 20,000 distinct tables x 100 teams (200 owns globs): " << ms << " ms");
  CHECK(ms < 1500);  // generous: the machine is shared; measured ~50 ms
  const auto* o = m.ownership->of(m.accesses[4]);  // prod_de.silver_domain4.t4
  REQUIRE(o);
  CHECK(owners(*o) == std::vector<std::string>{"team16"});
}

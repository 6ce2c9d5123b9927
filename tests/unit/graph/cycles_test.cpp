#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "analyzer/model/graph/cycles.h"
#include "graph_model.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

// The GridUnion story: DE grid losses use the ML forecast, which is built from the losses.
ModelBuilder cross_team_cycle() {
  ModelBuilder b;
  b.file("de/jobs/loss_targets.py", "nordgrid-de",
         {rd("prod_eu.gold_forecast.grid_adjusted_demand", 5), rd("prod_de.gold_grid.loss_targets", 6),
          wr("prod_de.gold_grid.loss_targets", "merge", 9)})
      .file("ml/features/grid_features.py", "demand-forecasting",
            {rd("prod_de.gold_grid.loss_targets", 4), wr("prod_eu.gold_forecast.grid_adjusted_demand", "append", 8)});
  return b;
}

}  // namespace

TEST_CASE("DEP001: a cross-team cycle is reported once, with flow and related locations") {
  Model m = cross_team_cycle().build();
  auto cycles = find_table_cycles(platform_graph(m));
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].steps.size() == 2);
  CHECK(cycles[0].pipelines.size() == 2);

  auto findings = run_rule("DEP001", m);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.subject == "prod_de.gold_grid.loss_targets,prod_eu.gold_forecast.grid_adjusted_demand");
  CHECK(f.loc.path == "de/jobs/loss_targets.py");  // the write closing the cycle into the first member
  CHECK(f.loc.line == 9);
  CHECK(f.flow.size() == 4);
  CHECK(f.related.size() == 5);  // 4 cycle steps + the self-read of loss_targets inside the set
  CHECK(f.message.find("2 teams") != std::string::npos);
  CHECK(f.message.find("`prod_de.gold_grid.loss_targets` → `prod_eu.gold_forecast.grid_adjusted_demand` → "
                       "`prod_de.gold_grid.loss_targets`") != std::string::npos);
}

TEST_CASE("DEP001: incremental self-reads are not cycles") {
  Model m = ModelBuilder()
                .file("de/jobs/silver_readings.py", "nordgrid-de",
                      {rd("prod_de.silver_metering.readings"), wr("prod_de.silver_metering.readings", "merge")})
                .file("de/jobs/grid_loss.py", "nordgrid-de",
                      {rd("prod_de.silver_metering.readings"), rd("prod_de.gold_grid.feeder_losses"),
                       wr("prod_de.gold_grid.feeder_losses", "merge")})
                .build();
  CHECK(find_table_cycles(platform_graph(m)).empty());
  CHECK(run_rule("DEP001", m).empty());
}

TEST_CASE("DEP001: a loop closed inside one file is not a scheduling cycle") {
  Model m = ModelBuilder()
                .file("de/jobs/both.py", "nordgrid-de",
                      {rd("prod_de.silver_grid.a"), rd("prod_de.silver_grid.b"), wr("prod_de.silver_grid.a", "merge"),
                       wr("prod_de.silver_grid.b", "merge")})
                .build();
  CHECK(run_rule("DEP001", m).empty());
}

TEST_CASE("DEP001: a placeholder or external name never closes a cycle") {
  Model m = ModelBuilder()
                .file("a.py", "", {rd("{catalog}.gold_grid.x"), wr("prod_de.gold_grid.y")})
                .file("b.py", "", {rd("prod_de.gold_grid.y"), wr("{catalog}.gold_grid.x")})
                .file("c.py", "", {rd("system.access.audit"), wr("prod_de.gold_grid.z")})
                .file("d.py", "", {rd("prod_de.gold_grid.z"), wr("system.access.audit")})
                .build();
  CHECK(run_rule("DEP001", m).empty());
}

TEST_CASE("DEP001: the cycle is found through a longer chain and a three-pipeline loop") {
  Model m = ModelBuilder()
                .file("a.py", "nordgrid-de", {rd("prod_de.silver_grid.c"), wr("prod_de.silver_grid.a")})
                .file("b.py", "electra-fr", {rd("prod_de.silver_grid.a"), wr("prod_fr.silver_grid.b")})
                .file("c.py", "nordgrid-de", {rd("prod_fr.silver_grid.b"), wr("prod_de.silver_grid.c")})
                .file("d.py", "nordgrid-de", {rd("prod_de.silver_grid.c"), wr("prod_de.gold_grid.out")})
                .build();
  auto findings = run_rule("DEP001", m);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].flow.size() == 6);
  CHECK(findings[0].subject == "prod_de.silver_grid.a,prod_de.silver_grid.c,prod_fr.silver_grid.b");
}

TEST_CASE("DEP001: a 50,000-pipeline cycle is found without recursion and reported once") {
  ModelBuilder b;
  const int n = 50000;
  std::vector<std::string> paths;
  for (int i = 0; i < n; ++i) paths.push_back(fmt::format("p{:06}.py", i));
  for (int i = 0; i < n; ++i)
    b.file(paths[i], "", {rd(fmt::format("prod_de.silver_grid.t{}", i)), wr(fmt::format("prod_de.silver_grid.t{}", (i + 1) % n))});
  Model m = b.build();
  auto findings = run_rule("DEP001", m);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].flow.size() == 2 * n);
}

TEST_CASE("DEP001: output is deterministic") {
  Model a = cross_team_cycle().build();
  Model b = cross_team_cycle().build();
  auto fa = run_rule("DEP001", a), fb = run_rule("DEP001", b);
  REQUIRE(fa.size() == fb.size());
  CHECK(fa[0].message == fb[0].message);
  CHECK(fa[0].related.size() == fb[0].related.size());
  for (size_t i = 0; i < fa[0].flow.size(); ++i) CHECK(fa[0].flow[i].line == fb[0].flow[i].line);
}

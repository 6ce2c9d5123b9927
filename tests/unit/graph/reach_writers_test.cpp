#include <catch2/catch.hpp>

#include <sstream>

#include "analyzer/output/graph_writers.h"
#include "graph_model.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

// readings → daily_consumption.py → daily → churn.py → churn_scores; readings → build_features.py → features
Model platform() {
  return ModelBuilder()
      .file("analytics/churn.py", "commercial-analytics",
            {rd("prod_de.gold_metering.daily"), wr("prod_eu.gold_commercial.churn_scores", "merge")})
      .file("de/daily_consumption.py", "nordgrid-de",
            {rd("prod_de.silver_metering.readings"), rd("prod_de.gold_metering.daily"), wr("prod_de.gold_metering.daily", "merge")})
      .file("de/silver_readings.py", "nordgrid-de", {rd("prod_de.bronze_metering.raw"), wr("prod_de.silver_metering.readings", "merge")})
      .file("ml/build_features.py", "demand-forecasting",
            {rd("prod_de.silver_metering.readings"), wr("prod_eu.silver_features.demand", "replace")})
      .build();
}

template <typename F>
std::string render(F&& f) {
  std::ostringstream out;
  f(out);
  return out.str();
}

}  // namespace

TEST_CASE("downstream reach follows readers and their writes, with shortest paths") {
  Model m = platform();
  const PlatformGraph& g = platform_graph(m);
  uint32_t readings = *g.find_table("prod_de.silver_metering.readings");
  Reach r = reach_from(g, readings, Direction::Downstream);
  CHECK(r.pipelines.size() == 3);
  CHECK(r.tables.size() == 4);  // readings, daily, features, churn_scores
  uint32_t churn = *g.find_table("prod_eu.gold_commercial.churn_scores");
  REQUIRE(r.has_table(churn));
  CHECK(r.table_depth[churn] == 2);
  auto names = path_names(m, g, r, path_to_table(g, r, churn));
  CHECK(names == std::vector<std::string>{"prod_de.silver_metering.readings", "de/daily_consumption.py",
                                          "prod_de.gold_metering.daily", "analytics/churn.py",
                                          "prod_eu.gold_commercial.churn_scores"});
  CHECK_FALSE(r.has_table(*g.find_table("prod_de.bronze_metering.raw")));

  Reach one = reach_from(g, readings, Direction::Downstream, 1);
  CHECK_FALSE(one.has_table(churn));
  CHECK(one.pipelines.size() == 2);

  Reach up = reach_from(g, churn, Direction::Upstream);
  CHECK(up.has_table(*g.find_table("prod_de.bronze_metering.raw")));
  CHECK_FALSE(up.has_table(*g.find_table("prod_eu.silver_features.demand")));
}

TEST_CASE("impact lists pipelines, tables and teams with the path that reaches them") {
  Model m = platform();
  const PlatformGraph& g = platform_graph(m);
  Reach r = reach_from(g, *g.find_table("prod_de.silver_metering.readings"), Direction::Downstream);
  std::string text = render([&](std::ostream& o) { write_impact_text(m, g, r, o); });
  CHECK(text.find("impact of `prod_de.silver_metering.readings`: 3 pipelines, 3 tables, 3 teams downstream") == 0);
  CHECK(text.find("analytics/churn.py  (team commercial-analytics)\n      via prod_de.silver_metering.readings → "
                  "de/daily_consumption.py → prod_de.gold_metering.daily → analytics/churn.py") != std::string::npos);
  std::string json = render([&](std::ostream& o) { write_impact_json(m, g, r, o); });
  CHECK(json.find("\"team\": \"demand-forecasting\"") != std::string::npos);
  CHECK(json == render([&](std::ostream& o) { write_impact_json(m, g, r, o); }));
}

TEST_CASE("graph writers: sorted, grouped by team, escaped, deterministic") {
  Model m = platform();
  const PlatformGraph& g = platform_graph(m);
  GraphView v = whole_graph(m, g);
  std::string mermaid = render([&](std::ostream& o) { write_graph_mermaid(m, g, v, o); });
  CHECK(mermaid.rfind("flowchart LR\n", 0) == 0);
  CHECK(mermaid.find("subgraph team0[\"team commercial-analytics\"]\n    p0[\"analytics/churn.py\"]") != std::string::npos);
  CHECK(mermaid.find("p0 -->|merge| t3") != std::string::npos);  // tables sorted: t3 = prod_eu.gold_commercial.churn_scores
  std::string dot = render([&](std::ostream& o) { write_graph_dot(m, g, v, o); });
  CHECK(dot.find("subgraph cluster_team0 {") != std::string::npos);
  CHECK(dot.find("p3 -> t4 [label=\"replace\"];") != std::string::npos);
  std::string json = render([&](std::ostream& o) { write_graph_json(m, g, v, std::nullopt, o); });
  CHECK(json.find("\"owner\": \"demand-forecasting\"") != std::string::npos);

  Model again = platform();
  const PlatformGraph& g2 = platform_graph(again);
  GraphView v2 = whole_graph(again, g2);
  CHECK(mermaid == render([&](std::ostream& o) { write_graph_mermaid(again, g2, v2, o); }));
  CHECK(dot == render([&](std::ostream& o) { write_graph_dot(again, g2, v2, o); }));
}

TEST_CASE("graph writers escape quotes and newlines in names") {
  Model m = ModelBuilder().file("a\"b.py", "", {rd("x.y.\"z\nw"), wr("x.y.back\\slash")}).build();
  const PlatformGraph& g = platform_graph(m);
  GraphView v = whole_graph(m, g);
  std::string mermaid = render([&](std::ostream& o) { write_graph_mermaid(m, g, v, o); });
  CHECK(mermaid.find("a#quot;b.py") != std::string::npos);
  CHECK(mermaid.find("x.y.#quot;z w") != std::string::npos);
  std::string dot = render([&](std::ostream& o) { write_graph_dot(m, g, v, o); });
  CHECK(dot.find("\"a\\\"b.py\"") != std::string::npos);
  CHECK(dot.find("x.y.back\\\\slash") != std::string::npos);
  CHECK(dot.find("\\n") != std::string::npos);
}

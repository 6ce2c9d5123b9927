#include <catch2/catch.hpp>

#include "analyzer/model/graph/name_groups.h"
#include "graph_model.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("tables are identified by their lower-cased resolved name, pipelines by file") {
  Model m = ModelBuilder()
                .file("de/jobs/a.py", "nordgrid-de",
                      {rd("prod_de.silver_metering.readings", 3), rd("PROD_DE.silver_metering.Readings", 7),
                       wr("prod_de.gold_metering.daily", "overwrite", 9), wr("prod_de.gold_metering.daily", "append", 12)})
                .file("de/jobs/b.py", "nordgrid-de", {rd("prod_de.silver_metering.readings", 4)})
                .build();
  const PlatformGraph& g = platform_graph(m);
  REQUIRE(g.tables.size() == 2);
  REQUIRE(g.pipelines.size() == 2);
  REQUIRE(g.edges.size() == 3);  // a reads, a writes, b reads
  auto readings = g.find_table("prod_de.silver_metering.READINGS");
  REQUIRE(readings);
  const GraphTable& t = g.tables[*readings];
  CHECK(t.reads.size() == 2);  // one edge per pipeline, not per access
  CHECK(g.edges[t.reads[0]].accesses.size() == 2);
  CHECK(t.layer_name == "silver");
  CHECK(t.owner == "nordgrid-de");
  CHECK_FALSE(t.unresolved);
  const GraphEdge& write = g.edges[g.tables[*g.find_table("prod_de.gold_metering.daily")].writes.at(0)];
  CHECK(write.accesses.size() == 2);
  CHECK(edge_location(m, g, write).line == 9);
  CHECK(g.teams == std::vector<std::string>{"nordgrid-de"});
  CHECK(&platform_graph(m) == &g);  // built once per model
}

TEST_CASE("placeholders, external names and unmapped paths are flagged") {
  Acc path{Op::Read, "/mnt/de/landing/hes/", "", 5, Kind::Path};
  Acc path2{Op::Write, "/mnt/de/landing/hes", "append", 6, Kind::Path};
  Model m = ModelBuilder()
                .file("de/jobs/a.py", "nordgrid-de",
                      {rd("{catalog}.silver_billing.readings"), rd("system.access.audit"), path, path2})
                .build();
  const PlatformGraph& g = platform_graph(m);
  const GraphTable& partial = g.tables[*g.find_table("{catalog}.silver_billing.readings")];
  CHECK(partial.unresolved);
  CHECK(partial.layer_name == "silver");  // a known part names the layer
  CHECK(g.tables[*g.find_table("system.access.audit")].external);
  auto p = g.find_table("/mnt/de/landing/hes");
  REQUIRE(p);
  CHECK(g.tables[*p].is_path);
  CHECK(g.tables[*p].reads.size() == 1);
  CHECK(g.tables[*p].writes.size() == 1);  // trailing slash is the same dataset
}

TEST_CASE("a copied model builds its own graph") {
  Model m = ModelBuilder().file("a.py", "", {rd("prod_de.silver_metering.readings")}).build();
  const PlatformGraph& g = platform_graph(m);
  Model copy = m;
  copy.files[0].records.accesses[0].name = NameTemplate::literal("prod_de.silver_metering.meters");
  build_accesses(copy);
  CHECK(&platform_graph(copy) != &g);
  CHECK(platform_graph(copy).find_table("prod_de.silver_metering.meters"));
  CHECK_FALSE(platform_graph(copy).find_table("prod_de.silver_metering.readings"));
}

TEST_CASE("named groups and layers of table names") {
  Model m = ModelBuilder().file("a.py", "", {}).build();
  const NamespaceConfig& ns = m.files[0].config->ns;
  auto groups = name_groups("prod_fr.gold_billing.invoices", ns);
  CHECK(groups["country"] == "fr");
  CHECK(groups["layer"] == "gold");
  CHECK(groups["domain"] == "billing");
  CHECK(name_groups("prod_fr.goldbilling.invoices", ns).empty());
  CHECK(table_layer("PROD_DE.Bronze_metering.raw", ns).index == 0);
  CHECK(table_layer("{env}_de.silver_metering.raw", ns).name == "silver");
  CHECK(table_layer("{env}_de.silverware.raw", ns).index == -1);        // "silver" must end the token
  CHECK(table_layer("{env}.silver_x.gold_y", ns).index == -1);          // two layers: ambiguous
  CHECK(table_layer("hive_metastore.crm.customer_master", ns).index == -1);
}

// Loading realistic ODCS v3.1 and v3.0 contracts: identity, team, tables with
// their qualified names, columns, SLAs, and the YAML position of each element.
#include <catch2/catch.hpp>

#include "tests/unit/contracts/test_util.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("an ODCS v3.1 contract loads with its identity, team and servers") {
  ContractFile f = load_contract("contracts/readings.yaml", read_data("readings_v1.yaml"));
  REQUIRE(f.parsed);
  CHECK(f.issues.empty());
  const DataContract& c = f.contract;
  CHECK(c.api_version.value == "v3.1.0");
  CHECK(c.kind.value == "DataContract");
  CHECK(c.id.value == "de-silver-metering-readings");
  CHECK(c.id.pos.line == 5);
  CHECK(c.id.pos.col == 5);
  CHECK(c.version.value == "1.3.0");
  CHECK(c.status.value == "active");
  CHECK(c.team.value == "nordgrid-de");
  CHECK(c.team.pos.line == 11);
  CHECK(c.domain.value == "metering");
  REQUIRE(c.servers.size() == 2);
  CHECK(c.servers[1].catalog == "prod_de");
  CHECK(c.servers[1].environment == "prod");
}

TEST_CASE("an unqualified physicalName is qualified by the prod databricks server first") {
  ContractFile f = load_contract("contracts/readings.yaml", read_data("readings_v1.yaml"));
  REQUIRE(f.contract.schema.size() == 1);
  const SchemaObject& o = f.contract.schema[0];
  CHECK(o.name == "readings");
  CHECK(o.id == "readings");
  CHECK(o.physical_name.value == "readings");
  CHECK(o.table == "prod_de.silver_metering.readings");  // prod listed second, still first choice
  REQUIRE(o.other_tables.size() == 1);
  CHECK(o.other_tables[0] == "dev_de.silver_metering.readings");
  CHECK(f.contract.find_table("PROD_DE.silver_metering.readings") == &o);
  CHECK(f.contract.find_table("dev_de.silver_metering.readings") == &o);
  CHECK(f.contract.find_table("prod_de.silver_metering.readings_rejected") == nullptr);
}

TEST_CASE("columns carry types, required, primary key, classification and lines") {
  ContractFile f = load_contract("contracts/readings.yaml", read_data("readings_v1.yaml"));
  const auto& props = f.contract.schema.at(0).properties;
  REQUIRE(props.size() == 4);
  const Property& meter = props[0];
  CHECK(meter.name == "meter_id");
  CHECK(meter.pos.line == 33);
  CHECK(meter.pos.col == 15);
  CHECK(meter.logical_type.value == "integer");
  CHECK(meter.physical_type.value == "bigint");
  CHECK(meter.physical_type.pos.line == 35);
  CHECK(meter.required.value);
  CHECK(meter.primary_key.value);
  CHECK(meter.primary_key_position == 1);
  const Property& region = props[3];
  CHECK(region.name == "region_code");
  CHECK_FALSE(region.required.value);
  CHECK_FALSE(region.required.pos.known());  // absent: the ODCS default
  CHECK_FALSE(region.primary_key.value);
  CHECK(region.classification.value == "internal");
}

TEST_CASE("SLA latency and retention are read in seconds") {
  ContractFile f = load_contract("contracts/readings.yaml", read_data("readings_v1.yaml"));
  const Sla& sla = f.contract.sla;
  REQUIRE(sla.latency);
  CHECK(sla.latency->seconds == 3600);
  CHECK(sla.latency->pos.line == 58);
  REQUIRE(sla.retention);
  CHECK(sla.retention->seconds == 7 * 365 * 86400LL);
  CHECK_FALSE(sla.frequency);
}

TEST_CASE("an ODCS v3.0 contract: member-list team, qualified physicalName, freshness, nested fields") {
  ContractFile f = load_contract("contracts/invoices.yaml", read_data("invoices_v3_0.yaml"));
  REQUIRE(f.parsed);
  CHECK(f.issues.empty());
  const DataContract& c = f.contract;
  CHECK(c.api_version.value == "v3.0.2");
  CHECK(c.team.value.empty());  // v3.0 lists members only
  CHECK(c.is_deprecated());
  CHECK_FALSE(c.is_retired());
  REQUIRE(c.schema.size() == 1);
  CHECK(c.schema[0].table == "prod_fr.gold_billing.invoices");  // no server: as written
  const auto& props = c.schema[0].properties;
  REQUIRE(props.size() == 4);
  CHECK(props[1].classification.value == "restricted");
  REQUIRE(props[2].fields.size() == 2);
  CHECK(props[2].fields[1].name == "postcode");
  CHECK(props[2].fields[1].physical_type.value == "varchar(5)");
  REQUIRE(c.sla.latency);  // `freshness` is the older name of latency
  CHECK(c.sla.latency->property == "freshness");
  CHECK(c.sla.latency->seconds == 86400);
  REQUIRE(c.sla.frequency);
  CHECK(c.sla.frequency->seconds == 86400);
}

TEST_CASE("a two-part physicalName takes only the server's catalog") {
  ContractFile f = load_text(R"(apiVersion: v3.1.0
kind: DataContract
id: nl-gold-grid-congestion
version: 1.0.0
status: active
servers:
  - server: prod
    type: databricks
    catalog: prod_nl
    schema: gold_grid
schema:
  - name: congestion_daily
    physicalName: gold_grid.congestion_daily
  - name: transformers
)");
  REQUIRE(f.issues.empty());
  REQUIRE(f.contract.schema.size() == 2);
  CHECK(f.contract.schema[0].table == "prod_nl.gold_grid.congestion_daily");
  CHECK(f.contract.schema[1].table == "prod_nl.gold_grid.transformers");  // no physicalName: the name
}

TEST_CASE("is_data_contract finds a top-level kind: DataContract only") {
  CHECK(is_data_contract("apiVersion: v3.1.0\nkind: DataContract\nid: x\n"));
  CHECK(is_data_contract("kind: \"DataContract\"  # ODCS\n"));
  CHECK(is_data_contract("\xEF\xBB\xBFkind: 'DataContract'\r\n"));
  CHECK_FALSE(is_data_contract("metadata:\n  kind: DataContract\n"));     // nested
  CHECK_FALSE(is_data_contract("kind: DataContractTemplate\n"));
  CHECK_FALSE(is_data_contract("# kind: DataContract\nversion: 1\n"));     // a comment
  CHECK_FALSE(is_data_contract("description: a DataContract for readings\n"));
  CHECK_FALSE(is_data_contract(""));
}

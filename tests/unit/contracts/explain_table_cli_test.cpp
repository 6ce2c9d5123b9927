// End to end: `pipelint explain-table` shows a table's data contract (file and
// line, id, version, status, columns, SLA) in text and JSON, and says so when
// there is none.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

std::string run(const std::string& args) {
  std::string cmd = "'";
  cmd += PIPELINT_BINARY;
  cmd += "' explain-table ";
  cmd += args;
  cmd += " 2>&1";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  return out;
}

// A one-repository platform: a registry, a job writing two gold tables, and a
// contract for one of them.
std::string make_platform() {
  fs::path root = fs::temp_directory_path() / "pipelint_explain_table_test" / "billing-repo";
  fs::remove_all(root.parent_path());
  fs::create_directories(root / "jobs");
  fs::create_directories(root / "contracts");
  std::ofstream(root / "pipelint.yaml") << "version: 1\nteam: billing\nteams:\n  billing:\n"
                                           "    owns: ['prod_de.gold_billing.*']\n"
                                           "    publishes: ['prod_de.gold_billing.*']\n";
  std::ofstream(root / "jobs" / "invoices.py")
      << "df.write.mode(\"append\").saveAsTable(\"prod_de.gold_billing.invoices\")\n"
         "df.write.mode(\"append\").saveAsTable(\"prod_de.gold_billing.credit_notes\")\n";
  std::ofstream(root / "contracts" / "invoices.odcs.yaml")
      << "apiVersion: v3.1.0\n"
         "kind: DataContract\n"
         "id: de-gold-billing-invoices\n"
         "version: 1.4.0\n"
         "status: deprecated\n"
         "team:\n"
         "  name: billing\n"
         "schema:\n"
         "  - name: invoices\n"
         "    physicalName: prod_de.gold_billing.invoices\n"  // line 10
         "    properties:\n"
         "      - name: invoice_id\n"
         "        logicalType: string\n"
         "        required: true\n"
         "        primaryKey: true\n"
         "      - name: customer_id\n"
         "        logicalType: integer\n"
         "        physicalType: bigint\n"
         "        classification: pii\n"
         "slaProperties:\n"
         "  - property: latency\n"
         "    value: 1\n"
         "    unit: d\n"
         "  - property: retention\n"
         "    value: 10\n"
         "    unit: y\n";
  return root.string();
}

}  // namespace

TEST_CASE("explain-table: the contract in text") {
  std::string root = make_platform();
  std::string out = run("prod_de.gold_billing.invoices '" + root + "'");
  INFO(out);
  CHECK(out.find("contract   de-gold-billing-invoices 1.4.0, deprecated  ") != std::string::npos);
  CHECK(out.find("contracts/invoices.odcs.yaml:10\n") != std::string::npos);
  CHECK(out.find("team billing") != std::string::npos);
  CHECK(out.find("sla  latency 1 d, frequency -, retention 10 y") != std::string::npos);
  CHECK(out.find("invoice_id          string           required pk\n") != std::string::npos);
  CHECK(out.find("customer_id         bigint           pii\n") != std::string::npos);
  CHECK(out.find("CTR007  contract deprecated") != std::string::npos);

  std::string none = run("prod_de.gold_billing.credit_notes '" + root + "'");
  INFO(none);
  CHECK(none.find("contract   none in the analysed paths") != std::string::npos);
  CHECK(none.find("CTR004  published without a contract") != std::string::npos);
  CHECK(none.find("CTR008  a gold table") == std::string::npos);  // no namespace pattern: the layer is unknown
}

TEST_CASE("explain-table: the contract in JSON") {
  std::string root = make_platform();
  auto j = nlohmann::json::parse(run("prod_de.gold_billing.invoices '" + root + "' --format json"));
  REQUIRE(j["contracts"].size() == 1);
  const auto& c = j["contracts"][0];
  CHECK(c["line"] == 10);
  CHECK(c["id"] == "de-gold-billing-invoices");
  CHECK(c["version"] == "1.4.0");
  CHECK(c["status"] == "deprecated");
  CHECK(c["team"] == "billing");
  CHECK(c["valid"] == true);
  REQUIRE(c["columns"].size() == 2);
  CHECK(c["columns"][0]["name"] == "invoice_id");
  CHECK(c["columns"][0]["physical_type"].is_null());
  CHECK(c["columns"][0]["primary_key"] == true);
  CHECK(c["columns"][1]["physical_type"] == "bigint");
  CHECK(c["columns"][1]["classification"] == "pii");
  CHECK(c["sla"]["latency"]["value"] == "1 d");
  CHECK(c["sla"]["latency"]["seconds"] == 86400);
  CHECK(c["sla"]["frequency"].is_null());
  auto none = nlohmann::json::parse(run("prod_de.gold_billing.credit_notes '" + root + "' --format json"));
  CHECK(none["contracts"].empty());
}

// End to end: `pipelint contract diff OLD NEW` through the built binary, its
// output and exit codes (1 breaking, 0 compatible, 2 unreadable or invalid).
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "tests/unit/contracts/test_util.h"

using namespace pipelint::test;

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

std::string quote(const std::string& s) { return "'" + s + "'"; }

Run run(const std::string& args) {
  std::string cmd = quote(PIPELINT_BINARY) + " contract diff " + args + " 2>&1";
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string temp_file(const std::string& name, const std::string& content) {
  auto dir = std::filesystem::temp_directory_path() / "pipelint_contract_cli_test";
  std::filesystem::create_directories(dir);
  auto path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace

TEST_CASE("contract diff: breaking changes print with their location and exit 1") {
  std::string old_path = data_path("readings_v1.yaml"), new_path = data_path("readings_v2_breaking.yaml");
  Run r = run(quote(old_path) + " " + quote(new_path));
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(new_path + ":35:23: breaking: column `meter_id` type changed from bigint to int (narrowing)\n") !=
        std::string::npos);
  CHECK(r.out.find(old_path + ":52:15: breaking: column `region_code` removed") != std::string::npos);
  CHECK(r.out.find("breaking: latency SLA loosened from 1h to 2h") != std::string::npos);
  CHECK(r.out.find("non-breaking: column `kwh` type widened from decimal(12,3) to decimal(14,3)") != std::string::npos);
  CHECK(r.out.find("note: breaking changes need a major version bump (1.3.0 -> 1.4.0)") != std::string::npos);
  CHECK(r.out.find("3 breaking, 0 producer-breaking, 2 non-breaking changes\n") != std::string::npos);
}

TEST_CASE("contract diff: compatible changes exit 0") {
  Run r = run(quote(data_path("readings_v1.yaml")) + " " + quote(data_path("readings_v2_compatible.yaml")));
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("non-breaking: nullable column `quality_flag` added") != std::string::npos);
  CHECK(r.out.find("non-breaking: column `region_code` type widened from varchar(8) to varchar(16)") != std::string::npos);
  CHECK(r.out.find("non-breaking: latency SLA tightened from 1h to 30min") != std::string::npos);
  CHECK(r.out.find(": breaking:") == std::string::npos);
  CHECK(r.out.find("0 breaking, 0 producer-breaking, 4 non-breaking changes") != std::string::npos);
}

TEST_CASE("contract diff: a contract against itself has no changes") {
  Run r = run(quote(data_path("invoices_v3_0.yaml")) + " " + quote(data_path("invoices_v3_0.yaml")));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "0 breaking, 0 producer-breaking, 0 non-breaking changes\n");
}

TEST_CASE("contract diff --format json") {
  Run r = run("--format json " + quote(data_path("readings_v1.yaml")) + " " + quote(data_path("readings_v2_breaking.yaml")));
  INFO(r.out);
  CHECK(r.exit_code == 1);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["schema_version"] == 1);
  CHECK(doc["old"]["version"] == "1.3.0");
  CHECK(doc["new"]["id"] == "de-silver-metering-readings");
  CHECK(doc["summary"]["breaking"] == 3);
  CHECK(doc["summary"]["major_version_bump"] == false);
  bool found = false;
  for (const auto& c : doc["changes"]) {
    if (c["kind"] != "type-changed") continue;
    found = true;
    CHECK(c["impact"] == "breaking");
    CHECK(c["table"] == "prod_de.silver_metering.readings");
    CHECK(c["column"] == "meter_id");
    CHECK(c["old"] == "bigint");
    CHECK(c["new"] == "int");
    CHECK(c["line"] == 35);
    CHECK(c["col"] == 23);
    CHECK(c["side"] == "new");
  }
  CHECK(found);
}

TEST_CASE("contract diff: unreadable or invalid input exits 2 with one line") {
  std::string good = quote(data_path("readings_v1.yaml"));
  SECTION("missing file") {
    Run r = run(good + " /nonexistent/contract.yaml");
    CHECK(r.exit_code == 2);
    CHECK(r.out == "pipelint: error: cannot read /nonexistent/contract.yaml\n");
  }
  SECTION("broken YAML") {
    std::string bad = temp_file("broken.yaml", "kind: DataContract\nschema: [unclosed\n");
    Run r = run(good + " " + quote(bad));
    CHECK(r.exit_code == 2);
    CHECK(r.out.rfind("pipelint: error: " + bad + ":", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  }
  SECTION("binary file") {
    std::string bin = temp_file("binary.yaml", std::string("kind: DataContract\n\0\x01\x02", 22));
    Run r = run(good + " " + quote(bin));
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("NUL byte") != std::string::npos);
  }
  SECTION("not a data contract") {
    std::string cfg = temp_file("pipelint.yaml", "version: 1\nteam: billing-de\n");
    Run r = run(quote(cfg) + " " + good);
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("is not a data contract") != std::string::npos);
  }
  SECTION("an invalid new contract blocks the gate") {
    std::string text = read_data("readings_v1.yaml");
    text.replace(text.find("logicalType: integer"), 20, "logicalType: bigint");
    std::string bad = temp_file("invalid_new.yaml", text);
    Run r = run(good + " " + quote(bad));
    CHECK(r.exit_code == 2);
    CHECK(r.out == "pipelint: error: invalid data contract: " + bad +
                       ":34:22: unknown logicalType `bigint` for column `meter_id` of `readings` (did you mean "
                       "`integer`?): ODCS v3 allows string, date, timestamp, time, number, integer, object, array, "
                       "boolean\n");
  }
  SECTION("an invalid old contract is compared with a note") {
    std::string text = read_data("readings_v1.yaml");
    text.replace(text.find("domain: metering"), 16, "domian: metering");
    std::string old_bad = temp_file("invalid_old.yaml", text);
    Run r = run(quote(old_bad) + " " + good);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("pipelint: note: " + old_bad + ":9:1: unknown key `domian`") != std::string::npos);
    CHECK(r.out.find("0 breaking, 0 producer-breaking, 0 non-breaking changes") != std::string::npos);
  }
  SECTION("usage error") {
    Run r = run(good);
    CHECK(r.exit_code == 2);
  }
}

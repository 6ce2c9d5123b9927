// The platform index (version 2) keeps each repository's contracts and each
// file's column references, so that `check --index` of another repository
// sees them (CTR003, CTR004, CTR007).
#include <catch2/catch.hpp>

#include "analyzer/driver/index_io.h"
#include "parsers/contracts/contract_loader.h"

using namespace pipelint;

namespace {

const char* kContract =
    "apiVersion: v3.1.0\nkind: DataContract\nid: nl-p4\nversion: 1.0.0\nstatus: active\n"
    "schema:\n  - name: p4\n    physicalName: prod_nl.silver_metering.p4_telegrams\n"
    "    properties:\n      - name: kwh\n        logicalType: number\n";

}  // namespace

TEST_CASE("an index round-trips contracts and column references") {
  Model m;
  FileEntry f;
  f.display_path = "/plat/repos/platform-shared/lu/gold.py";
  f.repo_root = "/plat/repos/platform-shared";
  f.repo_rel = "lu/gold.py";
  AccessRecord r;
  r.line = 3;
  r.col = 5;
  r.name = NameTemplate::literal("prod_nl.silver_metering.p4_telegrams");
  f.records.accesses.push_back(r);
  ColumnRef c;
  c.line = 3;
  c.col = 60;
  c.access = 0;
  c.column = "kwh";
  c.how = "select";
  c.into = 1;
  c.as = "energy";
  f.records.columns.push_back(c);
  m.files.push_back(f);
  // An absolute path: its repository is found from the folder (no pipelint.yaml there: the folder itself).
  m.contracts.push_back(load_contract("/plat/repos/nl-etl/contracts/p4.yaml", kContract));
  ContractFile broken = load_contract("/plat/repos/nl-etl/contracts/broken.yaml", "a: [");
  m.contracts.push_back(broken);

  std::string text = write_index(m, "t", [](const ContractFile&) { return std::optional<std::string>(kContract); });
  LoadedIndex loaded = parse_index(text);
  REQUIRE(loaded.error.empty());
  REQUIRE(loaded.contracts.size() == 1);  // the unparsable one informs nobody
  CHECK(loaded.contracts[0].from_index);
  CHECK(loaded.contracts[0].path == "/plat/repos/nl-etl/contracts/p4.yaml");
  CHECK(loaded.contracts[0].contract.id.value == "nl-p4");
  CHECK(loaded.contracts[0].contract.schema.at(0).table == "prod_nl.silver_metering.p4_telegrams");
  CHECK(loaded.contract_repo_names == std::vector<std::string>{"contracts"});
  REQUIRE(loaded.files.size() == 1);
  REQUIRE(loaded.files[0].records.columns.size() == 1);
  const ColumnRef& back = loaded.files[0].records.columns[0];
  CHECK(back.line == 3);
  CHECK(back.col == 60);
  CHECK(back.column == "kwh");
  CHECK(back.how == "select");
  CHECK(back.into == 1);
  CHECK(back.as == "energy");
  // Writing the loaded index again gives the same bytes.
  Model again;
  again.files = loaded.files;
  again.files[0].from_index = false;
  CHECK(write_index(again, "t", [](const ContractFile&) { return std::optional<std::string>(); }).find("\"columns\"") !=
        std::string::npos);
}

TEST_CASE("an index of another version is refused") {
  LoadedIndex loaded = parse_index(R"({"version": 1, "repositories": []})");
  CHECK(loaded.error.find("version 2") != std::string::npos);
}

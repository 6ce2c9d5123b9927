// CTR002 and CTR003 on hand-built models: the base pairing, the version bump,
// and which readers a change affects (column references, producers, the index).
#include <catch2/catch.hpp>

#include <algorithm>

#include "analyzer/driver/contract_base.h"
#include "parsers/contracts/contract_loader.h"
#include "rules/contracts/base_changes.h"
#include "rules/engine/rule.h"

using namespace pipelint;

namespace {

const char* kTable = "prod_nl.silver_metering.p4_telegrams";

// A contract for kTable: ean, then `kwh_column` (YAML property items), then telegram_count.
std::string contract_yaml(const std::string& version, const std::string& kwh_column, const std::string& count_type) {
  return "apiVersion: v3.1.0\n"
         "kind: DataContract\n"
         "id: nl-p4\n"
         "version: " + version + "\n"
         "status: active\n"
         "schema:\n"
         "  - name: p4_telegrams\n"
         "    physicalName: prod_nl.silver_metering.p4_telegrams\n"
         "    properties:\n"
         "      - name: ean\n"
         "        logicalType: string\n"
         "        required: true\n" +
         kwh_column +
         "      - name: telegram_count\n"
         "        physicalType: " + count_type + "\n";
}

const std::string kKwh = "      - name: kwh\n        logicalType: number\n        required: true\n";

ContractFile contract(const std::string& path, const std::string& version, const std::string& kwh_column = kKwh,
                      const std::string& count_type = "int") {
  ContractFile f = load_contract(path, contract_yaml(version, kwh_column, count_type));
  REQUIRE(f.issues.empty());
  return f;
}

struct ModelBuilder {
  Model m;

  // A file with one access of kTable; returns its index.
  uint32_t file(const std::string& path, const std::string& team, Op op, std::vector<std::string> columns = {},
                bool from_index = false) {
    FileEntry f;
    f.display_path = path;
    f.team = team;
    f.from_index = from_index;
    AccessRecord r;
    r.line = 7;
    r.col = 14;
    r.op = op;
    r.name = NameTemplate::literal(kTable);
    f.records.accesses.push_back(r);
    for (const auto& c : columns) {
      ColumnRef ref;
      ref.line = 7;
      ref.col = 40;
      ref.access = 0;
      ref.column = c;
      ref.how = "select";
      f.records.columns.push_back(ref);
    }
    m.files.push_back(std::move(f));
    uint32_t index = static_cast<uint32_t>(m.files.size() - 1);
    TableAccess a;
    a.file = index;
    a.record = 0;
    a.table = kTable;
    m.accesses.push_back(a);
    return index;
  }

  // The current contract (new_version) and its base (old_version, with kwh).
  void contracts(const std::string& old_version, const std::string& new_version, const std::string& new_kwh,
                 const std::string& new_count_type = "int") {
    m.contracts.push_back(contract("contracts/p4.yaml", new_version, new_kwh, new_count_type));
    m.has_contract_base = true;
    m.contract_base_label = "main";
    m.base_contracts.push_back({contract("contracts/p4.yaml@main", old_version), 0});
  }
};

std::vector<Finding> run(const char* rule, const Model& m) {
  std::vector<Finding> out;
  find_rule(rule)->check(m, out);
  return out;
}

std::vector<std::string> consumer_paths(const Model& m) {
  std::vector<std::string> paths;
  for (const auto& cc : contract_changes(m)) {
    std::vector<const Change*> breaking;
    for (const auto& c : cc.changes)
      if (c.impact == Impact::Breaking) breaking.push_back(&c);
    for (const auto& c : affected_consumers(m, cc.base->file.contract, &cc.now->contract, breaking))
      paths.push_back(m.files[c.file].display_path);
  }
  return paths;
}

}  // namespace

TEST_CASE("a removed column affects readers that reference it or whose columns are unknown") {
  ModelBuilder b;
  b.file("nl/ingest.py", "dutchgrid-nl", Op::Write);
  b.file("a_unknown_columns.py", "platform", Op::Read);
  b.file("b_other_columns.py", "platform", Op::Read, {"ean", "telegram_count"});
  b.file("c_selects_kwh.py", "platform", Op::Read, {"ean", "KWH"});
  b.file("d_star.py", "platform", Op::Read, {"*"});
  b.contracts("1.4.0", "1.5.0", "");
  CHECK(consumer_paths(b.m) == std::vector<std::string>{"a_unknown_columns.py", "c_selects_kwh.py", "d_star.py"});

  auto ctr003 = run("CTR003", b.m);
  REQUIRE(ctr003.size() == 1);
  CHECK(ctr003[0].severity == Severity::Error);
  CHECK(ctr003[0].loc.path == "contracts/p4.yaml");
  CHECK(ctr003[0].loc.line == 7);  // the schema object: the removed column's surviving parent
  REQUIRE(ctr003[0].related.size() == 3);
  CHECK(ctr003[0].related[1].loc.path == "c_selects_kwh.py");
  CHECK(ctr003[0].related[1].message.find("columns `KWH`") != std::string::npos);
  CHECK(ctr003[0].related[1].message.find("team platform") != std::string::npos);
}

TEST_CASE("a table-wide breaking change affects every reader, but not the table's producers") {
  ModelBuilder b;
  uint32_t producer = b.file("nl/ingest.py", "dutchgrid-nl", Op::Write);
  // The producer also reads the table (an incremental self-read): still no consumer.
  AccessRecord self_read = b.m.files[producer].records.accesses[0];
  self_read.op = Op::Read;
  b.m.files[producer].records.accesses.push_back(self_read);
  TableAccess again;
  again.file = producer;
  again.record = 1;
  again.table = kTable;
  b.m.accesses.push_back(again);
  b.file("b_other_columns.py", "platform", Op::Read, {"ean"});
  // required: true -> false is column-level; primary key changes break the whole table.
  b.contracts("1.4.0", "1.4.1", "      - name: kwh\n        logicalType: number\n        required: true\n"
                                "        primaryKey: true\n");
  CHECK(consumer_paths(b.m) == std::vector<std::string>{"b_other_columns.py"});
}

TEST_CASE("a changed column its reader does not reference gives a note") {
  ModelBuilder b;
  b.file("b_other_columns.py", "platform", Op::Read, {"ean"});
  b.contracts("1.4.0", "1.4.1", "      - name: kwh\n        logicalType: number\n");  // made nullable
  auto ctr003 = run("CTR003", b.m);
  REQUIRE(ctr003.size() == 1);
  CHECK(ctr003[0].severity == Severity::Note);
  CHECK(ctr003[0].message.find("nobody reads") != std::string::npos);
  CHECK(ctr003[0].loc.line == 13);  // the kwh item: where `required` was dropped
}

TEST_CASE("CTR002: breaking changes need a major version bump; consumers are CTR003's business") {
  ModelBuilder minor;
  minor.file("reader.py", "platform", Op::Read);
  minor.contracts("1.4.0", "1.5.0", "");
  auto ctr002 = run("CTR002", minor.m);
  REQUIRE(ctr002.size() == 1);
  CHECK(ctr002[0].severity == Severity::Error);
  CHECK(ctr002[0].message.find("column `kwh` removed") != std::string::npos);
  CHECK(ctr002[0].message.find("1.4.0 at main -> 1.5.0") != std::string::npos);

  ModelBuilder major;
  major.file("reader.py", "platform", Op::Read);
  major.contracts("1.4.0", "2.0.0", "");
  CHECK(run("CTR002", major.m).empty());
  CHECK(run("CTR003", major.m).size() == 1);

  ModelBuilder widened;  // int -> bigint and a nullable column added: nothing breaks
  widened.file("reader.py", "platform", Op::Read);
  widened.contracts("1.4.0", "1.4.1", kKwh + "      - name: note\n        logicalType: string\n", "bigint");
  CHECK(run("CTR002", widened.m).empty());
  CHECK(run("CTR003", widened.m).empty());

  ModelBuilder producer;  // a required column added: producers must follow (warning)
  producer.contracts("1.4.0", "1.5.0", kKwh + "      - name: tariff\n        logicalType: string\n        required: true\n");
  auto warning = run("CTR002", producer.m);
  REQUIRE(warning.size() == 1);
  CHECK(warning[0].severity == Severity::Warning);
  CHECK(run("CTR003", producer.m).empty());
}

TEST_CASE("consumers loaded from the index are listed; without a base nothing is compared") {
  ModelBuilder b;
  b.file("repos/platform-shared/lu/gold.py", "platform", Op::Read, {}, /*from_index=*/true);
  b.contracts("1.4.0", "1.4.0", "");
  auto ctr003 = run("CTR003", b.m);
  REQUIRE(ctr003.size() == 1);
  CHECK(ctr003[0].message.find("repos/platform-shared/lu/gold.py (team platform)") != std::string::npos);

  b.m.has_contract_base = false;
  CHECK(run("CTR002", b.m).empty());
  CHECK(run("CTR003", b.m).empty());
}

TEST_CASE("a removed contract whose table is still read is reported with its readers") {
  ModelBuilder b;
  b.file("jobs/ingest.py", "dutchgrid-nl", Op::Write);
  b.file("reader.py", "platform", Op::Read);
  b.m.has_contract_base = true;
  b.m.contract_base_label = "main";
  b.m.base_contracts.push_back({contract("contracts/p4.yaml@main", "1.4.0"), -1});
  CHECK(run("CTR002", b.m).empty());
  auto ctr003 = run("CTR003", b.m);
  REQUIRE(ctr003.size() == 1);
  CHECK(ctr003[0].loc.path == "jobs/ingest.py");  // where the table is still produced
  CHECK(ctr003[0].message.find("was removed since main") != std::string::npos);
  REQUIRE(ctr003[0].related.size() == 1);
  CHECK(ctr003[0].related[0].loc.path == "reader.py");
}

TEST_CASE("base contracts are matched by id, then by path; index contracts never") {
  std::vector<ContractFile> base{contract("old/a.yaml", "1.0.0"), contract("old/b.yaml", "1.0.0")};
  base[1].contract.id.value = "renamed-id";
  std::vector<ContractFile> current{contract("x/a.yaml", "1.0.0"), contract("new/b.yaml", "1.0.0"),
                                    contract("idx/a.yaml", "1.0.0")};
  current[0].from_index = true;  // same id as base[0], but another repository's
  current[1].contract.id.value = "other-id";
  auto by_name = [&](size_t b, size_t c) {
    auto name = [](const std::string& p) { return p.substr(p.rfind('/') + 1); };
    return name(base[b].path) == name(current[c].path);
  };
  auto match = match_base_contracts(base, current, by_name);
  CHECK(match == std::vector<int32_t>{2, 1});  // a by id (skipping the index copy), b by path
}

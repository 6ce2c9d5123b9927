#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "analyzer/driver/index_io.h"

using namespace pipelint;

namespace {

Model one_file_model() {
  Model m;
  FileEntry f;
  f.display_path = "repos/fr-jobs/jobs/load.py";
  f.repo_root = "/plat/repos/fr-jobs";
  f.repo_rel = "jobs/load.py";
  f.config_rel = "jobs/load.py";
  f.lang = Language::Notebook;
  f.team = "electra-fr";
  f.team_source = "`team: electra-fr`";
  f.env = "prod";
  AccessRecord r;
  r.line = 4;
  r.col = 17;
  r.op = Op::Write;
  r.kind = Kind::Table;
  r.mode = "merge";
  r.api = "saveAsTable";
  r.name = NameTemplate::hole("catalog", HoleSource::Widget, std::string("fr_prod"));
  r.name.append(NameTemplate::literal(".silver_fr.meters"));
  f.records.accesses.push_back(r);
  AccessRecord unresolved;
  unresolved.line = 9;
  unresolved.name = NameTemplate::hole("?");
  f.records.accesses.push_back(unresolved);
  TaskRecord t;
  t.dag_id = "fr_daily";
  t.task_id = "load";
  t.script = NameTemplate::literal("jobs/load.py");
  t.outlets = {"fr_prod.silver_fr.meters"};
  f.records.orchestration.tasks.push_back(t);
  f.records.orchestration.edges.push_back({3, 1, "fr_daily", "extract", "load"});
  m.files.push_back(f);
  TableAccess a;
  a.file = 0;
  a.record = 0;
  a.table = "fr_prod.silver_fr.meters";
  a.env = "prod";
  m.accesses.push_back(a);
  return m;
}

}  // namespace

TEST_CASE("an index round-trips records and resolutions losslessly") {
  Model m = one_file_model();
  LoadedIndex loaded = parse_index(write_index(m, "1.2.3"));
  REQUIRE(loaded.error.empty());
  REQUIRE(loaded.files.size() == 1);
  REQUIRE(loaded.repo_names == std::vector<std::string>{"fr-jobs"});
  const FileEntry& f = loaded.files[0];
  CHECK(f.from_index);
  CHECK(f.display_path == m.files[0].display_path);
  CHECK(f.abs_path == "/plat/repos/fr-jobs/jobs/load.py");
  CHECK(f.lang == Language::Notebook);
  CHECK(f.team == "electra-fr");
  REQUIRE(f.records.accesses.size() == 2);
  const AccessRecord& r = f.records.accesses[0];
  CHECK(r.line == 4);
  CHECK(r.col == 17);
  CHECK(r.op == Op::Write);
  CHECK(r.mode == "merge");
  CHECK(r.api == "saveAsTable");
  CHECK(r.name == m.files[0].records.accesses[0].name);
  CHECK(r.name.parts[0].source == HoleSource::Widget);
  CHECK(r.name.parts[0].default_value == std::optional<std::string>("fr_prod"));
  REQUIRE(f.index_accesses.size() == 2);
  CHECK(f.index_accesses[0].table == "fr_prod.silver_fr.meters");
  CHECK(static_cast<Resolution>(f.index_accesses[0].resolved) == Resolution::Full);
  CHECK(f.index_accesses[0].env == "prod");
  CHECK(static_cast<Resolution>(f.index_accesses[1].resolved) == Resolution::None);
  REQUIRE(f.records.orchestration.tasks.size() == 1);
  CHECK(f.records.orchestration.tasks[0].script == NameTemplate::literal("jobs/load.py"));
  CHECK(f.records.orchestration.tasks[0].outlets == std::vector<std::string>{"fr_prod.silver_fr.meters"});
  REQUIRE(f.records.orchestration.edges.size() == 1);
  CHECK(f.records.orchestration.edges[0].downstream == "load");
}

TEST_CASE("an index is sorted and versioned") {
  Model m = one_file_model();
  FileEntry other = m.files[0];
  other.repo_root = "/plat/repos/de-jobs";
  other.display_path = "repos/de-jobs/a.py";
  other.records.orchestration = {};
  m.files.push_back(other);
  auto doc = nlohmann::json::parse(write_index(m, "1.2.3"));
  CHECK(doc["version"] == kIndexVersion);
  REQUIRE(doc["repositories"].size() == 2);
  CHECK(doc["repositories"][0]["root_name"] == "de-jobs");
  CHECK(doc["repositories"][1]["root_name"] == "fr-jobs");
  CHECK_FALSE(doc["repositories"][0]["files"][0].contains("orchestration"));
  CHECK(doc["repositories"][1]["files"][0].contains("orchestration"));
}

TEST_CASE("a broken index is an error, never a crash") {
  CHECK_FALSE(parse_index(std::string("\x00\xff{", 3)).error.empty());
  CHECK_FALSE(parse_index(R"({"version": 1, "repositories": []})").error.empty());
  CHECK_FALSE(parse_index(R"({"version": 2, "repositories": [{"root": 3}]})").error.empty());
  CHECK_FALSE(parse_index(std::string(5000, '[') + std::string(5000, ']')).error.empty());
  CHECK_FALSE(read_index("/nonexistent/idx.json").error.empty());
  auto ok = parse_index(R"({"version": 2, "repositories": []})");
  CHECK(ok.error.empty());
  CHECK(ok.files.empty());
}

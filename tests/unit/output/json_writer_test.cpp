#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixture.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("json output: schema version 1 with fixed key order") {
  ScratchDir dir;
  dir.write("jobs/a.py", "df = spark.table(\"x\")\n");
  Finding f = finding("TST001", Severity::Error, "jobs/a.py", 1, 18, "Table x matches no pattern.", "x");
  f.loc.end_col = 21;
  f.related.push_back({Location{"jobs/b.py", 3, 7, 0}, "Other writer."});
  Finding s = finding("TST002", Severity::Warning, "jobs/a.py", 1, 1, "Suppressed one.", "y");
  s.suppressed = true;
  Report r = report_in(dir, {f, s}, 3);
  r.failures.push_back({"broken.yaml", "not valid YAML"});
  SourceProvider src(dir.str());
  const std::string out = render([&](std::ostream& o) { write_json(r, src, o); });
  const std::string fp = finding_fingerprint(f, "jobs/a.py");
  const std::string fp_s = finding_fingerprint(s, "jobs/a.py");
  CHECK(out ==
        "{\n"
        "  \"version\": 1,\n"
        "  \"tool\": {\n    \"name\": \"pipelint\",\n    \"version\": \"0.1.0\"\n  },\n"
        "  \"findings\": [\n"
        "    {\n"
        "      \"rule\": \"TST001\",\n      \"severity\": \"error\",\n      \"path\": \"jobs/a.py\",\n"
        "      \"line\": 1,\n      \"col\": 18,\n      \"end_col\": 21,\n"
        "      \"message\": \"Table x matches no pattern.\",\n      \"subject\": \"x\",\n"
        "      \"fingerprint\": \"" + fp + "\",\n"
        "      \"related\": [\n        {\n          \"path\": \"jobs/b.py\",\n          \"line\": 3,\n"
        "          \"col\": 7,\n          \"message\": \"Other writer.\"\n        }\n      ]\n"
        "    },\n"
        "    {\n"
        "      \"rule\": \"TST002\",\n      \"severity\": \"warning\",\n      \"path\": \"jobs/a.py\",\n"
        "      \"line\": 1,\n      \"col\": 1,\n"
        "      \"message\": \"Suppressed one.\",\n      \"subject\": \"y\",\n"
        "      \"fingerprint\": \"" + fp_s + "\",\n"
        "      \"suppressed\": true,\n"
        "      \"related\": []\n"
        "    }\n"
        "  ],\n"
        "  \"failures\": [\n    {\n      \"path\": \"broken.yaml\",\n      \"message\": \"not valid YAML\"\n    }\n  ],\n"
        "  \"summary\": {\n    \"errors\": 1,\n    \"warnings\": 0,\n    \"notes\": 0,\n    \"suppressed\": 1,\n    \"files\": 3\n  }\n"
        "}\n");
}

TEST_CASE("json output: flow, baseline state, no timing, deterministic") {
  ScratchDir dir;
  Finding f = finding("TST001", Severity::Error, "dags/a.py", 4, 1, "Cycle.", "a,b");
  f.flow = {Location{"dags/a.py", 4, 1, 0}, Location{"dags/b.py", 9, 5, 12}};
  f.baseline_state = "new";
  Report r = report_in(dir, {f});
  r.elapsed_ms = 123.0;
  SourceProvider src(dir.str());
  const std::string out = render([&](std::ostream& o) { write_json(r, src, o); });
  const auto j = nlohmann::json::parse(out);
  CHECK(j["findings"][0]["baseline_state"] == "new");
  CHECK(j["findings"][0]["flow"].size() == 2);
  CHECK(j["findings"][0]["flow"][1] == nlohmann::json{{"path", "dags/b.py"}, {"line", 9}, {"col", 5}, {"end_col", 12}});
  CHECK_FALSE(j["findings"][0].contains("suppressed"));
  CHECK(out.find("123") == std::string::npos);
  r.elapsed_ms = 5;
  SourceProvider src2(dir.str());
  CHECK(render([&](std::ostream& o) { write_json(r, src2, o); }) == out);
}

TEST_CASE("json output: invalid UTF-8 in messages is replaced, not thrown") {
  ScratchDir dir;
  Finding f = finding("TST002", Severity::Warning, "bin\xff.py", 1, 1, "bad \xc3 byte", "\xfe");
  Report r = report_in(dir, {f});
  SourceProvider src(dir.str());
  std::string out;
  REQUIRE_NOTHROW(out = render([&](std::ostream& o) { write_json(r, src, o); }));
  const auto j = nlohmann::json::parse(out);
  CHECK(j["findings"][0]["path"] == "bin\xef\xbf\xbd.py");
  CHECK(j["findings"][0]["message"] == "bad \xef\xbf\xbd byte");
}

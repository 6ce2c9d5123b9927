#include <catch2/catch.hpp>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "fixture.h"
#include "rules/engine/rule.h"

using namespace pipelint;
using namespace pipelint::test;
using nlohmann::json;

namespace {

json sarif_of(const Report& r, SourceProvider& src) {
  return json::parse(render([&](std::ostream& o) { write_sarif(r, src, o); }));
}

// Runs tests/validate_sarif.sh (schema + Sarif.Multitool "Sarif;Gh"); returns its
// exit status and leaves its complaints in `log`.
int validate(const ScratchDir& dir, const std::string& sarif_text, std::string& log) {
  dir.write("out.sarif", sarif_text);
  const std::string cmd = std::string("bash '") + PIPELINT_SOURCE_DIR + "/tests/validate_sarif.sh' --multitool '" +
                          SARIF_MULTITOOL + "' --schema '" + SARIF_SCHEMA + "' '" + (dir.path() / "out.sarif").string() +
                          "' >'" + (dir.path() / "validate.log").string() + "' 2>&1";
  const int status = std::system(cmd.c_str());
  log = dir.read("validate.log");
  return status;
}

Report sample_report(const ScratchDir& dir) {
  dir.write("jobs/load.py", "import x\ndf.write.saveAsTable(\"tmp_x\")\n");
  dir.write("jobs/read.py", "y = spark.table(\"readings\")\n");
  Finding e = finding("TST001", Severity::Error, "jobs/load.py", 2, 22, "Table tmp_x matches no namespace pattern", "tmp_x");
  e.loc.end_col = 29;
  e.related.push_back({Location{"jobs/read.py", 1, 17, 27}, "Read here"});
  Finding w = finding("TST002", Severity::Warning, "jobs/read.py", 1, 17, "Unqualified name readings.", "readings");
  w.flow = {Location{"jobs/read.py", 1, 5, 0}, Location{"jobs/load.py", 2, 1, 0}};
  Finding s = finding("TST003", Severity::Note, "jobs/read.py", 1, 1, "Suppressed.", "z");
  s.suppressed = true;
  Report r = report_in(dir, {e, s, w}, 2);
  r.command_line = {"/usr/local/bin/pipelint", "check", ".", "--format", "sarif", "-o", "out.sarif", "--jobs", "4"};
  return r;
}

}  // namespace

TEST_CASE("sarif: run, driver rules and results") {
  ScratchDir dir;
  Report r = sample_report(dir);
  SourceProvider src(dir.str());
  const json doc = sarif_of(r, src);
  CHECK(doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(doc["version"] == "2.1.0");
  REQUIRE(doc["runs"].size() == 1);
  const json& run = doc["runs"][0];

  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "pipelint");
  CHECK(driver["semanticVersion"] == "0.1.0");
  REQUIRE(driver["rules"].size() == all_rules().size());  // every registered rule, no extra
  size_t tst001 = driver["rules"].size();
  for (size_t i = 0; i < driver["rules"].size(); ++i)
    if (driver["rules"][i]["id"] == "TST001") tst001 = i;
  REQUIRE(tst001 < driver["rules"].size());
  const json& rule = driver["rules"][tst001];
  CHECK(rule["name"] == "write-outside-namespace");
  CHECK(rule["shortDescription"]["text"] == "Table written outside every namespace pattern.");
  CHECK(rule["help"]["text"] == rule_doc_text(find_rule("TST001")->doc()));
  CHECK(rule["help"]["markdown"] == rule_doc_markdown(find_rule("TST001")->doc()));
  CHECK(rule["helpUri"] == rule_help_uri("TST001"));
  CHECK(rule["defaultConfiguration"]["level"] == "error");
  CHECK(rule["properties"]["tags"] == json::array({"namespace"}));
  CHECK(rule["properties"]["problem.severity"] == "error");

  CHECK(run["automationDetails"]["id"] == "pipelint/check/");
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + dir.str() + "/");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK_FALSE(run["invocations"][0].contains("toolExecutionNotifications"));
  // Options that cannot change results are not recorded.
  CHECK(run["invocations"][0]["arguments"] == json::array({"check", ".", "--format", "sarif"}));
  CHECK(run["invocations"][0]["commandLine"] == "pipelint check . --format sarif");

  const json& results = run["results"];
  REQUIRE(results.size() == 2);  // the suppressed note is left out
  const json& e = results[0];
  CHECK(e["ruleId"] == "TST001");
  CHECK(e["ruleIndex"] == tst001);
  CHECK(e["level"] == "error");
  CHECK(e["message"]["text"] == "Table tmp_x matches no namespace pattern.");  // period added
  const json& loc = e["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"] == json{{"uri", "jobs/load.py"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(loc["region"] == json{{"startLine", 2}, {"startColumn", 22}, {"endColumn", 29}, {"snippet", {{"text", "\"tmp_x\""}}}});
  CHECK(e["relatedLocations"][0]["id"] == 1);
  CHECK(e["relatedLocations"][0]["message"]["text"] == "Read here.");
  CHECK(e["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "jobs/read.py");
  const auto hashes = github_line_hashes("import x\ndf.write.saveAsTable(\"tmp_x\")\n");
  CHECK(e["partialFingerprints"]["primaryLocationLineHash"] == hashes[1]);
  CHECK(e["partialFingerprints"]["pipelint/v1"] == finding_fingerprint(r.findings[0], "jobs/load.py"));
  CHECK_FALSE(e.contains("baselineState"));
  CHECK_FALSE(e.contains("codeFlows"));

  const json& w = results[1];
  CHECK(w["level"] == "warning");
  const json& steps = w["codeFlows"][0]["threadFlows"][0]["locations"];
  REQUIRE(steps.size() == 2);
  CHECK(steps[0]["location"]["physicalLocation"]["region"]["startColumn"] == 5);
  CHECK(steps[1]["location"]["physicalLocation"]["artifactLocation"]["uri"] == "jobs/load.py");
  CHECK(steps[1]["location"]["message"]["text"] == "Step 2 of 2.");
}

TEST_CASE("sarif: the sample validates against the schema and the SARIF + GitHub rules") {
  ScratchDir dir;
  Report r = sample_report(dir);
  r.has_baseline = true;
  r.findings[0].baseline_state = "unchanged";
  r.failures.push_back({"dags/broken.py", "could not be read: permission denied"});
  SourceProvider src(dir.str());
  const std::string text = render([&](std::ostream& o) { write_sarif(r, src, o); });
  const json run = json::parse(text)["runs"][0];
  CHECK(run["results"][0]["baselineState"] == "unchanged");
  CHECK(run["results"][1]["baselineState"] == "new");
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  const json& note = run["invocations"][0]["toolExecutionNotifications"][0];
  CHECK(note["level"] == "error");
  CHECK(note["message"]["text"] == "could not be read: permission denied.");
  CHECK(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dags/broken.py");
  std::string log;
  const int status = validate(dir, text, log);
  INFO(log);
  CHECK(status == 0);
  CHECK(log.empty());
}

TEST_CASE("sarif: the validation script rejects what GitHub would reject") {
  ScratchDir dir;
  std::string log;
  // A rule without help or fullDescription (GitHub rule GH2012) and no message text.
  const std::string bad =
      R"({"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"A1"}]}},)"
      R"("results":[{"ruleId":"A1","message":{"text":"m."},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.py"},"region":{"startLine":1}}}]}]}]})";
  CHECK(validate(dir, bad, log) != 0);
  CHECK(log.find("GH") != std::string::npos);
  CHECK(validate(dir, R"({"version":"2.1.0","runs":[{}]})", log) != 0);
  CHECK(log.find("schema") != std::string::npos);
}

TEST_CASE("sarif: identical reports give identical bytes, whatever --jobs and -o") {
  ScratchDir dir;
  Report r = sample_report(dir);
  SourceProvider src1(dir.str()), src2(dir.str());
  const std::string a = render([&](std::ostream& o) { write_sarif(r, src1, o); });
  r.command_line = {"./pipelint", "check", ".", "--format", "sarif", "--output=other.sarif", "-j", "1", "--no-cache"};
  r.elapsed_ms = 999;
  const std::string b = render([&](std::ostream& o) { write_sarif(r, src2, o); });
  CHECK(a == b);
  CHECK(a.back() == '\n');
}

TEST_CASE("sarif: CRLF files get the hash GitHub computes and a snippet without CR") {
  ScratchDir dir;
  dir.write("jobs/win.py", "x = 1\r\ny = spark.table(\"t\")\r\n");
  Finding f = finding("TST002", Severity::Warning, "jobs/win.py", 2, 5, "Unqualified.", "t");
  Report r = report_in(dir, {f});
  SourceProvider src(dir.str());
  const json res = sarif_of(r, src)["runs"][0]["results"][0];
  // Reference value from the codeql-action algorithm (see line_hash_test.cpp).
  CHECK(res["partialFingerprints"]["primaryLocationLineHash"] == "c1cf3b8250ed1323:1");
  CHECK(res["partialFingerprints"]["primaryLocationLineHash"] == github_line_hashes("x = 1\ny = spark.table(\"t\")\n")[1]);
  CHECK(res["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "spark.table(\"t\")");
}

TEST_CASE("sarif: a finding in an unreadable or binary file has no line hash and does not crash") {
  ScratchDir dir;
  dir.write("blob.bin", std::string("\0\x01\x02", 3));
  Finding gone = finding("TST001", Severity::Error, "deleted.py", 3, 1, "Gone.", "g");
  Finding blob = finding("TST002", Severity::Warning, "blob.bin", 1, 1, "Binary.");
  Finding past_end = finding("TST003", Severity::Note, "blob.bin", 900, 4, "Past the end.", "p");
  Finding unknown = finding("ZZZ998", Severity::Note, "deleted.py", 1, 1, "", "");
  Report r = report_in(dir, {blob, past_end, gone, unknown});
  SourceProvider src(dir.str());
  const std::string text = render([&](std::ostream& o) { write_sarif(r, src, o); });
  const json results = json::parse(text)["runs"][0]["results"];
  REQUIRE(results.size() == 4);
  for (const json& res : results) {
    CHECK_FALSE(res["partialFingerprints"].contains("primaryLocationLineHash"));
    CHECK(res["partialFingerprints"]["pipelint/v1"].get<std::string>().size() == 16);
    CHECK_FALSE(res["locations"][0]["physicalLocation"]["region"].contains("snippet"));
  }
  std::string log;
  const int status = validate(dir, text, log);
  INFO(log);
  CHECK(status == 0);
}

TEST_CASE("sarif: URIs are encoded, files outside the root are absolute, unknown rules get a descriptor") {
  ScratchDir dir;
  dir.write("repo/my jobs/a#1.py", "x\n");
  Finding spaced = finding("TST002", Severity::Warning, "my jobs/a#1.py", 1, 1, "Spaced.", "s");
  Finding outside = finding("TST002", Severity::Warning, (dir.path() / "elsewhere.py").string(), 1, 1, "Outside.", "o");
  Finding unknown = finding("ZZZ999", Severity::Note, "my jobs/a#1.py", 1, 1, "From nowhere.", "u");
  Report r;
  r.findings = {spaced, outside, unknown};
  r.srcroot = r.cwd = (dir.path() / "repo").string();
  r.tool_version = "0.1.0";
  r.command = "audit";
  SourceProvider src(r.cwd);
  const json run = sarif_of(r, src)["runs"][0];
  CHECK(run["automationDetails"]["id"] == "pipelint/audit/");
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20jobs/a%231.py");
  CHECK(run["results"][0]["partialFingerprints"].contains("primaryLocationLineHash"));
  const json& outside_loc = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(outside_loc["uri"] == "file://" + dir.str() + "/elsewhere.py");
  CHECK_FALSE(outside_loc.contains("uriBaseId"));
  const json& rules = run["tool"]["driver"]["rules"];
  CHECK(rules.size() == all_rules().size() + 1);
  const size_t idx = run["results"][2]["ruleIndex"];
  CHECK(rules[idx]["id"] == "ZZZ999");
  CHECK(rules[idx]["name"] == "unregistered-zzz999");
  CHECK(rules[idx]["defaultConfiguration"]["level"] == "note");
}

TEST_CASE("sarif: more than 25,000 results keeps the most severe and says how many were cut") {
  ScratchDir dir;
  std::vector<Finding> findings;
  for (int i = 0; i < 25'005; ++i)
    findings.push_back(finding("TST003", Severity::Note, "jobs/a.py", static_cast<uint32_t>(i + 1), 1, "Note.", std::to_string(i)));
  findings.push_back(finding("TST001", Severity::Error, "jobs/z.py", 7, 1, "Error.", "e"));
  findings.push_back(finding("TST002", Severity::Warning, "jobs/z.py", 9, 1, "Warning.", "w"));
  findings.push_back(finding("TST002", Severity::Warning, "jobs/z.py", 10, 1, "Suppressed.", "s"));
  findings.back().suppressed = true;
  Report r = report_in(dir, findings);
  SourceProvider src(dir.str());
  const std::string text = render([&](std::ostream& o) { write_sarif(r, src, o); });
  const json run = json::parse(text)["runs"][0];
  const json& results = run["results"];
  REQUIRE(results.size() == 25'000);
  // Seven results too many: the last seven notes go, the error and warning stay, order kept.
  CHECK(results[24'997]["message"]["text"] == "Note.");
  CHECK(results[24'997]["locations"][0]["physicalLocation"]["region"]["startLine"] == 24'998);
  CHECK(results[24'998]["level"] == "error");
  CHECK(results[24'999]["level"] == "warning");
  const json& notes = run["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["level"] == "warning");
  CHECK(notes[0]["message"]["text"].get<std::string>().rfind("7 results were left out", 0) == 0);
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  // Not re-validated here: the multitool needs over a minute for 25,000 results
  // (checked by hand: no errors or warnings, GH1004 included).
}

TEST_CASE("sarif: hostile input still gives valid SARIF") {
  ScratchDir dir;
  dir.write("bad.py", "x = \"\xff\xfe\" # \x1b[31m\n" + std::string(3000, 'y') + "\n");
  Finding zero = finding("TST001", Severity::Error, "bad.py", 0, 0, "Line\nbreak and \xc3 invalid", "z");
  zero.loc.end_col = 0;
  Finding backwards = finding("TST002", Severity::Warning, "bad.py", 1, 9, "", "b");
  backwards.loc.end_col = 3;  // end before start: dropped
  Finding long_line = finding("TST003", Severity::Note, "bad.py", 2, 10, "Long.", "l");
  Finding odd_path = finding("TST003", Severity::Note, "odd\xff name:1.py", 1, 1, "Odd.", "o");
  Report r = report_in(dir, {zero, backwards, long_line, odd_path});
  SourceProvider src(dir.str());
  const std::string text = render([&](std::ostream& o) { write_sarif(r, src, o); });
  const json results = json::parse(text)["runs"][0]["results"];
  REQUIRE(results.size() == 4);
  const json& region0 = results[0]["locations"][0]["physicalLocation"]["region"];
  CHECK(region0["startLine"] == 1);
  CHECK(region0["startColumn"] == 1);
  CHECK(results[0]["message"]["text"] == "Line break and \xef\xbf\xbd invalid.");
  CHECK_FALSE(results[1]["locations"][0]["physicalLocation"]["region"].contains("endColumn"));
  CHECK(results[1]["message"]["text"] == "No details.");
  CHECK_FALSE(results[2]["locations"][0]["physicalLocation"]["region"].contains("snippet"));
  CHECK(results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "odd%FF%20name%3A1.py");
  std::string log;
  const int status = validate(dir, text, log);
  INFO(log);
  CHECK(status == 0);
}

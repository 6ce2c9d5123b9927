#include <catch2/catch.hpp>

#include "fixture.h"

using namespace pipelint;
using pipelint::test::finding;
using pipelint::test::ScratchDir;

TEST_CASE("fingerprint depends on rule, path and subject, not on the line") {
  Finding a = finding("TST001", Severity::Error, "jobs/a.py", 3, 5, "msg", "de_prod.silver.readings");
  Finding moved = a;
  moved.loc.line = 40;
  moved.message = "reworded message";
  const std::string fp = finding_fingerprint(a, "jobs/a.py");
  CHECK(fp.size() == 16);
  CHECK(fp.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(finding_fingerprint(moved, "jobs/a.py") == fp);
  CHECK(finding_fingerprint(a, "jobs/b.py") != fp);
  Finding other_rule = a;
  other_rule.rule = "TST002";
  CHECK(finding_fingerprint(other_rule, "jobs/a.py") != fp);
  Finding other_subject = a;
  other_subject.subject = "de_prod.silver.readings2";
  CHECK(finding_fingerprint(other_subject, "jobs/a.py") != fp);
  // Field boundaries matter: ("a", "b.c") and ("a.b", "c") differ.
  Finding x = finding("R1", Severity::Note, "", 1, 1, "", "p\x1fq");
  CHECK(finding_fingerprint(x, "a") != finding_fingerprint(x, "a\x1fp"));
}

TEST_CASE("without a subject the fingerprint uses the line text, ignoring whitespace") {
  Finding f = finding("TST003", Severity::Note, "jobs/a.py", 3, 1, "blind here");
  const std::string fp = finding_fingerprint(f, "jobs/a.py", "    spark.table(name)");
  CHECK(finding_fingerprint(f, "jobs/a.py", "spark.table( name )") == fp);
  CHECK(finding_fingerprint(f, "jobs/a.py", "spark.table(other)") != fp);
  // No line text: falls back to the message, like the two-argument form.
  CHECK(finding_fingerprint(f, "jobs/a.py", "") == finding_fingerprint(f, "jobs/a.py"));
  Finding reworded = f;
  reworded.message = "different";
  CHECK(finding_fingerprint(reworded, "jobs/a.py") != finding_fingerprint(f, "jobs/a.py"));
}

TEST_CASE("the report form resolves the repository path and the line") {
  ScratchDir dir;
  dir.write("repo/jobs/a.py", "x = 1\n  spark.table(name)\n");
  Report r;
  r.cwd = (dir.path() / "repo" / "jobs").string();  // run from a sub-folder
  r.srcroot = (dir.path() / "repo").string();
  SourceProvider src(r.cwd);
  Finding f = finding("TST003", Severity::Note, "a.py", 2, 3, "blind here");
  CHECK(finding_fingerprint(f, r, src) == finding_fingerprint(f, "jobs/a.py", "spark.table(name)"));
}

TEST_CASE("repo_relative_path makes display paths relative to the source root") {
  CHECK(repo_relative_path("jobs/a.py", "/repo", "/repo") == "jobs/a.py");
  CHECK(repo_relative_path("./jobs/./a.py", "/repo", "/repo") == "jobs/a.py");
  CHECK(repo_relative_path("a.py", "/repo/jobs", "/repo") == "jobs/a.py");
  CHECK(repo_relative_path("../common/b.py", "/repo/jobs", "/repo") == "common/b.py");
  CHECK(repo_relative_path("/repo/dags/d.py", "/elsewhere", "/repo/") == "dags/d.py");
  // Outside the root: stays absolute (no "../" URIs).
  CHECK(repo_relative_path("../other/c.py", "/repo", "/repo") == "/other/c.py");
  CHECK(repo_relative_path("/repository2/c.py", "/repo", "/repo") == "/repository2/c.py");
  CHECK(repo_relative_path("jobs/a.py", "", "") == "jobs/a.py");
}

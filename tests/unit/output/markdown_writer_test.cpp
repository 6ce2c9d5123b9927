#include <catch2/catch.hpp>

#include "fixture.h"
#include "rules/engine/rule.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("markdown summary: counts and one table per severity with every finding") {
  ScratchDir dir;
  std::vector<Finding> findings;
  for (int i = 1; i <= 12; ++i)  // more than GitHub's 10 annotations
    findings.push_back(finding("TST002", Severity::Warning, "jobs/w.py", i, 1, "Warning " + std::to_string(i) + "."));
  findings.push_back(finding("TST001", Severity::Error, "jobs/e.py", 2, 3, "Bad | pipe <b>x</b>."));
  Finding s = finding("TST003", Severity::Note, "jobs/n.py", 1, 1, "Hidden.");
  s.suppressed = true;
  findings.push_back(s);
  Report r = report_in(dir, findings, 4);
  const std::string out = render([&](std::ostream& o) { write_markdown(r, o); });
  CHECK(out.rfind("## pipelint: 1 error, 12 warnings, 0 notes\n\nChecked 4 files. 1 finding was suppressed and not listed.\n", 0) == 0);
  CHECK(out.find("\n### Errors (1)\n\n| Location | Rule | Message |\n|---|---|---|\n"
                 "| jobs/e.py:2:3 | [TST001](" + rule_help_uri("TST001") + ") | Bad \\| pipe &lt;b&gt;x&lt;/b&gt;. |\n") !=
        std::string::npos);
  CHECK(out.find("### Warnings (12)") != std::string::npos);
  CHECK(out.find("| jobs/w.py:12:1 |") != std::string::npos);
  CHECK(out.find("### Notes") == std::string::npos);
  CHECK(out.find("Hidden") == std::string::npos);
  CHECK(out.find("### Errors") < out.find("### Warnings"));
}

TEST_CASE("markdown summary: no findings, failures, escaping of markdown syntax") {
  ScratchDir dir;
  Report r = report_in(dir, {}, 1);
  CHECK(render([&](std::ostream& o) { write_markdown(r, o); }) == "## pipelint: no findings\n\nChecked 1 file.\n");
  r.failures.push_back({"dags/_private_[x].py", "syntax *error*\nline 2"});
  const std::string out = render([&](std::ostream& o) { write_markdown(r, o); });
  CHECK(out.find("### Files not analysed (1)\n\n- dags/\\_private\\_\\[x\\].py: syntax \\*error\\* line 2\n") != std::string::npos);
}

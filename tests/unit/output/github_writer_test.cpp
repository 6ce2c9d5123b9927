#include <catch2/catch.hpp>

#include "fixture.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("github annotations: one command per non-suppressed finding") {
  ScratchDir dir;
  Finding e = finding("TST001", Severity::Error, "jobs/a.py", 3, 5, "Bad write.");
  e.loc.end_col = 9;
  Finding w = finding("TST002", Severity::Warning, "jobs/b.py", 1, 1, "Unqualified.");
  Finding n = finding("TST003", Severity::Note, "jobs/c.py", 2, 4, "Blind.");
  Finding s = finding("TST001", Severity::Error, "jobs/d.py", 1, 1, "Suppressed.");
  s.suppressed = true;
  Report r = report_in(dir, {e, w, n, s});
  CHECK(render([&](std::ostream& o) { write_github(r, o); }) ==
        "::error file=jobs/a.py,line=3,col=5,endColumn=9,title=pipelint TST001::Bad write.\n"
        "::warning file=jobs/b.py,line=1,col=1,title=pipelint TST002::Unqualified.\n"
        "::notice file=jobs/c.py,line=2,col=4,title=pipelint TST003::Blind.\n");
}

TEST_CASE("github annotations: escaping of data and properties") {
  ScratchDir dir;
  Finding f = finding("TST001", Severity::Error, "dir,with:odd%chars.py", 1, 1, "100% wrong:\r\nsee a,b");
  Report r = report_in(dir, {f});
  r.failures.push_back({"x.yaml", "line 1\nline 2"});
  CHECK(render([&](std::ostream& o) { write_github(r, o); }) ==
        "::error file=dir%2Cwith%3Aodd%25chars.py,line=1,col=1,title=pipelint TST001::100%25 wrong:%0D%0Asee a,b\n"
        "::warning file=x.yaml,title=pipelint::Not analysed: line 1%0Aline 2\n");
}

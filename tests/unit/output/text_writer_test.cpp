#include <catch2/catch.hpp>

#include "fixture.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("text output: finding, excerpt with carets, related notes, closing line") {
  ScratchDir dir;
  dir.write("jobs/load.py", "import x\ndf.write.saveAsTable(\"tmp_x\")\n");
  Finding f = finding("TST001", Severity::Error, "jobs/load.py", 2, 22, "Table tmp_x matches no namespace pattern.");
  f.loc.end_col = 29;
  f.related.push_back({Location{"jobs/other.py", 8, 1, 0}, "Also written here."});
  Report r = report_in(dir, {f}, 2);
  r.elapsed_ms = 12.4;
  SourceProvider src(dir.str());
  const std::string out = render([&](std::ostream& o) { write_text(r, src, o, false); });
  CHECK(out ==
        "jobs/load.py:2:22: error[TST001] Table tmp_x matches no namespace pattern.\n"
        " 2 | df.write.saveAsTable(\"tmp_x\")\n"
        "   |                      ^^^^^^^\n"
        "  jobs/other.py:8:1: note: Also written here.\n"
        "\n"
        "1 error, 0 warnings, 0 notes in 2 files (12 ms)\n");
  CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("text output: plurals, suppressed count, no excerpt when unreadable") {
  ScratchDir dir;
  Finding w1 = finding("TST002", Severity::Warning, "a.py", 1, 1, "First.");
  Finding w2 = finding("TST002", Severity::Warning, "b.py", 1, 1, "Second.");
  Finding n1 = finding("TST003", Severity::Note, "c.py", 4, 2, "Note.");
  Finding s1 = finding("TST001", Severity::Error, "d.py", 1, 1, "Hidden.");
  s1.suppressed = true;
  Report r = report_in(dir, {w1, w2, n1, s1}, 1);
  SourceProvider src(dir.str());
  const std::string out = render([&](std::ostream& o) { write_text(r, src, o, false); });
  CHECK(out ==
        "a.py:1:1: warning[TST002] First.\n\n"
        "b.py:1:1: warning[TST002] Second.\n\n"
        "c.py:4:2: note[TST003] Note.\n\n"
        "0 errors, 2 warnings, 1 note in 1 file, 1 suppressed (0 ms)\n");
  CHECK(out.find("Hidden") == std::string::npos);

  Report empty = report_in(dir, {}, 0);
  CHECK(render([&](std::ostream& o) { write_text(empty, src, o, false); }) ==
        "0 errors, 0 warnings, 0 notes in 0 files (0 ms)\n");
}

TEST_CASE("text output: colour only when asked; tabs keep the caret aligned") {
  ScratchDir dir;
  dir.write("t.py", "\tx = spark.table(t)\n");
  Finding f = finding("TST003", Severity::Note, "t.py", 1, 6, "Unresolved.");
  Report r = report_in(dir, {f});
  SourceProvider src(dir.str());
  const std::string plain = render([&](std::ostream& o) { write_text(r, src, o, false); });
  CHECK(plain.find("   | \t    ^\n") != std::string::npos);
  const std::string colored = render([&](std::ostream& o) { write_text(r, src, o, true); });
  CHECK(colored.find("\x1b[1;36mnote[TST003]\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[0m") != std::string::npos);
}

TEST_CASE("text output: control characters and invalid UTF-8 cannot reach the terminal") {
  ScratchDir dir;
  dir.write("evil.py", "x = \"\x1b[2J\xff\"\n");
  Finding f = finding("TST002", Severity::Warning, "evil.py", 1, 5, "Bad \x1b]0;title\x07 name.");
  Report r = report_in(dir, {f});
  r.failures.push_back({"bin\x1b.py", "not UTF-8"});
  SourceProvider src(dir.str());
  const std::string out = render([&](std::ostream& o) { write_text(r, src, o, false); });
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
  CHECK(out.find("\xff") == std::string::npos);
  CHECK(out.find("bin\xef\xbf\xbd.py: not analysed: not UTF-8\n") != std::string::npos);
}

TEST_CASE("text output: a very long line is cut around the column") {
  ScratchDir dir;
  dir.write("min.py", std::string(5000, 'a') + "spark.table(\"x\")" + std::string(5000, 'b') + "\n");
  Finding f = finding("TST002", Severity::Warning, "min.py", 1, 5001, "Unqualified.");
  f.loc.end_col = 5017;
  Report r = report_in(dir, {f});
  SourceProvider src(dir.str());
  const std::string out = render([&](std::ostream& o) { write_text(r, src, o, false); });
  CHECK(out.size() < 1000);
  CHECK(out.find("…" + std::string(60, 'a') + "spark.table(\"x\")") != std::string::npos);
  CHECK(out.find(std::string(16, '^')) != std::string::npos);
  CHECK(out.find(std::string(17, '^')) == std::string::npos);

  // Look-alike: a 100-character line with a late column is shown whole.
  dir.write("mid.py", std::string(90, 'c') + "table(x)\n");
  Finding g = finding("TST002", Severity::Warning, "mid.py", 1, 91, "Unqualified.");
  Report r2 = report_in(dir, {g});
  const std::string whole = render([&](std::ostream& o) { write_text(r2, src, o, false); });
  CHECK(whole.find(" 1 | " + std::string(90, 'c') + "table(x)\n") != std::string::npos);
  CHECK(whole.find("…") == std::string::npos);
}

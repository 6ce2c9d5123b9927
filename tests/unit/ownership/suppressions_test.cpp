// scan_suppressions: only real comments, the right target line, ids, until= and reasons.
#include <catch2/catch.hpp>

#include "parsers/common/suppressions.h"

using namespace pipelint;

namespace {
std::vector<Suppression> py(const std::string& text) { return scan_suppressions(text, CommentSyntax::Python); }
}  // namespace

TEST_CASE("a trailing comment suppresses its own line, an own-line comment the next line") {
  auto s = py("x = 1\n"
              "df.write.saveAsTable('a.b.c')  # pipelint: ignore[OWN001] agreed with #nordgrid-data\n"
              "# pipelint: ignore[NS002, ns001] legacy names\n"
              "spark.table('b.c')\n");
  REQUIRE(s.size() == 2);
  CHECK(s[0].line == 2);
  CHECK(s[0].target_line == 2);
  CHECK(s[0].rules == std::vector<std::string>{"OWN001"});
  CHECK(s[0].reason == "agreed with #nordgrid-data");
  CHECK(s[0].col == 32);
  CHECK(s[1].line == 3);
  CHECK(s[1].target_line == 4);
  CHECK(s[1].rules == std::vector<std::string>{"NS002", "NS001"});  // upper-cased
}

TEST_CASE("stacked own-line comments reach the code below them") {
  auto s = py("# pipelint: ignore[OWN001] reason one\n# pipelint: ignore[NS003] reason two\nwrite()\n");
  REQUIRE(s.size() == 2);
  CHECK(s[0].target_line == 3);
  CHECK(s[1].target_line == 3);
}

TEST_CASE("a marker inside a Python string is not a comment") {
  CHECK(py("note = \"# pipelint: ignore[OWN001] x\"\n").empty());
  CHECK(py("note = '# pipelint: ignore[OWN001] x'\n").empty());
  CHECK(py("doc = \"\"\"\n# pipelint: ignore[OWN001] inside a docstring\n\"\"\"\n").empty());
  CHECK(py("s = 'it\\'s # pipelint: ignore[OWN001]'\n").empty());
  // ...but after the string closes, a comment is a comment.
  auto s = py("s = \"a # b\"  # pipelint: ignore[OWN001] real\n");
  REQUIRE(s.size() == 1);
  CHECK(s[0].reason == "real");
}

TEST_CASE("SQL comments count in .sql files and in SQL held in triple-quoted Python strings") {
  auto sql = scan_suppressions("SELECT *\nFROM a.b.c  -- pipelint: ignore[NS002] legacy\n-- pipelint: ignore[OWN005] why\nFROM x\n",
                               CommentSyntax::Sql);
  REQUIRE(sql.size() == 2);
  CHECK(sql[0].target_line == 2);
  CHECK(sql[1].target_line == 4);
  // A '--' inside an SQL string literal is text.
  CHECK(scan_suppressions("SELECT '-- pipelint: ignore[NS002]' FROM t\n", CommentSyntax::Sql).empty());
  // '#' is no SQL comment.
  CHECK(scan_suppressions("SELECT 1 # pipelint: ignore[NS002]\n", CommentSyntax::Sql).empty());
  auto embedded = py("spark.sql(\"\"\"\n  SELECT * FROM prod_fr.silver_metering.x  -- pipelint: ignore[OWN005] agreed\n\"\"\")\n");
  REQUIRE(embedded.size() == 1);
  CHECK(embedded[0].target_line == 2);
  // In a one-line Python string a '--' is not taken for a comment.
  CHECK(py("x = '-- pipelint: ignore[OWN005] no'\n").empty());
}

TEST_CASE("notebook %sql cells: '# MAGIC -- ...' lines are comments, '# MAGIC SELECT' lines are code") {
  auto s = py("# MAGIC %sql\n# MAGIC -- pipelint: ignore[NS002] legacy\n# MAGIC SELECT * FROM b.c\n"
              "# MAGIC SELECT * FROM d.e  -- pipelint: ignore[NS002] trailing\n");
  REQUIRE(s.size() == 2);
  CHECK(s[0].target_line == 3);
  CHECK(s[1].target_line == 4);
}

TEST_CASE("YAML: '#' after whitespace outside quotes and block scalars") {
  auto s = scan_suppressions("teams:\n  x:\n    owns: ['a.*']  # pipelint: ignore[CFG001] agreed\n"
                             "    name: 'Team # pipelint: ignore[CFG002] not a comment'\n"
                             "    note: |\n      # pipelint: ignore[CFG002] block text\n"
                             "    url: http://x#pipelint: ignore[CFG002]\n",
                             CommentSyntax::Yaml);
  REQUIRE(s.size() == 1);
  CHECK(s[0].line == 3);
  CHECK(s[0].rules == std::vector<std::string>{"CFG001"});
}

TEST_CASE("until= dates, prefixes, reasons and malformed directives") {
  auto s = py("# pipelint: ignore[OWN] until=2027-03-31 migrating to gold_billing\nx()\n"
              "# pipelint: ignore[OWN001] until=2027-02-30 bad date\ny()\n"
              "# pipelint: ignore[OWN001]\nz()\n"
              "# pipelint: ignore\nw()\n"
              "# pipelint: ignored[OWN001] not a directive\n"
              "# expect: OWN001\n");
  REQUIRE(s.size() == 4);
  CHECK(s[0].rules == std::vector<std::string>{"OWN"});
  CHECK(s[0].until == "2027-03-31");
  CHECK(s[0].until_valid);
  CHECK(s[0].reason == "migrating to gold_billing");
  CHECK(s[1].until == "2027-02-30");
  CHECK_FALSE(s[1].until_valid);
  CHECK(s[2].reason.empty());
  CHECK(s[3].rules.empty());
  CHECK(is_iso_date("2028-02-29"));
  CHECK_FALSE(is_iso_date("2027-02-29"));
  CHECK_FALSE(is_iso_date("27-03-31"));
}

TEST_CASE("hostile bytes never crash the scanner") {
  std::string nul("# pipelint: ignore[OWN001] a\0b\nx\n", 31);
  CHECK(py(nul).size() == 1);
  CHECK(py("\xff\xfe# pipelint: ignore[\xc3\x28] \x80\n").size() == 1);
  CHECK(py("s = '''unterminated # pipelint: ignore[OWN001]").empty());
  CHECK(scan_suppressions("'unterminated -- pipelint: ignore[NS002]", CommentSyntax::Sql).empty());
  std::string deep(200000, '"');
  deep += "# pipelint: ignore[OWN001] x\n";
  (void)py(deep);
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "# pipelint: ignore[OWN001] r\n";
  CHECK(py(many).size() == 20000);
  CHECK(comment_syntax_for("a/b.SQL") == CommentSyntax::Sql);
  CHECK(comment_syntax_for("pipelint.yml") == CommentSyntax::Yaml);
  CHECK(comment_syntax_for("job.py") == CommentSyntax::Python);
}

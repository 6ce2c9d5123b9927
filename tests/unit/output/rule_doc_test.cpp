#include <catch2/catch.hpp>

#include "analyzer/output/report.h"
#include "rules/engine/rule.h"

using namespace pipelint;

TEST_CASE("rule documentation as text, the way `pipelint explain` prints it") {
  const Rule* rule = find_rule("TST001");
  REQUIRE(rule != nullptr);
  CHECK(rule_doc_text(rule->doc()) ==
        "TST001 write-outside-namespace (error)\n"
        "\nWhat it does\nChecks that every table written matches a namespace pattern.\n"
        "\nWhy is this bad?\nTables outside the conventions have no owner and no layer.\n"
        "\nExample\ndf.write.saveAsTable(\"tmp_meter_readings\")\n"
        "\nUse instead\ndf.write.saveAsTable(\"de_prod.silver.meter_readings\")\n");
}

TEST_CASE("rule documentation as markdown with headings and fenced examples") {
  const RuleDoc& doc = find_rule("TST002")->doc();
  CHECK(rule_doc_markdown(doc) ==
        "## TST002\n\n"
        "`unqualified-name` · default severity **warning** · family namespace\n\n"
        "Unqualified table name\n\n"
        "### What it does\n\nChecks that table names carry catalog and schema.\n\n"
        "### Why is this bad?\n\nAn unqualified name depends on the session's current catalog.\n\n"
        "### Example\n\n```sql\nSELECT * FROM readings\n```\n\n"
        "### Use instead\n\n```sql\nSELECT * FROM de_prod.silver.readings\n```\n");
}

TEST_CASE("a code example holding a fence gets a longer fence") {
  const std::string md = rule_doc_markdown(find_rule("TST003")->doc());
  CHECK(md.find("````python\nspark.table(f\"{env}.silver.x\")  # ``` fence inside\n````\n") != std::string::npos);
  // The look-alike without backticks keeps the plain fence.
  CHECK(md.find("```python\nspark.table(\"de_prod.silver.x\")\n```\n") != std::string::npos);
}

TEST_CASE("sections without examples are left out instead of printed empty") {
  RuleDoc doc;
  doc.id = "TST900";
  doc.name = "no-examples";
  doc.severity = Severity::Note;
  doc.what = "Checks something.\n";
  doc.why = "Because.";
  CHECK(rule_doc_text(doc) == "TST900 no-examples (note)\n\nWhat it does\nChecks something.\n\nWhy is this bad?\nBecause.\n");
  const std::string md = rule_doc_markdown(doc);
  CHECK(md.find("### Example") == std::string::npos);
  CHECK(md.find("### Use instead") == std::string::npos);
  CHECK(md.find("### Why is this bad?\n\nBecause.\n") != std::string::npos);
}

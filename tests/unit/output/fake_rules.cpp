// Test-only rules, so all_rules() holds documented rules with each severity. The
// TST ids cannot clash with the real rules linked into this binary.
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class FakeRule : public Rule {
 public:
  void check(const Model&, std::vector<Finding>&) const override {}
};

class TestErrorRule : public FakeRule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{"TST001", "write-outside-namespace", "namespace", Severity::Error,
                           "Table written outside every namespace pattern",
                           "Checks that every table written matches a namespace pattern.",
                           "Tables outside the conventions have no owner and no layer.",
                           "df.write.saveAsTable(\"tmp_meter_readings\")\n",
                           "df.write.saveAsTable(\"de_prod.silver.meter_readings\")\n", "python"};
    return d;
  }
};

class TestWarningRule : public FakeRule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{"TST002", "unqualified-name", "namespace", Severity::Warning,
                           "Unqualified table name",
                           "Checks that table names carry catalog and schema.",
                           "An unqualified name depends on the session's current catalog.",
                           "SELECT * FROM readings", "SELECT * FROM de_prod.silver.readings", "sql"};
    return d;
  }
};

class TestNoteRule : public FakeRule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{"TST003", "unresolved-name", "general", Severity::Note,
                           "Name could not be resolved",
                           "Notes table names built at run time.",
                           "The analysis is blind there.",
                           "spark.table(f\"{env}.silver.x\")  # ``` fence inside",
                           "spark.table(\"de_prod.silver.x\")", "python"};
    return d;
  }
};

}  // namespace

PIPELINT_RULE(TestErrorRule)
PIPELINT_RULE(TestWarningRule)
PIPELINT_RULE(TestNoteRule)

}  // namespace pipelint

// SYN001: a file that could not be parsed (or read as text).
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class SYN001 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "SYN001", "unparsable-file", "general", Severity::Warning,
        "File could not be parsed",
        "Reports a file that is not valid Python or SQL (at the first syntax error), binary "
        "content, invalid UTF-8 and files over the size limit. The rest of the file, and every "
        "other file, is still analysed as far as possible.",
        "Accesses after a syntax error may be missed or misread, so the lineage of this file is "
        "incomplete until the error is fixed.",
        "df = spark.table(\"prod_de.silver_metering.readings\"\n"
        "df.write.saveAsTable(\"prod_de.gold_metering.daily\")",
        "df = spark.table(\"prod_de.silver_metering.readings\")\n"
        "df.write.saveAsTable(\"prod_de.gold_metering.daily\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& file : m.files) {
      for (const auto& d : file.records.diagnostics) {
        if (d.rule != "SYN001") continue;
        out.push_back(make(Location{file.display_path, d.line, d.col, 0}, d.message, d.message));
      }
    }
  }
};

PIPELINT_RULE(SYN001)

}  // namespace
}  // namespace pipelint

// DEP009: declared Dataset/Asset outlets and inlets that disagree with the task's code.
#include <algorithm>
#include <cctype>

#include "rules/dependencies/orchestration_locations.h"
#include "rules/dependencies/dep_text.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

class DEP009 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "DEP009", "dataset-declaration-mismatch", "dependencies", Severity::Error,
        "A task's declared outlets/inlets disagree with the tables its code writes/reads",
        "Compares each Dataset/Asset a task declares in `outlets` (or `inlets`) with the tables its "
        "linked code writes (or reads). A declared table that the code never writes (or reads) is "
        "reported at the task. Only tasks whose code is linked and fully resolved are checked; URIs "
        "that are storage paths, not three-part table names, are skipped.",
        "Dataset-scheduled DAGs start when an outlet is updated. An outlet the task does not really "
        "write triggers consumers on data that did not change, and the real table's consumers are "
        "never triggered: the coordination the declaration promises does not exist.",
        "SparkSubmitOperator(task_id=\"silver_readings\", application=\"jobs/silver_readings.py\",\n"
        "    outlets=[Dataset(\"prod_de.silver_metering.reading\")])  # the job writes ...readings",
        "SparkSubmitOperator(task_id=\"silver_readings\", application=\"jobs/silver_readings.py\",\n"
        "    outlets=[Dataset(\"prod_de.silver_metering.readings\")])"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    const auto& o = m.orch;
    for (uint32_t t = 0; t < o.tasks.size(); ++t) {
      const auto& rec = o.task(m, t);
      if (rec.outlets.empty() && rec.inlets.empty()) continue;
      const auto& info = o.tasks[t];
      std::vector<std::string> reads, writes;
      bool unresolved = false;
      for (uint32_t a : info.accesses) {
        const auto& acc = m.accesses[a];
        if (acc.resolved != Resolution::Full) unresolved = true;
        std::string name = acc.table;
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        (acc.rec(m).op == Op::Write ? writes : reads).push_back(name);
      }
      auto compare = [&](const std::vector<std::string>& declared, const std::vector<std::string>& actual,
                         const char* kind, const char* verb) {
        if (actual.empty() || unresolved) return;
        for (const auto& uri : declared) {
          std::string table = table_of_dataset_uri(uri);
          if (table.empty() || std::find(actual.begin(), actual.end(), table) != actual.end()) continue;
          std::string list;
          for (const auto& a : actual)
            if (list.find("`" + a + "`") == std::string::npos) list += (list.empty() ? "`" : ", `") + a + "`";
          Finding f = make(task_location(m, t),
                           std::string("task `") + rec.task_id + "` declares `" + uri + "` in its " + kind +
                               " but its code never " + verb + "s it (it " + verb + "s " + list +
                               "): Dataset-driven coordination will follow the wrong table",
                           rec.dag_id + ":" + rec.task_id + ":" + kind + ":" + table);
          for (uint32_t a : info.accesses) {
            const auto& acc = m.accesses[a];
            bool match = (std::string(kind) == "outlets") == (acc.rec(m).op == Op::Write);
            if (!match) continue;
            f.related.push_back({Location{m.file_of(acc).display_path, acc.rec(m).line, acc.rec(m).col, 0},
                                 std::string("the code ") + verb + "s `" + acc.table + "` here"});
          }
          out.push_back(std::move(f));
        }
      };
      compare(rec.outlets, writes, "outlets", "write");
      compare(rec.inlets, reads, "inlets", "read");
    }
  }
};

PIPELINT_RULE(DEP009)

}  // namespace
}  // namespace pipelint

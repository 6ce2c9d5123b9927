// NS003: code of one environment touches another environment's table.
#include "rules/engine/rule.h"
#include "rules/namespace/table_name.h"

namespace pipelint {
namespace {

class NS003 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "NS003", "environment-crossing", "namespace", Severity::Error,
        "Code of one environment touches another environment's table",
        "Compares the environment of the code with the `env` group of the namespace pattern each "
        "fully resolved table name matches. The code's environment comes from the bundle target, a "
        "`dev/`, `test/` or `prod/` folder in the file's path, `namespace.variables.env`, or failing "
        "those the environment most of the other tables of the file are in (a tie gives none). A "
        "write is an error, a read a warning.",
        "A dev job that writes a prod table ships untested logic straight into production data; a "
        "prod job that reads a dev table makes production results depend on experiments.",
        "# jobs/dev/rebuild_readings.py\n"
        "df.write.mode(\"overwrite\").saveAsTable(\"prod_de.silver_metering.readings\")",
        "# jobs/dev/rebuild_readings.py\n"
        "df.write.mode(\"overwrite\").saveAsTable(\"dev_de.silver_metering.readings\")"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    for (const auto& a : m.accesses) {
      const FileEntry& file = m.file_of(a);
      if (a.env.empty() || file.env.empty() || a.env == file.env) continue;
      bool write = a.rec(m).op == Op::Write;
      std::string msg = std::string(write ? "write to" : "read of") + " `" + a.table + "` (env " + a.env +
                        ") from " + file.env + " code (" + file.env_source + "): " +
                        (write ? file.env + " code must not change " + a.env + " data"
                               : file.env + " results must not depend on " + a.env + " data");
      if (a.table.rfind(a.env, 0) == 0)
        msg += "; use `" + file.env + a.table.substr(a.env.size()) + "`";
      msg += ", or run this code as " + a.env;
      Finding f = make(access_location(m, a), std::move(msg), a.table);
      f.severity = write ? Severity::Error : Severity::Warning;
      out.push_back(std::move(f));
    }
  }
};

PIPELINT_RULE(NS003)

}  // namespace
}  // namespace pipelint

// CFG001: a configuration overrides a key its parent locked.
#include "rules/config/config_issue.h"

namespace pipelint {
namespace {

class CFG001 : public ConfigIssueRule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CFG001", "locked-config-override", "config", Severity::Error,
        "Override of a locked configuration key",
        "Reports a key in a `pipelint.yaml` that changes a value its `extends:` parent lists under "
        "`locked`. The locked value stays in force; the finding points at the innermost "
        "overriding key.",
        "The platform locks the namespace, the team registry and some severities so that one "
        "team cannot quietly exempt itself from the rules that protect the others.",
        "# team repository pipelint.yaml\nextends: ../platform-config/pipelint.yaml\n"
        "namespace:\n  require_qualified: false   # locked by the platform",
        "# team repository pipelint.yaml\nextends: ../platform-config/pipelint.yaml\n"
        "overrides:\n  - paths: ['notebooks/sandbox/**']\n    ignore: [NS002]",
        "yaml"};
    return d;
  }
};

PIPELINT_RULE(CFG001)

}  // namespace
}  // namespace pipelint

// CFG002: an invalid configuration file.
#include "rules/config/config_issue.h"

namespace pipelint {
namespace {

class CFG002 : public ConfigIssueRule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CFG002", "invalid-config", "config", Severity::Error,
        "Invalid configuration",
        "Reports broken YAML, unknown keys, values of the wrong type, invalid regular expressions, "
        "unknown rule ids and a missing `extends:` parent in `pipelint.yaml`, with the file and "
        "line. The analysis goes on with the values that could be read.",
        "A misspelt key is silently ignored by most tools: the team believes a rule is "
        "configured when it is not.",
        "namespace:\n  require_qualifed: true\n  patterns: ['^(prod|dev_[a-z]+\\.']",
        "namespace:\n  require_qualified: true\n  patterns: ['^(prod|dev)_[a-z]+\\.']",
        "yaml"};
    return d;
  }
};

PIPELINT_RULE(CFG002)

}  // namespace
}  // namespace pipelint

// A rule: its documentation (the single source for `pipelint explain`, `rules`,
// the SARIF driver rules and the README table) and a check that reads only the
// model. Each rule lives in its own file under rules/<family>/ and registers
// itself with PIPELINT_RULE.
#pragma once
#include <string>
#include <vector>

#include "analyzer/model/finding.h"
#include "analyzer/model/model.h"

namespace pipelint {

struct RuleDoc {
  std::string id;        // "NS001"
  std::string name;      // kebab-case: "name-outside-namespace"
  std::string family;    // namespace | ownership | contracts | dependencies | config | cost | observability | general
  Severity severity = Severity::Warning;  // default
  std::string summary;   // one line
  std::string what;      // what it does
  std::string why;       // why it is bad
  std::string bad;       // example that fires
  std::string good;      // what to write instead
  std::string example_lang = "python";  // highlighting of the examples
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleDoc& doc() const = 0;
  // Appends findings with the rule's id and default severity; the engine applies
  // the configured selection, severities and suppressions afterwards.
  virtual void check(const Model& model, std::vector<Finding>& out) const = 0;

 protected:
  Finding make(const Location& loc, std::string message, std::string subject) const {
    Finding f;
    f.rule = doc().id;
    f.severity = doc().severity;
    f.loc = loc;
    f.message = std::move(message);
    f.subject = std::move(subject);
    return f;
  }
};

// Every registered rule, sorted by id.
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(const std::string& id);
// Documentation URL of a rule (README anchor).
std::string rule_help_uri(const std::string& id);

namespace detail {
bool register_rule(const Rule* rule);
}

}  // namespace pipelint

#define PIPELINT_RULE(Class)                                                 \
  namespace {                                                                \
  const bool registered_##Class = ::pipelint::detail::register_rule(new Class()); \
  }

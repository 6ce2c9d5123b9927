// The findings a check would have reported at a git revision (`check --diff-base
// REF`, SPEC 5): the repository is exported at REF (`git archive`, then `tar`, no
// shell) into a temporary folder, the same paths are analysed and checked there
// with the same options, and each finding is fingerprinted like the current ones
// (rule, repository-relative path, subject), so a finding that only moved is
// still the same finding.
#pragma once
#include <set>
#include <string>

#include "analyzer/cli/common_options.h"
#include "analyzer/output/report.h"
#include "rules/engine/engine.h"

namespace pipelint::cli {

struct BaseFindings {
  std::multiset<std::string> fingerprints;
  std::string error;  // one line; "" when the revision was analysed
};

// `repo_root`: the git checkout holding the checked paths (the SARIF %SRCROOT%).
BaseFindings findings_at_revision(const std::string& ref, const PathOptions& o, const RuleFilter& filter,
                                  const std::string& repo_root);

// Drops the findings whose fingerprint is among the base's (each base finding
// matches one current finding) and marks the rest `new` (SARIF baselineState).
void keep_new_findings(Report& report, SourceProvider& sources, std::multiset<std::string> base);

}  // namespace pipelint::cli

// Whether a configuration is usable at all. The loader never fails: a broken file
// becomes CFG002 issues over the defaults. For the audit, some issues mean the
// settings are not what the file's authors wrote, so the repository is left out.
#pragma once
#include <optional>
#include <string>

#include "analyzer/config/config.h"

namespace pipelint {

// The first issue of `config` (its whole `extends` chain) that makes it unusable:
// an unreadable or non-text file, invalid YAML, or a broken `extends`. Rendered as
// "display/path/pipelint.yaml:LINE:COL: message"; nullopt when usable.
std::optional<std::string> fatal_config_issue(const Config& config, const std::string& cwd);

}  // namespace pipelint

// pipelint.yaml (SPEC 3): the resolved configuration that applies to a file.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/model/finding.h"

namespace re2 { class RE2; }

namespace pipelint {

// A problem in a configuration file: CFG001 (locked key overridden) or CFG002
// (invalid: unknown key, wrong type, bad regex, unreadable or broken YAML).
struct ConfigIssue {
  std::string rule;     // "CFG001" | "CFG002"
  std::string file;     // path of the configuration file, as given/discovered
  uint32_t line = 1, col = 1;
  std::string message;
  // The file's settings are lost, not one value: unreadable, not text, invalid
  // YAML, not a mapping, or a broken `extends` (the audit leaves such a repository out).
  bool unusable = false;
};

struct NamespacePattern {
  std::string text;
  std::shared_ptr<const re2::RE2> re;  // compiled, anchored as written
};

struct LocationRule {
  std::string path;                        // regex over storage paths
  std::shared_ptr<const re2::RE2> path_re;
  std::string table;                       // template with {group} references
};

struct NamespaceConfig {
  std::vector<NamespacePattern> patterns;
  std::vector<std::string> layers{"bronze", "silver", "gold"};
  bool require_qualified = true;
  std::map<std::string, std::string> variables;  // values for placeholders
  std::vector<std::string> external;             // table globs outside the platform
  std::vector<LocationRule> locations;
};

struct TeamConfig {
  std::string id, name, contact, cost_center;
  std::vector<std::string> owns, repos, paths, publishes;
};

struct PipelineYamlSpec {
  std::string files;                       // glob, relative to the config's folder
  std::vector<std::string> reads, writes;  // key paths like 'sources[*].table'
  std::string mode;
};

struct RuleSelection {
  std::vector<std::string> select;         // ids or prefixes; "ALL"
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;
};

struct OverrideConfig {
  std::vector<std::string> paths;          // globs relative to the config's folder
  RuleSelection rules;
};

struct Config {
  std::string path;   // the file it was loaded from; "" for the built-in defaults
  std::string dir;    // absolute folder of `path` (or of the analysed root for defaults)
  int version = 1;
  std::string extends;      // `extends:` as written in this file; "" if none
  std::string parent_path;  // the parent file that was merged in; "" if none (or unusable)
  std::string team;
  NamespaceConfig ns;
  std::map<std::string, TeamConfig> teams;
  std::vector<std::string> contract_paths;
  std::vector<PipelineYamlSpec> pipelines_yaml;
  RuleSelection rules;                              // select defaults to [ALL]
  std::map<std::string, nlohmann::json> rule_options;  // rules.options.<ID>
  std::vector<OverrideConfig> overrides;
  std::vector<std::string> locked;
  std::vector<ConfigIssue> issues;                  // of this file and its parents

  // Is rule `id` enabled for a file (path relative to `dir`, forward slashes)?
  // Applies rules.select/ignore, then each matching override in order.
  bool rule_enabled(const std::string& id, const std::string& rel_path) const;
  // Severity for rule `id` on that file: overrides, then rules.severity, then `dflt`.
  Severity rule_severity(const std::string& id, Severity dflt, const std::string& rel_path) const;
  // rules.options.<id>.<key>, or null.
  const nlohmann::json* rule_option(const std::string& id, const std::string& key) const;
};

// Loads configuration files (following `extends`), caching each by absolute
// path. Thread-safe. Never throws: problems become ConfigIssues, and a file that
// cannot be used at all yields its parent's (or the default) configuration plus
// the issue.
class ConfigLoader {
 public:
  ConfigLoader();
  ~ConfigLoader();
  std::shared_ptr<const Config> load(const std::string& path);
  std::shared_ptr<const Config> defaults(const std::string& dir);
  // pipelint.yaml (or .pipelint.yaml) in `dir` or the nearest ancestor; "" if none.
  static std::string discover(const std::string& dir);

 private:
  struct Entry;  // a loaded file: its Config plus what its children merge over
  std::shared_ptr<const Entry> load_entry(const std::string& path, std::vector<std::string>& stack);

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Entry>> cache_;  // by absolute path
};

}  // namespace pipelint

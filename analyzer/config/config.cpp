// Rule selection like ruff: a selector is a rule id, a prefix of ids or ALL; the
// most specific matching selector decides, and ignore wins over select at the
// same specificity. Overrides whose paths match apply the same logic on top.
#include "analyzer/config/config.h"

#include "analyzer/model/glob.h"

namespace pipelint {
namespace {

// -1: no selector matches; 0: ALL; otherwise the length of the matching prefix.
int specificity(const std::vector<std::string>& selectors, const std::string& id) {
  int best = -1;
  for (const auto& s : selectors) {
    int spec = -1;
    if (s == "ALL") spec = 0;
    else if (id.compare(0, s.size(), s) == 0) spec = static_cast<int>(s.size());
    if (spec > best) best = spec;
  }
  return best;
}

// The decision of one level: true/false, or nullopt when it says nothing about `id`.
std::optional<bool> decide(const RuleSelection& sel, const std::string& id) {
  int selected = specificity(sel.select, id);
  int ignored = specificity(sel.ignore, id);
  if (selected < 0 && ignored < 0) return std::nullopt;
  return selected > ignored;
}

const Severity* severity_for(const RuleSelection& sel, const std::string& id) {
  const Severity* best = nullptr;
  int best_spec = -1;
  for (const auto& [key, sev] : sel.severity) {
    int spec = specificity({key}, id);
    if (spec > best_spec) {
      best_spec = spec;
      best = &sev;
    }
  }
  return best;
}

std::string_view normalised(std::string_view rel) {
  while (rel.size() >= 2 && rel[0] == '.' && rel[1] == '/') rel.remove_prefix(2);
  return rel;
}

// A glob without '/' also matches the file name alone, as in .gitignore.
bool override_applies(const OverrideConfig& o, std::string_view rel) {
  rel = normalised(rel);
  size_t slash = rel.rfind('/');
  std::string_view base = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  for (const auto& p : o.paths) {
    if (glob_match(p, rel)) return true;
    if (p.find('/') == std::string::npos && glob_match(p, base)) return true;
  }
  return false;
}

}  // namespace

bool Config::rule_enabled(const std::string& id, const std::string& rel_path) const {
  bool enabled = decide(rules, id).value_or(false);
  for (const auto& o : overrides) {
    if (!override_applies(o, rel_path)) continue;
    if (auto d = decide(o.rules, id)) enabled = *d;
  }
  return enabled;
}

Severity Config::rule_severity(const std::string& id, Severity dflt, const std::string& rel_path) const {
  const Severity* from_override = nullptr;
  for (const auto& o : overrides) {
    if (!override_applies(o, rel_path)) continue;
    if (const Severity* s = severity_for(o.rules, id)) from_override = s;
  }
  if (from_override) return *from_override;
  if (const Severity* s = severity_for(rules, id)) return *s;
  return dflt;
}

const nlohmann::json* Config::rule_option(const std::string& id, const std::string& key) const {
  auto it = rule_options.find(id);
  if (it == rule_options.end() || !it->second.is_object()) return nullptr;
  auto value = it->second.find(key);
  return value == it->second.end() ? nullptr : &*value;
}

}  // namespace pipelint

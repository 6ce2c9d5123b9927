// Suppression comments: a filter after the rules (SPEC 3).
#include "rules/engine/suppression_filter.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "analyzer/model/paths.h"
#include "parsers/common/suppressions.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

std::string today_date(const RuleFilter& filter) {
  if (is_iso_date(filter.today)) return filter.today;
  if (const char* env = std::getenv("PIPELINT_TODAY"); env && is_iso_date(env)) return env;
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

// Suppressions of files that are not analysed sources (pipelint.yaml files, whose
// findings are CFG001/CFG002), read from disk on demand.
std::vector<Suppression> scan_file_on_disk(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) > (16u << 20)) return {};
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return scan_suppressions(text, comment_syntax_for(path));
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "`" : ", `") + i + "`";
  return out;
}

Finding suppression_finding(const char* rule, const std::string& path, const Suppression& s, std::string message) {
  Finding f;
  f.rule = rule;
  const Rule* r = find_rule(rule);
  f.severity = r ? r->doc().severity : Severity::Warning;
  f.loc = Location{path, s.line, s.col, 0};
  f.message = std::move(message);
  f.subject = std::string(rule) + ":" + quoted_list(s.rules);
  return f;
}

// Marks the findings that an active suppression covers and returns SUP001/SUP002
// for the suppression comments themselves (which nothing suppresses).
}  // namespace

std::vector<Finding> apply_suppressions(const Model& model, const RuleFilter& filter, std::vector<Finding>& findings) {
  std::map<std::string, std::vector<Suppression>> by_path;
  for (const auto& f : model.files)
    if (!f.records.suppressions.empty()) by_path[f.display_path] = f.records.suppressions;
  const std::string cwd = std::filesystem::current_path().string();
  std::set<std::string> on_disk;  // configuration files and other paths findings point at
  for (const auto& f : model.files) {
    if (!f.config) continue;
    if (!f.config->path.empty()) on_disk.insert(display_path(f.config->path, cwd));
    if (!f.config->parent_path.empty()) on_disk.insert(display_path(f.config->parent_path, cwd));
  }
  std::set<std::string> analysed;
  for (const auto& f : model.files) analysed.insert(f.display_path);
  for (const auto& f : findings)
    if (!analysed.count(f.loc.path)) on_disk.insert(f.loc.path);
  for (const auto& path : on_disk) {
    if (analysed.count(path)) continue;
    auto sups = scan_file_on_disk(path);
    if (!sups.empty()) by_path[path] = std::move(sups);
  }
  if (by_path.empty()) return {};

  const std::string today = today_date(filter);
  struct Active {
    const Suppression* s;
    std::vector<bool> used;  // per rule selector
  };
  std::map<std::string, std::map<uint32_t, std::vector<Active>>> active;  // path → target line → comments
  std::vector<Finding> out;
  for (const auto& [path, sups] : by_path) {
    for (const auto& s : sups) {
      if (!s.until.empty() && !s.until_valid) {
        out.push_back(suppression_finding("SUP001", path, s,
            "`until=" + s.until + "` is not a date written YYYY-MM-DD, so this suppression suppresses "
            "nothing; write a real date such as `until=2027-03-31`"));
        continue;
      }
      if (!s.until.empty() && s.until < today) {
        out.push_back(suppression_finding("SUP002", path, s,
            "this suppression of " + quoted_list(s.rules) + " expired on " + s.until +
            ", so the findings it covered are reported again; fix them, or agree a new date in review"));
        continue;
      }
      if (s.rules.empty()) {
        out.push_back(suppression_finding("SUP001", path, s,
            "this suppression names no rule, so it suppresses nothing; write `pipelint: ignore[RULE] reason`"));
        continue;
      }
      if (filter.require_reason && s.reason.empty())
        out.push_back(suppression_finding("SUP001", path, s,
            "this suppression of " + quoted_list(s.rules) +
            " gives no reason, which --require-reason demands; say why after the rule list"));
      active[path][s.target_line].push_back({&s, std::vector<bool>(s.rules.size(), false)});
    }
  }
  for (auto& f : findings) {
    auto p = active.find(f.loc.path);
    if (p == active.end()) continue;
    auto l = p->second.find(f.loc.line);
    if (l == p->second.end()) continue;
    for (auto& a : l->second) {
      for (size_t i = 0; i < a.s->rules.size(); ++i) {
        if (!selector_matches(a.s->rules[i], f.rule)) continue;
        f.suppressed = true;
        a.used[i] = true;
      }
    }
  }
  for (const auto& [path, lines] : active) {
    for (const auto& [line, comments] : lines) {
      for (const auto& a : comments) {
        std::vector<std::string> unused, unknown;
        for (size_t i = 0; i < a.s->rules.size(); ++i) {
          if (a.used[i]) continue;
          (unknown_selectors({a.s->rules[i]}).empty() ? unused : unknown).push_back(a.s->rules[i]);
        }
        if (unused.empty() && unknown.empty()) continue;
        std::string msg;
        if (!unknown.empty()) msg = "no rule is named " + quoted_list(unknown);
        if (!unused.empty())
          msg += (msg.empty() ? "" : "; ") + quoted_list(unused) + " matched no finding on line " + std::to_string(line);
        msg += ", so " + std::string(unused.size() + unknown.size() == a.s->rules.size() ? "this suppression" : "that part") +
               " suppresses nothing; remove " + (unused.size() + unknown.size() == a.s->rules.size() ? "it" : "those ids") +
               " (see `pipelint rules`)";
        out.push_back(suppression_finding("SUP001", path, *a.s, std::move(msg)));
      }
    }
  }
  return out;
}


}  // namespace pipelint

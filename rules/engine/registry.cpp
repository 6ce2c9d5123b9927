#include <algorithm>
#include <cctype>

#include "rules/engine/rule.h"

namespace pipelint {
namespace {

std::vector<const Rule*>& registry() {
  static std::vector<const Rule*> rules;
  return rules;
}
bool sorted = false;

}  // namespace

namespace detail {
bool register_rule(const Rule* rule) {
  registry().push_back(rule);
  sorted = false;
  return true;
}
}  // namespace detail

const std::vector<const Rule*>& all_rules() {
  if (!sorted) {  // registration happens during static initialisation, before any use
    std::sort(registry().begin(), registry().end(),
              [](const Rule* a, const Rule* b) { return a->doc().id < b->doc().id; });
    sorted = true;
  }
  return registry();
}

const Rule* find_rule(const std::string& id) {
  std::string up = id;
  for (auto& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const Rule* r : all_rules())
    if (r->doc().id == up) return r;
  return nullptr;
}

std::string rule_help_uri(const std::string& id) {
  std::string lower = id;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "https://github.com/gridunion/pipelint/blob/main/docs/rules.md#" + lower;
}

}  // namespace pipelint

// pipelint rules / pipelint explain ID: the rule registry and its documentation.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "analyzer/cli/commands.h"
#include "analyzer/output/report.h"
#include "rules/engine/rule.h"

namespace pipelint::cli {

Command add_rules_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  auto* cmd = app.add_subcommand("rules", "list every rule with its default severity");
  cmd->add_option("-f,--format", *format, "text, json or markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
  return {cmd, [format] {
    if (*format == "json") {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (const Rule* r : all_rules()) {
        const auto& d = r->doc();
        arr.push_back({{"id", d.id}, {"name", d.name}, {"family", d.family},
                       {"severity", to_string(d.severity)}, {"summary", d.summary}});
      }
      std::cout << arr.dump(2) << '\n';
    } else if (*format == "markdown") {
      std::cout << "| id | name | family | default | what it detects |\n|---|---|---|---|---|\n";
      for (const Rule* r : all_rules()) {
        const auto& d = r->doc();
        std::cout << "| " << d.id << " | " << d.name << " | " << d.family << " | " << to_string(d.severity)
                  << " | " << d.summary << " |\n";
      }
    } else {
      for (const Rule* r : all_rules()) {
        const auto& d = r->doc();
        std::string sev = to_string(d.severity);
        std::cout << d.id << std::string(d.id.size() < 8 ? 8 - d.id.size() : 1, ' ') << sev
                  << std::string(9 - sev.size(), ' ') << d.summary << '\n';
      }
    }
    return 0;
  }};
}

Command add_explain_command(CLI::App& app) {
  auto id = std::make_shared<std::string>();
  auto markdown = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("explain", "print a rule's documentation with a bad and a good example");
  cmd->add_option("rule", *id, "rule id, e.g. NS001")->required();
  cmd->add_flag("--markdown", *markdown, "print Markdown");
  return {cmd, [id, markdown] {
    const Rule* r = find_rule(*id);
    if (!r) {
      std::cerr << "pipelint: error: no rule named '" << *id << "' (see pipelint rules)\n";
      return 2;
    }
    std::cout << (*markdown ? rule_doc_markdown(r->doc()) : rule_doc_text(r->doc()));
    return 0;
  }};
}

}  // namespace pipelint::cli

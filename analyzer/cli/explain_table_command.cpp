// pipelint explain-table NAME [PATHS]: who owns a table and by which pattern, who
// writes and reads it in the analysed paths, its data contracts, and which rules
// apply to it.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/model/environment.h"
#include "analyzer/model/ownership.h"
#include "rules/contracts/table_contracts.h"
#include "rules/namespace/table_name.h"

namespace pipelint::cli {
namespace {

using json = nlohmann::ordered_json;

struct ExplainTableOptions {
  std::string table;
  PathOptions paths;
  std::string format = "text";
};

// The configuration file that defines a team's `owns`: the outermost parent
// (through `extends`) whose registry entry is the same as the one in force.
std::string registry_source(const Config& config, const std::string& team, ConfigLoader& loader) {
  const Config* current = &config;
  std::shared_ptr<const Config> holder;
  auto owns = config.teams.count(team) ? config.teams.at(team).owns : std::vector<std::string>{};
  for (int depth = 0; depth < 32 && !current->parent_path.empty(); ++depth) {
    auto parent = loader.load(current->parent_path);
    auto it = parent->teams.find(team);
    if (it == parent->teams.end() || it->second.owns != owns) break;
    holder = parent;
    current = holder.get();
  }
  return current->path.empty() ? "(built-in defaults)" : current->path;
}

// The named groups of the first namespace pattern the name matches.
struct NamespaceMatch {
  int index = -1;  // 0-based pattern index; -1 = none
  std::string pattern;
  std::vector<std::pair<std::string, std::string>> groups;
};

NamespaceMatch namespace_match(const std::string& table, const NamespaceConfig& ns) {
  std::string stored = table;
  std::transform(stored.begin(), stored.end(), stored.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  NamespaceMatch out;
  for (size_t i = 0; i < ns.patterns.size(); ++i) {
    const auto& p = ns.patterns[i];
    if (!p.re) continue;
    int n = p.re->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> found(static_cast<size_t>(n) + 1);
    if (!p.re->Match(stored, 0, stored.size(), re2::RE2::ANCHOR_BOTH, found.data(), n + 1)) continue;
    out.index = static_cast<int>(i);
    out.pattern = p.text;
    std::vector<std::pair<int, std::string>> named;
    for (const auto& [name, idx] : p.re->NamedCapturingGroups()) named.emplace_back(idx, name);
    std::sort(named.begin(), named.end());
    for (const auto& [idx, name] : named)
      if (found[static_cast<size_t>(idx)].data()) out.groups.emplace_back(name, std::string(found[static_cast<size_t>(idx)]));
    break;
  }
  return out;
}

std::string group(const NamespaceMatch& m, const std::string& name) {
  for (const auto& [k, v] : m.groups)
    if (k == name) return v;
  return "";
}

struct Rule {
  std::string id;
  std::string note;
};

std::vector<Rule> applicable_rules(const std::string& table, const Config& cfg, const TableOwnership& o,
                                   const NamespaceMatch& ns) {
  std::vector<Rule> rules;
  if (o.external) {
    rules.push_back({"-", "in `namespace.external`: outside the platform, no namespace or ownership rule applies"});
    return rules;
  }
  for (auto part : name_parts(table)) {
    std::string problem = catalog_problem(part);
    if (!problem.empty()) rules.push_back({"NS005", "`" + std::string(part) + "` " + problem});
  }
  if (name_parts(table).size() < 3) rules.push_back({"NS002", "not a three-part name: it depends on the session's catalog"});
  else if (ns.index < 0 && !cfg.ns.patterns.empty())
    rules.push_back({"NS001", "matches no namespace pattern: an error on every write, a warning on every read"});
  std::string env = group(ns, "env");
  if (!env.empty())
    rules.push_back({"NS003", "environment " + env + ": code of another environment writing it is an error, reading it a warning"});
  std::string layer = group(ns, "layer");
  if (!layer.empty()) {
    auto pos = std::find(cfg.ns.layers.begin(), cfg.ns.layers.end(), layer);
    std::string order;
    for (const auto& l : cfg.ns.layers) order += (order.empty() ? "" : " → ") + l;
    rules.push_back({"layer", "layer " + layer + (pos == cfg.ns.layers.end() ? " (not in namespace.layers)" : " of " + order) +
                                  ": data must flow left to right"});
  }
  if (cfg.teams.empty()) {
    rules.push_back({"OWN", "no `teams` registry: the ownership rules do not apply"});
  } else if (o.owners.empty()) {
    rules.push_back({"OWN002", "no team owns it: every write is reported"});
  } else {
    std::string owners;
    for (const auto& m : o.owners) owners += (owners.empty() ? "" : ", ") + m.team;
    if (o.owners.size() > 1 && o.exact)
      rules.push_back({"OWN004", "claimed by several teams (" + owners + "): reported at its first write"});
    rules.push_back({"OWN001", "writes from code of any team but " + owners + " are errors"});
    rules.push_back({"OWN005", o.published.empty() ? "not published: reads from other teams are warnings"
                                                   : "published (`" + o.published.front().pattern +
                                                         "`): other teams may read it"});
  }
  return rules;
}

json sla_json(const std::optional<SlaDuration>& d) {
  if (!d) return nullptr;
  return json{{"property", d->property}, {"value", d->text}, {"seconds", d->seconds}};
}

// Every contract covering the table: where, identity, columns and SLA.
json contracts_json(const Model& model, const std::string& table) {
  json out = json::array();
  TableContracts contracts(model);
  for (const auto& cover : contracts.of(table)) {
    const DataContract& c = cover.file->contract;
    Location at = table_location(*cover.file, *cover.object);
    json columns = json::array();
    for (const auto& p : cover.object->properties)
      columns.push_back({{"name", p.name},
                         {"logical_type", p.logical_type.value.empty() ? json(nullptr) : json(p.logical_type.value)},
                         {"physical_type", p.physical_type.value.empty() ? json(nullptr) : json(p.physical_type.value)},
                         {"required", p.required.value},
                         {"primary_key", p.primary_key.value},
                         {"classification", p.classification.value.empty() ? json(nullptr) : json(p.classification.value)}});
    auto text_or_null = [](const PosString& s) { return s.value.empty() ? json(nullptr) : json(s.value); };
    out.push_back({{"path", at.path},
                   {"line", at.line},
                   {"id", text_or_null(c.id)},
                   {"version", text_or_null(c.version)},
                   {"status", text_or_null(c.status)},
                   {"team", text_or_null(c.team)},
                   {"valid", cover.file->issues.empty()},
                   {"columns", columns},
                   {"sla", {{"latency", sla_json(c.sla.latency)},
                            {"frequency", sla_json(c.sla.frequency)},
                            {"retention", sla_json(c.sla.retention)}}}});
  }
  return out;
}

std::string or_dash(const json& v) { return v.is_null() ? std::string("-") : v.get<std::string>(); }

void print_contracts(std::ostream& os, const json& contracts) {
  if (contracts.empty()) os << "  contract   none in the analysed paths\n";
  for (const auto& c : contracts) {
    os << "  contract   " << or_dash(c["id"]) << ' ' << or_dash(c["version"]) << ", " << or_dash(c["status"])
       << (c["valid"].get<bool>() ? "" : " (invalid: see CTR001)") << "  " << c["path"].get<std::string>() << ':'
       << c["line"].get<uint32_t>() << '\n';
    if (!c["team"].is_null()) os << "             team " << c["team"].get<std::string>() << '\n';
    os << "             sla ";
    for (const char* k : {"latency", "frequency", "retention"})
      os << ' ' << k << ' ' << (c["sla"][k].is_null() ? std::string("-") : c["sla"][k]["value"].get<std::string>())
         << (std::string(k) == "retention" ? "" : ",");
    os << '\n';
    for (const auto& col : c["columns"]) {
      std::string type = col["physical_type"].is_null() ? or_dash(col["logical_type"]) : col["physical_type"].get<std::string>();
      std::string name = col["name"].get<std::string>();
      std::string line = name + std::string(name.size() < 20 ? 20 - name.size() : 1, ' ') + type +
                         std::string(type.size() < 16 ? 16 - type.size() : 1, ' ');
      if (col["required"].get<bool>()) line += " required";
      if (col["primary_key"].get<bool>()) line += " pk";
      if (!col["classification"].is_null()) line += " " + col["classification"].get<std::string>();
      while (!line.empty() && line.back() == ' ') line.pop_back();
      os << "             " << line << '\n';
    }
  }
}

std::vector<Rule> contract_rules(const Config& cfg, const TableOwnership& o, const NamespaceMatch& ns,
                                 const json& contracts) {
  std::vector<Rule> rules;
  if (o.external) return rules;
  if (contracts.empty()) {
    if (!o.published.empty()) rules.push_back({"CTR004", "published without a contract: reads from other teams are warnings"});
    std::vector<std::string> layers{"gold"};
    if (const auto* opt = cfg.rule_option("CTR008", "layers"); opt && opt->is_array()) {
      layers.clear();
      for (const auto& v : *opt)
        if (v.is_string()) layers.push_back(v.get<std::string>());
    }
    std::string layer = group(ns, "layer");
    if (!layer.empty() && std::find(layers.begin(), layers.end(), layer) != layers.end())
      rules.push_back({"CTR008", "a " + layer + " table (published layer) without a contract: its first write is a warning"});
    return rules;
  }
  const json& first = contracts.front();
  std::string status = first["status"].is_null() ? "" : first["status"].get<std::string>();
  if (status == "deprecated" || status == "retired")
    rules.push_back({"CTR007", "contract " + status + ": reads by other teams' pipelines are warnings"});
  rules.push_back({"CTR006", "a CREATE TABLE must declare the contract's columns and types; the contract needs a writer"});
  return rules;
}

// The registry to answer with: --config (the root configuration), else that of
// the first file touching the table, else of the first file, that has a registry.
const Config* choose_config(const Model& model, const std::string& table) {
  if (!model.root_config) return nullptr;
  if (!model.root_config->teams.empty()) return model.root_config.get();
  for (const auto& a : model.accesses)
    if ((a.table == table || a.path_location == table) && !model.file_of(a).config->teams.empty())
      return model.file_of(a).config.get();
  for (const auto& f : model.files)
    if (f.config && !f.config->teams.empty()) return f.config.get();
  return model.root_config.get();
}

int run_explain_table(ExplainTableOptions& o) {
  Analysis analysis;
  if (!run_analysis(o.paths, analysis)) return 2;
  print_failures(analysis.failures, o.paths.quiet || o.format != "text");
  const Model& model = analysis.model;
  const Config* chosen = choose_config(model, o.table);
  if (!chosen) {
    std::cerr << "pipelint: error: no configuration to explain the table with\n";
    return 2;
  }
  const Config& cfg = *chosen;
  ConfigLoader loader;
  Registry registry(cfg);
  TableOwnership owner = registry.lookup(o.table);
  NamespaceMatch ns = namespace_match(o.table, cfg.ns);

  json owners = json::array();
  for (const auto& m : owner.owners) {
    const auto& team = cfg.teams.at(m.team);
    owners.push_back({{"team", m.team}, {"name", team.name}, {"contact", team.contact}, {"pattern", m.pattern},
                      {"config", registry_source(cfg, m.team, loader)}});
  }
  json published = json::array();
  for (const auto& p : owner.published) published.push_back({{"team", p.team}, {"pattern", p.pattern}});
  json writers = json::array(), readers = json::array();
  for (const auto& a : model.accesses) {
    if (a.table != o.table && a.path_location != o.table) continue;
    const auto& file = model.file_of(a);
    const auto& rec = a.rec(model);
    json entry{{"path", file.display_path}, {"line", rec.line}, {"col", rec.col},
               {"team", file.team.empty() ? json(nullptr) : json(file.team)},
               {"mode", rec.mode.empty() ? json(nullptr) : json(rec.mode)}, {"api", rec.api}};
    (rec.op == Op::Write ? writers : readers).push_back(std::move(entry));
  }
  json contracts = contracts_json(model, o.table);
  json groups = json::object();
  for (const auto& [k, v] : ns.groups) groups[k] = v;
  json rules = json::array();
  for (const auto& r : applicable_rules(o.table, cfg, owner, ns)) rules.push_back({{"rule", r.id}, {"note", r.note}});
  for (const auto& r : contract_rules(cfg, owner, ns, contracts)) rules.push_back({{"rule", r.id}, {"note", r.note}});

  std::ofstream file;
  std::ostream* out = open_output(o.paths.output, file);
  if (!out) return 2;
  std::ostream& os = *out;
  if (o.format == "json") {
    json out{{"table", o.table},
             {"config", cfg.path},
             {"external", owner.external},
             {"owners", owners},
             {"published", published},
             {"namespace", ns.index < 0 ? json(nullptr) : json{{"pattern", ns.pattern}, {"groups", groups}}},
             {"writers", writers},
             {"readers", readers},
             {"contracts", contracts},
             {"rules", rules}};
    os << out.dump(2) << '\n';
    return 0;
  }
  os << o.table << '\n';
  if (owner.external) {
    os << "  owner      none: in namespace.external (outside the platform)\n";
  } else if (cfg.teams.empty()) {
    os << "  owner      unknown: no `teams` registry in " << (cfg.path.empty() ? "the configuration" : cfg.path) << '\n';
  } else if (owners.empty()) {
    os << "  owner      none: no teams.*.owns pattern matches it\n";
  }
  for (const auto& ow : owners) {
    os << "  owner      " << ow["team"].get<std::string>();
    if (!ow["name"].get<std::string>().empty()) os << " — " << ow["name"].get<std::string>();
    if (!ow["contact"].get<std::string>().empty()) os << ", contact " << ow["contact"].get<std::string>();
    os << "\n             by `" << ow["pattern"].get<std::string>() << "` in teams." << ow["team"].get<std::string>()
              << ".owns of " << ow["config"].get<std::string>() << '\n';
  }
  if (!owner.external && !owner.owners.empty())
    os << "  published  "
              << (owner.published.empty() ? std::string("no: other teams' reads are OWN005")
                                          : "yes, by `" + owner.published.front().pattern + "`")
              << '\n';
  if (ns.index >= 0) {
    os << "  namespace  pattern " << ns.index + 1 << " `" << pattern_shape(ns.pattern) << "`:";
    for (const auto& [k, v] : ns.groups) os << ' ' << k << '=' << v;
    os << '\n';
  }
  auto list = [&os](const char* label, const json& items) {
    os << "  " << label << std::string(11 - std::string(label).size(), ' ') << items.size()
              << " in the analysed paths\n";
    for (const auto& w : items) {
      os << "             " << w["path"].get<std::string>() << ':' << w["line"].get<uint32_t>() << "  "
                << (w["team"].is_null() ? std::string("(no team)") : w["team"].get<std::string>());
      if (!w["mode"].is_null()) os << "  " << w["mode"].get<std::string>();
      os << "  " << w["api"].get<std::string>() << '\n';
    }
  };
  list("writers", writers);
  list("readers", readers);
  print_contracts(os, contracts);
  os << "  rules\n";
  for (const auto& r : rules)
    os << "    " << r["rule"].get<std::string>() << std::string(8 - std::min<size_t>(7, r["rule"].get<std::string>().size()), ' ')
              << r["note"].get<std::string>() << '\n';
  return 0;
}

}  // namespace

Command add_explain_table_command(CLI::App& app) {
  auto o = std::make_shared<ExplainTableOptions>();
  auto* cmd = app.add_subcommand("explain-table",
                                 "who owns a table (and by which pattern), who writes and reads it, which rules apply");
  cmd->add_option("table", o->table, "resolved table name, e.g. prod_de.silver_metering.readings")->required();
  add_path_options(*cmd, o->paths);
  cmd->add_option("-f,--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return {cmd, [o] { return run_explain_table(*o); }};
}

}  // namespace pipelint::cli

// Hand-built models for the graph tests: a GridUnion-like namespace, a small team
// registry, and files whose accesses are written as (op, table, mode).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "analyzer/model/graph/platform_graph.h"
#include "rules/engine/rule.h"

namespace pipelint::test {

struct Acc {
  Op op;
  std::string table;  // "{x}" parts become holes
  std::string mode = "";
  uint32_t line = 1;
  Kind kind = Kind::Table;
};
inline Acc rd(std::string t, uint32_t line = 1) { return {Op::Read, std::move(t), "", line}; }
inline Acc wr(std::string t, std::string mode = "append", uint32_t line = 2) { return {Op::Write, std::move(t), std::move(mode), line}; }

inline NameTemplate name_template(const std::string& s) {
  NameTemplate t;
  size_t i = 0;
  while (i < s.size()) {
    size_t open = s.find('{', i);
    if (open == std::string::npos) { t.append(NameTemplate::literal(s.substr(i))); break; }
    if (open > i) t.append(NameTemplate::literal(s.substr(i, open - i)));
    size_t close = s.find('}', open);
    if (close == std::string::npos) { t.append(NameTemplate::literal(s.substr(i))); break; }
    t.append(NameTemplate::hole(s.substr(open + 1, close - open - 1), HoleSource::Variable));
    i = close + 1;
  }
  return t;
}

class ModelBuilder {
 public:
  explicit ModelBuilder(std::vector<std::string> layers = {"bronze", "silver", "gold"}) {
    base_.ns.patterns.push_back(pattern(
        R"(^(?P<env>dev|test|prod)_(?P<country>de|fr|nl|lu|eu)\.(?P<layer>bronze|silver|gold)_(?P<domain>[a-z][a-z0-9]*)\.(?P<table>[a-z][a-z0-9_]*)$)"));
    base_.ns.layers = std::move(layers);
    base_.ns.external = {"system.*", "samples.*"};
    add_team("nordgrid-de", {"*_de.*.*"});
    add_team("electra-fr", {"*_fr.*.*"});
    add_team("demand-forecasting", {"*_eu.silver_features.*", "*_eu.gold_forecast.*"});
  }

  ModelBuilder& no_teams() { base_.teams.clear(); return *this; }
  ModelBuilder& require_qualified(bool on) { base_.ns.require_qualified = on; return *this; }
  ModelBuilder& add_team(const std::string& id, std::vector<std::string> owns) {
    TeamConfig t;
    t.id = id;
    t.owns = std::move(owns);
    base_.teams[id] = t;
    return *this;
  }

  // Files must be added in path order (the Model is sorted by display_path).
  ModelBuilder& file(const std::string& path, const std::string& team, const std::vector<Acc>& accesses) {
    FileEntry f;
    f.display_path = f.repo_rel = f.config_rel = path;
    f.abs_path = "/platform/" + path;
    f.repo_root = "/platform";
    f.lang = Language::Python;
    auto config = std::make_shared<Config>(base_);
    config->team = team;
    f.config = config;
    for (const auto& a : accesses) {
      AccessRecord r;
      r.line = a.line;
      r.col = 1;
      r.op = a.op;
      r.kind = a.kind;
      r.mode = a.mode;
      r.api = a.op == Op::Read ? "table" : "saveAsTable";
      r.name = name_template(a.table);
      f.records.accesses.push_back(std::move(r));
    }
    model_.files.push_back(std::move(f));
    return *this;
  }

  Model build() {
    build_accesses(model_);
    return std::move(model_);
  }

 private:
  static NamespacePattern pattern(const std::string& re) {
    return NamespacePattern{re, std::make_shared<const re2::RE2>(re)};
  }
  Config base_;
  Model model_;
};

inline std::vector<Finding> run_rule(const std::string& id, const Model& m) {
  std::vector<Finding> out;
  const Rule* rule = find_rule(id);
  if (rule) rule->check(m, out);
  return out;
}

}  // namespace pipelint::test

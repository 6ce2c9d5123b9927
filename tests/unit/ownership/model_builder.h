// Builds small models by hand: a GridUnion-like registry and files with accesses.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "analyzer/model/model.h"
#include "analyzer/model/ownership.h"
#include "rules/engine/engine.h"

namespace pipelint::test {

inline std::shared_ptr<Config> gridunion_config(const std::string& team = "") {
  auto c = std::make_shared<Config>();
  c->path = "/platform/pipelint.yaml";
  c->dir = "/platform";
  c->team = team;
  std::string re = R"(^(?P<env>dev|test|prod)_(?P<country>de|fr|nl|lu|eu)\.(?P<layer>bronze|silver|gold)_(?P<domain>[a-z][a-z0-9]*)\.(?P<table>[a-z][a-z0-9_]*)$)";
  c->ns.patterns.push_back({re, std::make_shared<re2::RE2>(re)});
  c->ns.external = {"system.*"};
  auto add = [&](std::string id, std::string contact, std::vector<std::string> owns, std::vector<std::string> pubs,
                 std::vector<std::string> repos, std::vector<std::string> paths) {
    TeamConfig t;
    t.id = id;
    t.contact = contact;
    t.owns = owns;
    t.publishes = pubs;
    t.repos = repos;
    t.paths = paths;
    c->teams[id] = t;
  };
  add("nordgrid-de", "#nordgrid-data", {"*_de.silver_metering.*", "*_de.silver_billing.*", "*_de.gold_billing.*"},
      {"*_de.gold_billing.*"}, {"de-metering-pipelines"}, {"de/**"});
  add("electra-fr", "#electra-data", {"*_fr.silver_billing.*"}, {}, {"fr-electra-ingest"}, {"fr/**"});
  add("commercial-analytics", "#commercial-analytics", {"*.gold_commercial.*"}, {"*.gold_commercial.churn_scores"},
      {"analytics-commercial"}, {"analytics/**"});
  add("shared-billing", "#billing", {"*_eu.silver_billing.*", "*.silver_shared.*"}, {}, {}, {});
  add("platform", "#data-platform", {"*_lu.silver_*.*"}, {}, {}, {});
  return c;
}

struct Access {
  uint32_t line;
  Op op;
  NameTemplate name;
  Kind kind = Kind::Table;
};

inline AccessRecord record(const Access& a) {
  AccessRecord r;
  r.line = a.line;
  r.col = 5;
  r.op = a.op;
  r.kind = a.kind;
  r.mode = a.op == Op::Write ? "overwrite" : "";
  r.api = a.op == Op::Write ? "saveAsTable" : "table";
  r.name = a.name;
  return r;
}

struct ModelBuilder {
  Model model;
  void file(const std::string& repo, const std::string& rel, std::shared_ptr<const Config> config,
            std::vector<Access> accesses, std::vector<Suppression> suppressions = {}) {
    FileEntry f;
    f.repo_root = "/repos/" + repo;
    f.repo_rel = rel;
    f.display_path = "repos/" + repo + "/" + rel;
    f.abs_path = "/" + f.display_path;
    f.config_rel = rel;
    f.config = std::move(config);
    for (const auto& a : accesses) f.records.accesses.push_back(record(a));
    f.records.suppressions = std::move(suppressions);
    model.files.push_back(std::move(f));
  }
  Model& build() {
    std::sort(model.files.begin(), model.files.end(),
              [](const FileEntry& a, const FileEntry& b) { return a.display_path < b.display_path; });
    build_accesses(model);
    build_ownership(model);
    return model;
  }
};

inline NameTemplate lit(const std::string& s) { return NameTemplate::literal(s); }
inline NameTemplate with_hole(const std::string& hole, const std::string& rest) {
  NameTemplate t = NameTemplate::hole(hole, HoleSource::Variable);
  t.append(NameTemplate::literal(rest));
  return t;
}

// Findings of the given rule: "path:line".
inline std::vector<std::string> where(const std::vector<Finding>& findings, const std::string& rule,
                                      bool include_suppressed = false) {
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (f.rule == rule && (include_suppressed || !f.suppressed)) out.push_back(f.loc.path + ":" + std::to_string(f.loc.line));
  return out;
}

inline const Finding* find(const std::vector<Finding>& findings, const std::string& rule) {
  for (const auto& f : findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

inline RuleFilter only(std::vector<std::string> select, std::string today = "2026-06-01") {
  RuleFilter f;
  f.select = std::move(select);
  f.today = std::move(today);
  return f;
}

}  // namespace pipelint::test

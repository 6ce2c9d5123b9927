// Helpers for the orchestration tests: DAG extraction through the Python
// extractor, and whole analyses of scratch repositories with the rules.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analyzer/driver/analyze.h"
#include "parsers/python/python_extractor.h"
#include "rules/engine/engine.h"

namespace pipelint::test {

inline Orchestration dag_file(const std::string& src, const std::string& rel = "dags/pipeline.py") {
  return py::analyze(rel, src).airflow.orchestration;
}

inline std::set<std::string> task_ids(const Orchestration& o) {
  std::set<std::string> out;
  for (const auto& t : o.tasks) out.insert(t.dag_id + ":" + t.task_id);
  return out;
}

inline std::set<std::string> edges(const Orchestration& o) {
  std::set<std::string> out;
  for (const auto& e : o.edges) out.insert(e.upstream + ">>" + e.downstream);
  return out;
}

inline const TaskRecord* task(const Orchestration& o, const std::string& id) {
  for (const auto& t : o.tasks)
    if (t.task_id == id) return &t;
  return nullptr;
}

class Scratch {
 public:
  Scratch() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("pipelint-airflow-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(root_);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  void write(const std::string& rel, const std::string& content) const {
    auto p = root_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  std::string path() const { return root_.string(); }

  Analysis analyze() const {
    AnalyzeOptions opts;
    opts.paths = {root_.string()};
    opts.cwd = root_.string();
    opts.jobs = 1;
    return analyze_paths(opts);
  }

  // Findings of `rule` as "path:line".
  std::vector<std::string> findings(const std::string& rule) const {
    Analysis a = analyze();
    RuleFilter f;
    f.select = {rule};
    std::vector<std::string> out;
    for (const auto& x : run_rules(a.model, f))
      if (x.rule == rule) out.push_back(x.loc.path + ":" + std::to_string(x.loc.line));
    return out;
  }

 private:
  std::filesystem::path root_;
};

// A platform config with two teams, for repositories of the tests.
inline const char* kConfig = R"(version: 1
team: billing-de
teams:
  billing-de:
    owns: ['*_de.*.*']
    cost_center: DE-4410
  electra-fr:
    owns: ['*_fr.*.*']
    cost_center: FR-2200
)";

}  // namespace pipelint::test

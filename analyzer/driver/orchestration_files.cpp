#include "analyzer/driver/orchestration_files.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "analyzer/driver/source_checks.h"
#include "analyzer/model/glob.h"
#include "parsers/airflow/airflow_extractor.h"
#include "parsers/bundles/bundle_parser.h"
#include "parsers/pipeline_yaml/pipeline_config.h"

namespace fs = std::filesystem;

namespace pipelint {

bool analyze_pipeline_yaml(const std::string& abs_path, std::string_view bytes, const Config& config,
                           FileRecords& out) {
  if (bundles::is_bundle_root(fs::path(abs_path).filename().string())) return true;
  std::string rel = fs::path(abs_path).lexically_relative(config.dir).generic_string();
  for (const auto& spec : config.pipelines_yaml) {
    if (spec.files.empty() || !glob_match(spec.files, rel)) continue;
    auto check = check_bytes(bytes);
    if (check.diagnostic) out.diagnostics.push_back(*check.diagnostic);
    if (check.fatal) return true;
    FileRecords recs = pipeline_yaml::extract(bytes, {spec.reads, spec.writes, spec.mode});
    for (auto& a : recs.accesses) out.accesses.push_back(std::move(a));
    for (auto& d : recs.diagnostics) out.diagnostics.push_back(std::move(d));
    return true;
  }
  return false;
}

void attach_bundles(std::vector<BundleSlot>& yaml, const FileText& read) {
  std::map<std::string, BundleSlot*> by_path;
  for (auto& s : yaml) by_path[s.abs_path] = &s;
  for (auto& root : yaml) {
    if (!bundles::is_bundle_root(fs::path(root.abs_path).filename().string())) continue;
    std::string dir = fs::path(root.abs_path).parent_path().string();
    auto expand = [&](const std::string& pattern) {
      std::vector<std::string> out;
      for (const auto& s : yaml) {
        std::string rel = fs::path(s.abs_path).lexically_relative(dir).generic_string();
        if (rel.empty() || rel.rfind("..", 0) == 0) continue;
        if (glob_match(pattern, rel)) out.push_back(s.abs_path);
      }
      return out;
    };
    auto reader = [&](const std::string& path) -> std::optional<std::string> {
      auto text = read(path);
      if (text && check_bytes(*text).fatal) return std::nullopt;
      return text;
    };
    for (auto& f : bundles::parse_bundle(root.abs_path, reader, expand)) {
      auto it = by_path.find(f.abs_path);
      if (it == by_path.end()) continue;
      FileRecords& dst = *it->second->records;
      *it->second->kept = true;
      for (auto& d : f.records.diagnostics) dst.diagnostics.push_back(std::move(d));
      auto& o = dst.orchestration;
      auto& src = f.records.orchestration;
      for (auto& x : src.dags) o.dags.push_back(std::move(x));
      for (auto& x : src.tasks) o.tasks.push_back(std::move(x));
      for (auto& x : src.edges) o.edges.push_back(std::move(x));
      for (auto& x : src.clusters) o.clusters.push_back(std::move(x));
    }
  }
}

void link_dag_default_args(const std::vector<py::FileAnalysis*>& parsed, const std::string& root) {
  std::map<std::string, const Orchestration*> known;
  for (auto* f : parsed) known[f->rel_path] = &f->airflow.orchestration;
  std::map<std::string, std::unique_ptr<Orchestration>> loaded;
  auto load = [&](const std::string& rel) -> const Orchestration* {
    auto k = known.find(rel);
    if (k != known.end()) return k->second;
    auto l = loaded.find(rel);
    if (l != loaded.end()) return l->second.get();
    std::unique_ptr<Orchestration> o;
    std::error_code ec;
    fs::path p = fs::path(root) / rel;
    if (fs::is_regular_file(p, ec)) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      std::string bytes = ss.str();
      if (!check_bytes(bytes).fatal)
        o = std::make_unique<Orchestration>(airflow::extract_source(bytes, rel).orchestration);
    }
    return (loaded[rel] = std::move(o)).get();
  };
  for (auto* f : parsed) {
    bool needs = false;
    for (const auto& d : f->airflow.orchestration.dags) needs |= !d.default_args_name.empty();
    if (needs) airflow::link_default_args(f->airflow.orchestration, load);
  }
}

}  // namespace pipelint

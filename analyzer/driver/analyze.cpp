#include "analyzer/driver/analyze.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <cerrno>
#include <cstring>
#include <tuple>
#include <mutex>
#include <sstream>
#include <thread>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "analyzer/driver/config_health.h"
#include "analyzer/driver/discovery.h"
#include "analyzer/driver/index_io.h"
#include "analyzer/driver/source_checks.h"
#include "analyzer/driver/orchestration_files.h"
#include "analyzer/model/glob.h"
#include "analyzer/model/paths.h"
#include "parsers/contracts/contract_loader.h"
#include "parsers/airflow/airflow_extractor.h"
#include "parsers/python/python_extractor.h"
#include "parsers/sql/sql_extractor.h"
#include "parsers/common/line_index.h"
#include "parsers/common/suppressions.h"
#include "analyzer/model/ownership.h"

namespace fs = std::filesystem;

namespace pipelint {
namespace {

bool read_file(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = "cannot read: I/O error";
    return false;
  }
  out = ss.str();
  return true;
}

std::string relative_to(const std::string& abs, const std::string& dir) {
  if (dir.empty()) return fs::path(abs).filename().generic_string();
  auto rel = fs::path(abs).lexically_relative(dir).generic_string();
  if (rel.empty() || rel.rfind("..", 0) == 0) return fs::path(abs).generic_string();
  return rel;
}

// SQL files: one extraction over the whole text.
FileRecords analyze_sql_file(std::string_view text) {
  FileRecords recs;
  auto result = sql::extract(text);
  LineIndex index(text);
  for (auto& a : result.accesses) {
    AccessRecord r;
    std::tie(r.line, r.col) = index.position(a.offset);
    r.op = a.op;
    r.kind = a.kind;
    r.mode = a.mode;
    r.api = "sql:" + a.statement;
    r.name = std::move(a.name);
    recs.accesses.push_back(std::move(r));
  }
  for (auto& c : result.created_columns) {
    DeclaredColumns d;
    std::tie(d.line, d.col) = index.position(c.offset);
    d.table = std::move(c.table);
    d.columns = std::move(c.columns);
    recs.declared_columns.push_back(std::move(d));
  }
  for (auto& c : result.columns) {  // indices match: accesses were copied in order
    ColumnRef r;
    std::tie(r.line, r.col) = index.position(c.offset);
    r.access = static_cast<uint32_t>(c.access);
    r.into = c.into;
    r.column = std::move(c.column);
    r.how = std::move(c.how);
    r.as = std::move(c.as);
    recs.columns.push_back(std::move(r));
  }
  if (result.error) {
    auto [line, col] = index.position(result.error->offset);
    recs.diagnostics.push_back({line, col, "SYN001", "SQL syntax error: " + result.error->message});
  }
  return recs;
}

// Per-file work item: everything a parser thread produces.
struct Unit {
  DiscoveredFile file;
  std::string repo_root;
  std::shared_ptr<const Config> config;
  bool readable = true;
  bool skipped_by_prefilter = false;  // Python file that cannot hold an access: parsed only on demand
  std::string failure;
  Language lang = Language::Other;
  FileRecords records;
  py::FileAnalysis py;
  bool yaml_kept = false;  // a bundle or pipeline-config file; other YAML files are dropped
  std::optional<ContractFile> contract;  // a data contract (kind: DataContract, or under contracts.paths)
};

// Is this YAML file a data contract: under the config's contracts.paths, or
// declaring `kind: DataContract` itself?
bool is_contract_file(const std::string& abs_path, std::string_view bytes, const Config& config) {
  if (is_data_contract(bytes)) return true;
  std::string rel = relative_to(abs_path, config.dir);
  for (const auto& pattern : config.contract_paths)
    if (glob_match(pattern, rel)) return true;
  return false;
}

// `dir` is `root` or a folder below it (both absolute and normalised).
bool is_within(const std::string& dir, const std::string& root) {
  return dir == root || (dir.size() > root.size() && dir.starts_with(root) &&
                         (root.ends_with('/') || dir[root.size()] == '/'));
}

// An absolute, normalised folder without a trailing separator; a file's folder.
std::string normalised_dir(const std::string& path, const std::string& cwd) {
  fs::path p = (fs::path(cwd) / path).lexically_normal();
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) p = p.parent_path();
  return p.string();
}

// The configuration of each folder: a fixed file (check --config), the platform
// file where the repository holds none (audit --config), else discovery.
class ConfigResolver {
 public:
  ConfigResolver(ConfigLoader& loader, std::string fixed, std::string platform)
      : loader_(loader), fixed_(std::move(fixed)), platform_(std::move(platform)) {}
  std::shared_ptr<const Config> for_dir(const std::string& dir, const std::string& repo_root) {
    if (!fixed_.empty()) return loader_.load(fixed_);
    auto it = by_dir_.find(dir);
    if (it != by_dir_.end()) return it->second;
    std::string found = ConfigLoader::discover(dir);
    if (!platform_.empty() && !found.empty() && !is_within(fs::path(found).parent_path().string(), repo_root))
      found.clear();  // a file above the repository is not the repository's
    std::shared_ptr<const Config> cfg;
    if (!found.empty()) cfg = loader_.load(found);
    else if (!platform_.empty()) cfg = loader_.load(platform_);
    else cfg = loader_.defaults(dir);
    by_dir_[dir] = cfg;
    return cfg;
  }

 private:
  ConfigLoader& loader_;
  std::string fixed_;
  std::string platform_;
  std::map<std::string, std::shared_ptr<const Config>> by_dir_;
};

// Where a file's repository starts when the audit was given `stop` as a
// repository: the nearest marker folder, but never above `stop`.
std::string repository_root_below(const std::string& dir, const std::string& stop) {
  std::error_code ec;
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    if (p.string() == stop) return stop;
    if (fs::exists(p / ".git", ec) || fs::exists(p / "pipelint.yaml", ec) || fs::exists(p / ".pipelint.yaml", ec))
      return p.string();
    if (p == p.parent_path()) break;
  }
  return stop;
}

double ms_since(std::chrono::steady_clock::time_point& start) {
  auto now = std::chrono::steady_clock::now();
  double ms = std::chrono::duration<double, std::milli>(now - start).count();
  start = now;
  return ms;
}

// Index files are resolved with the checking run's configuration, not their
// own: what the whole-platform run computed replaces that resolution.
void apply_index_resolutions(Model& model) {
  for (auto& a : model.accesses) {
    const FileEntry& f = model.files[a.file];
    if (!f.from_index || a.record >= f.index_accesses.size()) continue;
    const IndexedAccess& ia = f.index_accesses[a.record];
    a.table = ia.table;
    a.resolved = static_cast<Resolution>(ia.resolved);
    a.path_location = ia.path_location;
  }
}

void apply_index_ownership(Model& model, const std::vector<std::array<std::string, 4>>& owners) {
  size_t next = 0;
  for (auto& f : model.files) {
    if (!f.from_index) continue;
    const auto& o = owners[next++];
    f.team = o[0], f.team_source = o[1], f.env = o[2], f.env_source = o[3];
  }
  for (auto& a : model.accesses) {
    const FileEntry& f = model.files[a.file];
    if (f.from_index && a.record < f.index_accesses.size()) a.env = f.index_accesses[a.record].env;
  }
}

}  // namespace

std::string repository_root(const std::string& dir, const std::string& fallback) {
  std::error_code ec;
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec) || fs::exists(p / "pipelint.yaml", ec) || fs::exists(p / ".pipelint.yaml", ec))
      return p.string();
    if (p == p.parent_path()) break;
  }
  return fallback;
}

Analysis analyze_paths(const AnalyzeOptions& opts) {
  auto phase_start = std::chrono::steady_clock::now();
  Analysis out;
  ConfigLoader loader;
  if (!opts.config_path.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(opts.config_path, ec)) {
      out.error = "configuration file not found: " + opts.config_path;
      return out;
    }
  }
  std::string given_config =
      opts.config_path.empty() ? "" : fs::absolute(opts.config_path).lexically_normal().string();
  std::string fixed_config = opts.audit ? "" : given_config;
  std::string platform_config = opts.audit ? given_config : "";
  if (!platform_config.empty()) {
    if (auto bad = fatal_config_issue(*loader.load(platform_config), opts.cwd)) {
      out.error = "the platform configuration is unusable: " + *bad;
      return out;
    }
  }
  ConfigResolver configs(loader, fixed_config, platform_config);

  auto found = discover_files(opts.paths, opts.excludes, opts.cwd);
  out.failures = std::move(found.notes);
  std::string stdin_abs;
  if (opts.stdin_path) {
    stdin_abs = (fs::path(opts.cwd) / *opts.stdin_path).lexically_normal().string();
    bool present = std::any_of(found.files.begin(), found.files.end(),
                               [&](const DiscoveredFile& f) { return f.abs_path == stdin_abs; });
    if (!present) {
      FileType t = FileType::Python;
      file_type_of(stdin_abs, t);
      found.files.push_back({stdin_abs, t});
    }
    // An editor buffer stands for the file: a "missing" note for it is no failure.
    std::erase_if(out.failures, [&](const FileFailure& f) { return f.path == *opts.stdin_path; });
  }

  // audit: each path is a repository (or a folder of them); deepest first.
  std::vector<std::string> audit_roots;
  std::map<std::string, std::string> root_argument;  // normalised root -> the argument as given
  if (opts.audit) {
    for (const auto& p : opts.paths) {
      audit_roots.push_back(normalised_dir(p, opts.cwd));
      root_argument.emplace(audit_roots.back(), p);
    }
    std::sort(audit_roots.begin(), audit_roots.end(),
              [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  }

  // Configuration and repository roots, sequentially (cheap, cached per folder).
  std::vector<Unit> units(found.files.size());
  std::map<std::string, std::string> root_by_dir;
  std::string fallback_root = opts.paths.empty() ? opts.cwd : fs::absolute(opts.paths.front()).lexically_normal().string();
  if (fs::is_regular_file(fallback_root)) fallback_root = fs::path(fallback_root).parent_path().string();
  auto root_of_dir = [&](const std::string& dir) {
    for (const auto& root : audit_roots)
      if (is_within(dir, root)) return repository_root_below(dir, root);
    return repository_root(dir, fallback_root);
  };
  for (size_t i = 0; i < units.size(); ++i) {
    units[i].file = found.files[i];
    std::string dir = fs::path(found.files[i].abs_path).parent_path().string();
    auto it = root_by_dir.find(dir);
    if (it == root_by_dir.end()) it = root_by_dir.emplace(dir, root_of_dir(dir)).first;
    units[i].repo_root = it->second;
    units[i].config = configs.for_dir(dir, it->second);
  }

  // audit: a repository that cannot be read or configured is left out, reported.
  std::map<std::string, std::string> failed_repos;  // repo root -> reason
  std::vector<std::shared_ptr<const Config>> failed_configs;  // their issues are still reported
  if (opts.audit) {
    std::map<const Config*, std::optional<std::string>> verdicts;
    for (const auto& u : units) {
      if (failed_repos.count(u.repo_root)) continue;
      auto v = verdicts.find(u.config.get());
      if (v == verdicts.end()) v = verdicts.emplace(u.config.get(), fatal_config_issue(*u.config, opts.cwd)).first;
      if (v->second) {
        failed_repos[u.repo_root] = *v->second;
        failed_configs.push_back(u.config);
      }
    }
    std::erase_if(units, [&](const Unit& u) { return failed_repos.count(u.repo_root) > 0; });
    // A root that could not be walked at all is a failed repository, not a file note.
    std::erase_if(out.failures, [&](const FileFailure& f) {
      for (const auto& root : audit_roots)
        if (f.path == root_argument[root] || f.path == display_path(root, opts.cwd)) {
          failed_repos.emplace(root, f.message);
          return true;
        }
      return false;
    });
  }
  out.times.discovery = ms_since(phase_start);

  // Progress: files parsed, and repositories whose files are all parsed.
  std::vector<uint32_t> unit_repo(units.size());
  size_t repo_count = 0;
  {
    std::map<std::string, uint32_t> repo_ids;
    for (size_t i = 0; i < units.size(); ++i)
      unit_repo[i] = repo_ids.emplace(units[i].repo_root, static_cast<uint32_t>(repo_ids.size())).first->second;
    repo_count = repo_ids.size();
  }
  std::vector<std::atomic<size_t>> files_left(repo_count);
  for (uint32_t r : unit_repo) files_left[r].fetch_add(1, std::memory_order_relaxed);
  std::atomic<size_t> files_done{0}, repos_done{0};
  auto report_progress = [&](std::optional<size_t> finished_unit) {
    if (!opts.progress) return;
    AnalyzeProgress p;
    p.files_total = units.size();
    p.repos_total = repo_count;
    if (finished_unit) {
      p.files_done = files_done.fetch_add(1) + 1;
      bool repo_finished = files_left[unit_repo[*finished_unit]].fetch_sub(1) == 1;
      p.repos_done = repo_finished ? repos_done.fetch_add(1) + 1 : repos_done.load();
    } else {
      p.files_done = files_done.load();
      p.repos_done = repos_done.load();
    }
    opts.progress(p);
  };
  report_progress(std::nullopt);

  // Parse every file once, in parallel; results land in their own slot.
  auto parse_unit = [&](Unit& u) {
    std::string bytes;
    if (!stdin_abs.empty() && u.file.abs_path == stdin_abs) {
      bytes = opts.stdin_content;
    } else if (!read_file(u.file.abs_path, bytes, u.failure)) {
      u.readable = false;
      return;
    }
    if (u.file.type == FileType::Yaml) {
      u.lang = Language::Yaml;
      if (is_contract_file(u.file.abs_path, bytes, *u.config)) {
        u.contract = load_contract(display_path(u.file.abs_path, opts.cwd), bytes);
        return;
      }
      u.yaml_kept = analyze_pipeline_yaml(u.file.abs_path, bytes, *u.config, u.records);
      return;
    }
    auto check = check_bytes(bytes);
    if (check.diagnostic) u.records.diagnostics.push_back(*check.diagnostic);
    u.lang = u.file.type == FileType::Sql ? Language::Sql : Language::Python;
    if (check.fatal) return;
    u.records.suppressions = scan_suppressions(bytes, comment_syntax_for(u.file.abs_path));
    if (u.file.type == FileType::Sql) {
      auto recs = analyze_sql_file(bytes);
      u.records.accesses = std::move(recs.accesses);
      u.records.declared_columns = std::move(recs.declared_columns);
      u.records.columns = std::move(recs.columns);
      for (auto& d : recs.diagnostics) u.records.diagnostics.push_back(std::move(d));
      return;
    }
    if (bytes.rfind("# Databricks notebook source", 0) == 0) u.lang = Language::Notebook;
    std::string rel = relative_to(u.file.abs_path, u.repo_root);
    if (!py::may_contain_access(bytes) && !airflow::may_contain_dag(bytes)) {
      u.skipped_by_prefilter = true;
      u.py.rel_path = rel;
      return;
    }
    u.py = py::analyze(rel, bytes);
  };
  // A parser bug on one file must not stop the run: the file is reported instead.
  auto parse_guarded = [&](size_t i) {
    Unit& u = units[i];
    try {
      parse_unit(u);
    } catch (const std::exception& e) {
      u.records = {};
      u.py = {};
      u.contract.reset();
      u.readable = false;
      u.yaml_kept = true;  // so that the failure reaches the report
      u.failure = std::string("could not be analysed: ") + e.what();
    }
    report_progress(i);
  };
  int jobs = opts.jobs > 0 ? opts.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::task_arena arena(jobs);
  arena.execute([&] {
    tbb::parallel_for(size_t(0), units.size(), [&](size_t i) { parse_guarded(i); });
  });
  report_progress(std::nullopt);
  out.times.parse = ms_since(phase_start);

  // Link Python files per repository (imports, %run, helpers), in a fixed order.
  std::map<std::string, std::vector<size_t>> units_by_repo;
  for (size_t i = 0; i < units.size(); ++i)
    if (units[i].readable && units[i].file.type == FileType::Python) units_by_repo[units[i].repo_root].push_back(i);
  std::vector<std::unique_ptr<py::FileAnalysis>> outside;  // imported modules outside the analysed paths
  for (auto& [root, members] : units_by_repo) {
    std::map<std::string, size_t> by_rel;
    std::vector<py::FileAnalysis*> parsed;
    for (size_t i : members) {
      by_rel[units[i].py.rel_path] = i;
      if (!units[i].skipped_by_prefilter && units[i].py.module) parsed.push_back(&units[i].py);
    }
    std::map<std::string, py::FileAnalysis*> loaded_outside;
    auto load = [&, root = root](const std::string& rel) -> py::FileAnalysis* {
      auto it = by_rel.find(rel);
      if (it != by_rel.end()) {
        Unit& u = units[it->second];
        if (u.skipped_by_prefilter) {
          std::string bytes, err;
          if (!read_file(u.file.abs_path, bytes, err) || check_bytes(bytes).fatal) return nullptr;
          u.py = py::analyze(rel, bytes);
          u.skipped_by_prefilter = false;
        }
        return u.py.module ? &u.py : nullptr;
      }
      auto lo = loaded_outside.find(rel);
      if (lo != loaded_outside.end()) return lo->second;
      fs::path p = fs::path(root) / rel;
      std::string bytes, err;
      py::FileAnalysis* result = nullptr;
      std::error_code ec;
      if (fs::is_regular_file(p, ec) && read_file(p.string(), bytes, err) && !check_bytes(bytes).fatal) {
        outside.push_back(std::make_unique<py::FileAnalysis>(py::analyze(rel, bytes)));
        result = outside.back().get();
      }
      loaded_outside[rel] = result;
      return result;
    };
    // A helper function can only live in a module that passes the prefilter.
    auto load_for_functions = [&, root = root](const std::string& rel) -> py::FileAnalysis* {
      auto it = by_rel.find(rel);
      if (it != by_rel.end()) return units[it->second].skipped_by_prefilter ? nullptr : load(rel);
      if (auto lo = loaded_outside.find(rel); lo != loaded_outside.end()) return lo->second;
      std::string bytes, err;
      std::error_code ec;
      fs::path p = fs::path(root) / rel;
      if (!fs::is_regular_file(p, ec) || !read_file(p.string(), bytes, err) || !py::may_contain_access(bytes))
        return nullptr;
      return load(rel);
    };
    try {
      py::link(parsed, load, load_for_functions);
      link_dag_default_args(parsed, root);
    } catch (const std::exception& e) {
      if (!opts.audit) throw;
      failed_repos[root] = std::string("its Python files could not be linked: ") + e.what();
    }
  }
  if (opts.audit) std::erase_if(units, [&](const Unit& u) { return failed_repos.count(u.repo_root) > 0; });
  {
    std::vector<BundleSlot> slots;
    for (auto& u : units)
      if (u.file.type == FileType::Yaml && u.readable) slots.push_back({u.file.abs_path, &u.records, &u.yaml_kept});
    attach_bundles(slots, [&](const std::string& path) -> std::optional<std::string> {
      if (!stdin_abs.empty() && path == stdin_abs) return opts.stdin_content;
      std::string bytes, err;
      if (!read_file(path, bytes, err)) return std::nullopt;
      return bytes;
    });
  }
  out.times.link = ms_since(phase_start);

  // The model: files sorted by display path.
  Model& model = out.model;
  std::map<const Config*, std::shared_ptr<const Config>> used_configs;
  for (const auto& cfg : failed_configs) used_configs[cfg.get()] = cfg;
  std::set<std::string> analysed_repos;
  for (auto& u : units) {
    if (u.contract) {
      model.contracts.push_back(std::move(*u.contract));
      continue;
    }
    if (u.file.type == FileType::Yaml && !u.yaml_kept) continue;
    if (!u.readable) {
      out.failures.push_back({display_path(u.file.abs_path, opts.cwd), u.failure});
      continue;
    }
    FileEntry e;
    e.abs_path = u.file.abs_path;
    e.display_path = display_path(u.file.abs_path, opts.cwd);
    e.repo_root = u.repo_root;
    e.repo_rel = relative_to(u.file.abs_path, u.repo_root);
    e.config = u.config;
    e.config_rel = relative_to(u.file.abs_path, u.config->dir);
    e.lang = u.lang;
    e.records = std::move(u.records);
    if (u.file.type == FileType::Python && !u.skipped_by_prefilter) {
      const auto base = static_cast<uint32_t>(e.records.accesses.size());
      for (auto& a : u.py.records.accesses) e.records.accesses.push_back(std::move(a));
      for (auto& c : u.py.records.columns) {  // column references index the accesses
        c.access += base;
        if (c.into >= 0) c.into += static_cast<int32_t>(base);
        e.records.columns.push_back(std::move(c));
      }
      for (auto& c : u.py.records.declared_columns) e.records.declared_columns.push_back(std::move(c));
      for (auto& d : u.py.records.diagnostics) e.records.diagnostics.push_back(std::move(d));
      for (auto& a : u.py.airflow.accesses) e.records.accesses.push_back(std::move(a));
      e.records.orchestration = std::move(u.py.airflow.orchestration);
    }
    used_configs[u.config.get()] = u.config;
    analysed_repos.insert(u.repo_root);
    model.files.push_back(std::move(e));
  }
  if (!opts.index_path.empty()) {
    // The index's view of every repository analysed fresh is replaced by the
    // fresh analysis; repositories are matched by their root folder's name.
    LoadedIndex index = read_index(opts.index_path);
    if (!index.error.empty()) {
      out.error = index.error;
      return out;
    }
    std::set<std::string> fresh_repos;
    for (const auto& u : units) fresh_repos.insert(fs::path(u.repo_root).filename().string());
    for (size_t i = 0; i < index.files.size(); ++i)
      if (!fresh_repos.count(index.repo_names[i])) model.files.push_back(std::move(index.files[i]));
    for (size_t i = 0; i < index.contracts.size(); ++i)
      if (!fresh_repos.count(index.contract_repo_names[i])) model.contracts.push_back(std::move(index.contracts[i]));
  }
  std::sort(model.files.begin(), model.files.end(),
            [](const FileEntry& a, const FileEntry& b) { return a.display_path < b.display_path; });
  std::sort(out.failures.begin(), out.failures.end(),
            [](const FileFailure& a, const FileFailure& b) { return a.path < b.path; });
  std::sort(model.contracts.begin(), model.contracts.end(),
            [](const ContractFile& a, const ContractFile& b) { return a.path < b.path; });

  if (!given_config.empty()) model.root_config = loader.load(given_config);
  else model.root_config = configs.for_dir(fallback_root, root_of_dir(fallback_root));
  used_configs[model.root_config.get()] = model.root_config;
  std::set<std::tuple<std::string, uint32_t, uint32_t, std::string, std::string>> seen;
  for (const auto& [ptr, cfg] : used_configs) {
    for (const auto& issue : cfg->issues) {
      if (seen.insert({issue.file, issue.line, issue.col, issue.rule, issue.message}).second)
        model.config_issues.push_back(issue);
    }
  }
  std::sort(model.config_issues.begin(), model.config_issues.end(), [](const ConfigIssue& a, const ConfigIssue& b) {
    return std::tie(a.file, a.line, a.col, a.rule, a.message) < std::tie(b.file, b.line, b.col, b.rule, b.message);
  });
  for (auto& f : model.files)
    if (f.from_index) f.config = model.root_config;
  build_accesses(model);
  apply_index_resolutions(model);
  build_orchestration(model);
  std::vector<std::array<std::string, 4>> index_owners;  // build_ownership recomputes them with the wrong config
  for (const auto& f : model.files)
    if (f.from_index) index_owners.push_back({f.team, f.team_source, f.env, f.env_source});
  build_ownership(model);
  apply_index_ownership(model, index_owners);

  out.repositories = analysed_repos.size();
  for (const auto& [root, reason] : failed_repos) out.failed_repositories.push_back({display_path(root, opts.cwd), reason});
  std::sort(out.failed_repositories.begin(), out.failed_repositories.end(),
            [](const RepositoryFailure& a, const RepositoryFailure& b) { return a.path < b.path; });
  out.times.model = ms_since(phase_start);
  return out;
}

}  // namespace pipelint

#include "analyzer/cli/base_findings.h"

#include <cstdlib>
#include <filesystem>

#include "analyzer/driver/run_process.h"
#include "analyzer/output/report.h"

namespace pipelint::cli {
namespace {

namespace fs = std::filesystem;

// A fresh private folder under the temporary directory, removed when it goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "pipelint-base-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

// `p` (as given on the command line) inside the exported tree; "" when it lies
// outside the repository or did not exist at the revision.
std::string at_revision(const std::string& p, const fs::path& repo_root, const fs::path& tree) {
  fs::path rel = fs::absolute(p).lexically_normal().lexically_relative(repo_root);
  if (rel.empty() || rel.begin()->string() == "..") return "";
  fs::path mapped = rel == "." ? tree : tree / rel;
  std::error_code ec;
  return fs::exists(mapped, ec) ? mapped.string() : "";
}

}  // namespace

BaseFindings findings_at_revision(const std::string& ref, const PathOptions& o, const RuleFilter& filter,
                                  const std::string& repo_root) {
  BaseFindings out;
  TempDir tmp;
  if (tmp.path().empty()) {
    out.error = "--diff-base: cannot create a temporary folder";
    return out;
  }
  const fs::path tar = tmp.path() / "base.tar", tree = tmp.path() / "tree";
  ProcessResult archive = run_process({"git", "-C", repo_root, "archive", "--format=tar", "-o", tar.string(), ref});
  if (!archive.started) {
    out.error = "--diff-base: git is not installed";
    return out;
  }
  if (archive.exit_code != 0) {
    out.error = "--diff-base: cannot export " + ref + " from " + repo_root + ": " + first_line(archive.err);
    return out;
  }
  std::error_code ec;
  fs::create_directories(tree, ec);
  ProcessResult untar = run_process({"tar", "-xf", tar.string(), "-C", tree.string()});
  if (!untar.started || untar.exit_code != 0) {
    out.error = "--diff-base: cannot unpack " + ref + ": " + first_line(untar.err);
    return out;
  }

  AnalyzeOptions opts;
  opts.cwd = fs::current_path().string();
  for (const auto& p : o.paths.empty() ? std::vector<std::string>{"."} : o.paths)
    if (std::string mapped = at_revision(p, repo_root, tree); !mapped.empty()) opts.paths.push_back(mapped);
  if (opts.paths.empty()) return out;  // the checked paths are all new: nothing existed at REF
  for (const auto& e : o.excludes) opts.excludes.push_back(e);
  opts.config_path = o.config.empty() ? "" : at_revision(o.config, repo_root, tree);
  if (opts.config_path.empty()) opts.config_path = o.config;  // outside the repository: the same file
  opts.jobs = o.jobs;
  opts.index_path = o.index_path;
  Analysis base = analyze_paths(opts);
  if (!base.error.empty()) {
    out.error = "--diff-base: cannot analyse " + ref + ": " + base.error;
    return out;
  }

  Report report;
  report.cwd = opts.cwd;
  report.srcroot = tree.string();
  SourceProvider sources(report.cwd);
  std::set<std::string> indexed;  // files of other repositories, from --index: not this check's findings
  for (const auto& e : base.model.files)
    if (e.from_index) indexed.insert(e.display_path);
  for (const auto& c : base.model.contracts)
    if (c.from_index) indexed.insert(c.path);
  for (const Finding& f : run_rules(base.model, filter))
    if (!indexed.count(f.loc.path)) out.fingerprints.insert(finding_fingerprint(f, report, sources));
  return out;
}

void keep_new_findings(Report& report, SourceProvider& sources, std::multiset<std::string> base) {
  report.has_baseline = true;
  std::erase_if(report.findings, [&](Finding& f) {
    auto it = base.find(finding_fingerprint(f, report, sources));
    if (it == base.end()) {
      f.baseline_state = "new";
      return false;
    }
    base.erase(it);  // one base finding matches one current finding
    return true;
  });
}

}  // namespace pipelint::cli

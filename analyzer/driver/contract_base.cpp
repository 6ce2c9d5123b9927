#include "analyzer/driver/contract_base.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analyzer/driver/run_process.h"
#include "analyzer/model/glob.h"
#include "analyzer/model/paths.h"
#include "parsers/contracts/contract_loader.h"

namespace fs = std::filesystem;

namespace pipelint {
namespace {

// A base contract with where it was, for matching by path.
struct Loaded {
  ContractFile file;
  std::string abs_path;  // git: where it was in the work tree; DIR: the file under DIR
  std::string dir_rel;   // DIR: its path under DIR ("" for git)
};

bool is_yaml_name(std::string_view name) { return name.ends_with(".yaml") || name.ends_with(".yml"); }

// A contract is a YAML file with `kind: DataContract`, or one under contracts.paths.
bool is_contract(std::string_view bytes, const std::string& abs_path, const Config* config) {
  if (is_data_contract(bytes)) return true;
  if (!config || config->dir.empty()) return false;
  std::string rel = fs::path(abs_path).lexically_relative(config->dir).generic_string();
  if (rel.empty() || rel.rfind("..", 0) == 0) return false;
  return std::any_of(config->contract_paths.begin(), config->contract_paths.end(),
                     [&](const std::string& p) { return glob_match(p, rel); });
}

std::string canonical_or_normal(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return (ec ? p.lexically_normal() : c).string();
}

std::string trim_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// ---- git --------------------------------------------------------------------

struct GitRepo {
  std::string top;                     // `rev-parse --show-toplevel`
  std::vector<std::string> pathspecs;  // analysed paths under it ("" = all of it)
};

std::string git_error(const ProcessResult& r) {
  std::string first = r.err.substr(0, r.err.find('\n'));
  return first.empty() ? "exit code " + std::to_string(r.exit_code) : first;
}

std::string load_from_git(const ContractBaseOptions& o, const Config* config, std::vector<Loaded>& out) {
  std::map<std::string, GitRepo> repos;
  std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  for (const auto& p : paths) {
    std::string abs = canonical_or_normal(fs::path(o.cwd) / p);
    std::error_code ec;
    if (!fs::exists(abs, ec)) continue;  // already reported by the analysis
    std::string dir = fs::is_directory(abs, ec) ? abs : fs::path(abs).parent_path().string();
    ProcessResult r = run_process({"git", "-C", dir, "rev-parse", "--show-toplevel"});
    if (!r.started) return "--diff-base needs git, which could not be run";
    if (r.exit_code != 0) return "--diff-base: " + p + " is not in a git repository";
    std::string top = canonical_or_normal(trim_line(r.out));
    GitRepo& repo = repos[top];
    repo.top = top;
    std::string rel = fs::path(abs).lexically_relative(top).generic_string();
    repo.pathspecs.push_back(rel == "." ? "" : rel);
  }
  for (auto& [top, repo] : repos) {
    ProcessResult commit = run_process({"git", "-C", top, "rev-parse", "--verify", "--quiet", o.git_ref + "^{commit}"});
    if (commit.exit_code != 0) return "--diff-base: unknown revision '" + o.git_ref + "' in " + display_path(top, o.cwd);
    std::string sha = trim_line(commit.out);
    std::vector<std::string> ls{"git", "-C", top, "ls-tree", "-r", "-z", "--name-only", sha};
    bool whole = std::any_of(repo.pathspecs.begin(), repo.pathspecs.end(), [](const auto& s) { return s.empty(); });
    if (!whole) {
      ls.push_back("--");
      for (const auto& s : repo.pathspecs) ls.push_back(s);
    }
    ProcessResult listing = run_process(ls);
    if (listing.exit_code != 0) return "--diff-base: git ls-tree failed in " + display_path(top, o.cwd) + ": " + git_error(listing);
    std::string_view names = listing.out;
    while (!names.empty()) {
      size_t end = names.find('\0');
      std::string name(names.substr(0, end));
      names.remove_prefix(end == std::string_view::npos ? names.size() : end + 1);
      if (!is_yaml_name(name)) continue;
      ProcessResult blob = run_process({"git", "-C", top, "cat-file", "blob", sha + ":" + name});
      if (blob.exit_code != 0) continue;  // a submodule or an unreadable object: not a contract
      std::string abs = (fs::path(top) / name).lexically_normal().string();
      if (!is_contract(blob.out, abs, config)) continue;
      out.push_back({load_contract(display_path(abs, o.cwd) + "@" + o.git_ref, blob.out), abs, ""});
    }
  }
  return "";
}

// ---- a folder ---------------------------------------------------------------

std::string load_from_dir(const ContractBaseOptions& o, std::vector<Loaded>& out) {
  fs::path dir = fs::path(o.cwd) / o.dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "--contracts-base: " + o.dir + " is not a folder";
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec) && is_yaml_name(it->path().filename().string())) files.push_back(it->path());
  }
  if (ec) return "--contracts-base: cannot read " + o.dir + ": " + ec.message();
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::error_code sec;
    if (fs::file_size(f, sec) > kMaxContractBytes || sec) continue;
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    if (!in || !is_data_contract(bytes)) continue;
    std::string abs = f.lexically_normal().string();
    out.push_back({load_contract(display_path(abs, o.cwd), bytes), abs, f.lexically_relative(dir).generic_string()});
  }
  return "";
}

}  // namespace

std::vector<int32_t> match_base_contracts(const std::vector<ContractFile>& base,
                                          const std::vector<ContractFile>& current,
                                          const std::function<bool(size_t, size_t)>& same_path) {
  std::vector<int32_t> match(base.size(), -1);
  std::vector<bool> taken(current.size(), false);
  for (size_t c = 0; c < current.size(); ++c) taken[c] = current[c].from_index;
  for (size_t b = 0; b < base.size(); ++b) {
    const std::string& id = base[b].contract.id.value;
    if (id.empty()) continue;
    for (size_t c = 0; c < current.size(); ++c)
      if (!taken[c] && current[c].contract.id.value == id) {
        match[b] = static_cast<int32_t>(c);
        taken[c] = true;
        break;
      }
  }
  for (size_t b = 0; b < base.size(); ++b) {
    if (match[b] >= 0) continue;
    for (size_t c = 0; c < current.size(); ++c)
      if (!taken[c] && same_path(b, c)) {
        match[b] = static_cast<int32_t>(c);
        taken[c] = true;
        break;
      }
  }
  return match;
}

std::string load_contract_base(const ContractBaseOptions& opts, Model& model) {
  std::vector<Loaded> loaded;
  bool from_git = !opts.git_ref.empty();
  std::string error = from_git ? load_from_git(opts, model.root_config.get(), loaded) : load_from_dir(opts, loaded);
  if (!error.empty()) return error;

  std::vector<std::string> current_abs;
  for (const auto& c : model.contracts) current_abs.push_back(canonical_or_normal(fs::path(opts.cwd) / c.path));
  std::vector<ContractFile> base;
  for (auto& l : loaded) base.push_back(l.file);
  auto same_path = [&](size_t b, size_t c) {
    if (from_git) return canonical_or_normal(loaded[b].abs_path) == current_abs[c];
    const std::string& rel = loaded[b].dir_rel;
    const std::string& abs = current_abs[c];
    return abs.size() > rel.size() && abs.ends_with(rel) && abs[abs.size() - rel.size() - 1] == '/';
  };
  std::vector<int32_t> match = match_base_contracts(base, model.contracts, same_path);

  model.has_contract_base = true;
  model.contract_base_label = from_git ? opts.git_ref : opts.dir;
  model.base_contracts.clear();
  for (size_t b = 0; b < base.size(); ++b) {
    if (match[b] < 0) {
      // Gone now, unless it moved to another repository of the index, or its
      // file is still there and was only left out of the analysis (--exclude).
      const std::string& id = base[b].contract.id.value;
      bool elsewhere = !id.empty() && std::any_of(model.contracts.begin(), model.contracts.end(), [&](const auto& c) {
        return c.from_index && c.contract.id.value == id;
      });
      std::error_code ec;
      if (elsewhere || (from_git && fs::exists(loaded[b].abs_path, ec))) continue;
    }
    model.base_contracts.push_back({std::move(base[b]), match[b]});
  }
  std::sort(model.base_contracts.begin(), model.base_contracts.end(),
            [](const BaseContract& a, const BaseContract& b) { return a.file.path < b.file.path; });
  return "";
}

}  // namespace pipelint

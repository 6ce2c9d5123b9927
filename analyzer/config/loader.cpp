// ConfigLoader: read, validate, follow `extends`, merge, cache.
#include <algorithm>
#include <filesystem>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "analyzer/config/build.h"
#include "analyzer/config/config.h"
#include "analyzer/config/merge.h"
#include "analyzer/config/read_text.h"
#include "analyzer/config/validate.h"

namespace pipelint {

namespace fs = std::filesystem;

struct ConfigLoader::Entry {
  std::shared_ptr<const Config> config;
  cfg::Node tree;                 // the resolved tree a child merges over
  std::vector<cfg::Lock> locks;   // every lock a child must respect
  bool cyclic = false;            // an extends cycle was cut in this chain
};

namespace {

std::string absolute_key(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) return p.lexically_normal().string();
  fs::path canon = fs::weakly_canonical(abs, ec);
  return ec ? abs.lexically_normal().string() : canon.string();
}

uint32_t one_based(int v) { return v >= 0 ? static_cast<uint32_t>(v) + 1 : 1; }

// When the YAML is broken, a top-level `extends:` line still names the parent, so
// that the platform's settings (and locks) keep applying.
std::optional<cfg::Node> salvage_extends(const std::string& text) {
  size_t line_no = 1;
  for (size_t start = 0; start < text.size(); ++line_no) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (line.rfind("extends:", 0) == 0) {
      std::string_view v = line.substr(8);
      size_t hash = v.find(" #");
      if (hash != std::string_view::npos) v = v.substr(0, hash);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
      if (v.size() >= 2 && (v.front() == '\'' || v.front() == '"') && v.back() == v.front())
        v = v.substr(1, v.size() - 2);
      if (v.empty()) return std::nullopt;
      cfg::Node n = cfg::Node::scalar_of(std::string(v));
      n.key_line = n.line = static_cast<uint32_t>(line_no);
      n.key_col = 1;
      n.col = 10;
      return n;
    }
    start = end + 1;
  }
  return std::nullopt;
}

// Reads and validates one file on its own; problems go to `issues`.
cfg::Node read_file_tree(const std::string& path, std::vector<ConfigIssue>& issues) {
  auto issue = [&](uint32_t line, uint32_t col, std::string msg) {
    issues.push_back(ConfigIssue{"CFG002", path, line, col, std::move(msg), true});
  };
  cfg::ConfigText text = cfg::read_config_text(path);
  if (!text.error.empty()) {
    issue(text.line, text.col, text.error);
    return cfg::Node::map();
  }
  YAML::Node doc;
  bool broken = true;
  try {
    doc = YAML::Load(text.text);
    broken = false;
  } catch (const YAML::DeepRecursion& e) {
    issue(one_based(e.mark.line), one_based(e.mark.column), "invalid YAML: nested too deeply");
  } catch (const YAML::ParserException& e) {
    issue(one_based(e.mark.line), one_based(e.mark.column), "invalid YAML: " + e.msg);
  } catch (const std::exception& e) {
    issue(1, 1, std::string("invalid YAML: ") + e.what());
  }
  if (broken) {
    cfg::Node tree = cfg::Node::map();
    if (auto ext = salvage_extends(text.text)) tree.set("extends", std::move(*ext));
    return tree;
  }
  return cfg::validate_document(doc, path, issues);
}

fs::path parent_file(const std::string& child, const std::string& extends) {
  fs::path p = (fs::path(child).parent_path() / extends).lexically_normal();
  std::error_code ec;
  if (fs::is_directory(p, ec)) p /= "pipelint.yaml";
  return p;
}

std::string config_dir(const std::string& path) {
  return fs::path(absolute_key(path)).parent_path().string();
}

}  // namespace

ConfigLoader::ConfigLoader() = default;
ConfigLoader::~ConfigLoader() = default;

std::shared_ptr<const ConfigLoader::Entry> ConfigLoader::load_entry(const std::string& path,
                                                                    std::vector<std::string>& stack) {
  const std::string key = absolute_key(path);
  {
    std::lock_guard<std::mutex> guard(mu_);
    auto it = cache_.find(key);
    // A chain that hit a cycle depends on where loading started: reuse it only from the top.
    if (it != cache_.end() && (!it->second->cyclic || stack.empty())) return it->second;
  }

  std::vector<ConfigIssue> own;
  cfg::Node tree = read_file_tree(path, own);

  auto entry = std::make_shared<Entry>();
  std::shared_ptr<const Entry> parent;
  const cfg::Node* ext = tree.find("extends");
  if (ext) {
    fs::path parent_path = parent_file(path, ext->scalar);
    std::string parent_key = absolute_key(parent_path);
    auto issue = [&](std::string msg) {
      own.push_back(ConfigIssue{"CFG002", path, ext->line ? ext->line : 1, ext->col ? ext->col : 1,
                                std::move(msg), true});
    };
    std::error_code ec;
    if (ext->scalar.empty()) {
      issue("extends: the parent's path is empty");
    } else if (parent_key == key || std::find(stack.begin(), stack.end(), parent_key) != stack.end()) {
      std::string chain;
      for (const auto& s : stack) chain += s + " -> ";
      issue("extends cycle: " + chain + key + " -> " + parent_key + "; the chain stops here");
      entry->cyclic = true;
    } else if (!fs::exists(parent_path, ec)) {
      issue("extends: parent configuration '" + parent_path.string() + "' does not exist");
    } else {
      stack.push_back(key);
      parent = load_entry(parent_path.string(), stack);
      stack.pop_back();
    }
  }

  std::vector<ConfigIssue> issues = parent ? parent->config->issues : std::vector<ConfigIssue>{};
  issues.insert(issues.end(), own.begin(), own.end());
  const cfg::Node base = parent ? parent->tree : cfg::default_tree();
  entry->locks = parent ? parent->locks : std::vector<cfg::Lock>{};
  entry->tree = cfg::merge_configs(base, tree, entry->locks, path, issues);
  if (const cfg::Node* locked = tree.find("locked"))
    for (const auto& item : locked->items)
      entry->locks.push_back(cfg::Lock{cfg::split_key_path(item.scalar), item.scalar, path});
  entry->cyclic = entry->cyclic || (parent && parent->cyclic);

  auto config = std::make_shared<Config>();
  cfg::build_config(entry->tree, *config);
  config->path = path;
  config->dir = config_dir(path);
  config->extends = ext ? ext->scalar : "";
  config->parent_path = parent ? parent->config->path : "";
  config->issues = std::move(issues);
  entry->config = std::move(config);

  if (!entry->cyclic || stack.empty()) {
    std::lock_guard<std::mutex> guard(mu_);
    cache_.try_emplace(key, entry);  // a concurrent load of the same file built the same value
  }
  return entry;
}

std::shared_ptr<const Config> ConfigLoader::load(const std::string& path) {
  try {
    std::vector<std::string> stack;
    return load_entry(path, stack)->config;
  } catch (const std::exception& e) {
    auto c = std::make_shared<Config>();
    cfg::build_config(cfg::default_tree(), *c);
    c->path = path;
    c->dir = config_dir(path);
    c->issues.push_back(ConfigIssue{"CFG002", path, 1, 1,
                                    std::string("configuration could not be loaded: ") + e.what(), true});
    return c;
  }
}

std::shared_ptr<const Config> ConfigLoader::defaults(const std::string& dir) {
  auto c = std::make_shared<Config>();
  cfg::build_config(cfg::default_tree(), *c);
  c->dir = absolute_key(dir);
  return c;
}

std::string ConfigLoader::discover(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec).lexically_normal();
  if (ec) return "";
  if (p.has_filename() && fs::is_regular_file(p, ec)) p = p.parent_path();
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  for (;;) {
    for (const char* name : {"pipelint.yaml", ".pipelint.yaml"}) {
      fs::path candidate = p / name;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    fs::path up = p.parent_path();
    if (up == p || p == p.root_path()) return "";
    p = up;
  }
}

}  // namespace pipelint

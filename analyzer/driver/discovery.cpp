#include "analyzer/driver/discovery.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

#include "analyzer/driver/gitignore.h"

namespace fs = std::filesystem;

namespace pipelint {
namespace {

std::string read_small_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Walker {
  const std::string& cwd;
  Discovery& out;
  IgnoreRules rules;
  std::set<std::pair<dev_t, ino_t>> visiting;  // folders on the current path (loop detection)

  void walk(const fs::path& dir, const std::string& rel) {
    struct stat st{};
    if (::stat(dir.c_str(), &st) != 0) {
      out.notes.push_back({display_path(dir.string(), cwd), "cannot read folder: " + std::string(strerror(errno))});
      return;
    }
    auto key = std::make_pair(st.st_dev, st.st_ino);
    if (!visiting.insert(key).second) {
      out.notes.push_back({display_path(dir.string(), cwd), "symbolic link loop: folder skipped"});
      return;
    }
    size_t mark = rules.size();
    std::error_code ec;
    fs::path gi = dir / ".gitignore";
    if (fs::is_regular_file(gi, ec)) rules.add_file_content(rel, read_small_file(gi));

    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      out.notes.push_back({display_path(dir.string(), cwd), "cannot read folder: " + ec.message()});
    } else {
      for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        entries.push_back(*it);
      }
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& e : entries) {
      std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') continue;  // hidden files and folders
      std::string child_rel = rel.empty() ? name : rel + "/" + name;
      std::error_code sec;
      bool is_dir = e.is_directory(sec);
      if (sec) {
        // A dangling link or an unreadable entry: report files we would have analysed.
        FileType t;
        if (file_type_of(name, t))
          out.notes.push_back({display_path(e.path().string(), cwd), "cannot read: " + sec.message()});
        continue;
      }
      if (rules.ignored(child_rel, is_dir)) continue;
      if (is_dir) {
        if (name == "node_modules" || name == "__pycache__") continue;
        walk(e.path(), child_rel);
      } else {
        FileType t;
        if (file_type_of(name, t)) out.files.push_back({e.path().lexically_normal().string(), t});
      }
    }
    rules.truncate(mark);
    visiting.erase(key);
  }
};

}  // namespace

bool file_type_of(const std::string& name, FileType& type) {
  if (name.ends_with(".py")) { type = FileType::Python; return true; }
  if (name.ends_with(".sql")) { type = FileType::Sql; return true; }
  // bundles and pipeline configs; other YAML files are dropped after the parse
  if (name.ends_with(".yml") || name.ends_with(".yaml")) { type = FileType::Yaml; return true; }
  return false;
}


Discovery discover_files(const std::vector<std::string>& paths, const std::vector<std::string>& excludes,
                         const std::string& cwd) {
  Discovery out;
  for (const auto& given : paths) {
    fs::path p = fs::path(given).is_absolute() ? fs::path(given) : fs::path(cwd) / given;
    p = p.lexically_normal();
    if (p.has_filename() == false && p.has_parent_path()) p = p.parent_path();
    std::error_code ec;
    auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      out.notes.push_back({given, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      Walker w{cwd, out, {}, {}};
      for (const auto& ex : excludes) w.rules.add_pattern("", ex);
      w.walk(p, "");
    } else {
      FileType t = FileType::Python;
      if (!file_type_of(p.filename().string(), t)) t = FileType::Python;  // named explicitly: read as Python
      out.files.push_back({p.string(), t});
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.abs_path < b.abs_path; });
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.abs_path == b.abs_path; }),
                  out.files.end());
  return out;
}

}  // namespace pipelint

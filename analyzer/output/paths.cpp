#include "analyzer/output/paths.h"

#include <filesystem>

#include <fmt/format.h>

#include "analyzer/output/report.h"

namespace pipelint {

std::string repo_relative_path(const std::string& display_path, const std::string& cwd,
                               const std::string& srcroot) {
  namespace fs = std::filesystem;
  fs::path p(display_path);
  if (p.is_relative() && !cwd.empty()) p = fs::path(cwd) / p;
  p = p.lexically_normal();
  if (!srcroot.empty() && p.is_absolute()) {
    const fs::path root = fs::path(srcroot).lexically_normal();
    const fs::path rel = p.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != "..") p = rel;
  }
  std::string out = p.generic_string();
  while (out.rfind("./", 0) == 0) out.erase(0, 2);
  if (out.empty() || out == ".") return display_path;
  return out;
}

std::string percent_encode_path(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string file_uri_of_file(const std::string& abs_path) {
  std::string path = std::filesystem::path(abs_path).lexically_normal().generic_string();
  if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
  return "file://" + percent_encode_path(path);
}

std::string file_uri_of_folder(const std::string& abs_dir) {
  std::string uri = file_uri_of_file(abs_dir);
  if (uri.back() != '/') uri += '/';
  return uri;
}

}  // namespace pipelint

#include "analyzer/model/paths.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace pipelint {

std::string display_path(const std::string& path, const std::string& cwd) {
  fs::path p = fs::path(path).lexically_normal();
  fs::path rel = p.lexically_relative(cwd);
  std::string s = rel.generic_string();
  if (!rel.empty() && s.rfind("..", 0) != 0) return s;
  return p.generic_string();
}

}  // namespace pipelint

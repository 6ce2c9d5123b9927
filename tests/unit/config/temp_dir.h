// A scratch folder for configuration files, removed at the end of a test.
#pragma once
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "analyzer/config/config.h"

namespace pipelint::test {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("pipelint-config-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(root_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` to root/rel (creating folders) and returns the full path.
  std::string write(const std::string& rel, const std::string& content) const {
    auto p = root_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path(const std::string& rel) const { return (root_ / rel).string(); }
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

inline std::vector<ConfigIssue> issues_of(const Config& c, const std::string& rule) {
  std::vector<ConfigIssue> out;
  for (const auto& i : c.issues)
    if (i.rule == rule) out.push_back(i);
  return out;
}

// The single issue of `rule` whose message contains `needle`; nullptr otherwise.
inline const ConfigIssue* find_issue(const Config& c, const std::string& rule, const std::string& needle) {
  for (const auto& i : c.issues)
    if (i.rule == rule && i.message.find(needle) != std::string::npos) return &i;
  return nullptr;
}

}  // namespace pipelint::test

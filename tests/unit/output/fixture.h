// Helpers for the output writer tests: findings, reports and scratch folders.
#pragma once
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include "analyzer/output/report.h"

namespace pipelint::test {

inline Finding finding(const std::string& rule, Severity sev, const std::string& path, uint32_t line,
                       uint32_t col, const std::string& message, const std::string& subject = "") {
  Finding f;
  f.rule = rule;
  f.severity = sev;
  f.loc = Location{path, line, col, 0};
  f.message = message;
  f.subject = subject;
  return f;
}

// A fresh folder under the system temp dir, removed when the object dies.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("pipelint-output-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  void write(const std::string& rel, const std::string& content) const {
    const auto p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  std::string read(const std::string& rel) const {
    std::ifstream in(path_ / rel, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  std::filesystem::path path_;
};

// A report rooted at `dir` (cwd == srcroot), as `pipelint check .` in a repository.
inline Report report_in(const ScratchDir& dir, std::vector<Finding> findings, size_t files = 1) {
  Report r;
  r.findings = std::move(findings);
  r.files_analyzed = files;
  r.srcroot = dir.str();
  r.cwd = dir.str();
  r.tool_version = "0.1.0";
  return r;
}

template <typename Write>
std::string render(Write&& write) {
  std::ostringstream out;
  write(out);
  return out.str();
}

}  // namespace pipelint::test

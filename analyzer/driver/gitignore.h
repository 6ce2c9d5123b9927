// .gitignore semantics for file discovery: patterns scoped to the folder of the
// .gitignore that holds them, later patterns win, `!` negates, a trailing `/`
// matches folders only, a pattern with a `/` (other than trailing) is anchored.
#pragma once
#include <string>
#include <vector>

namespace pipelint {

struct IgnoreRule {
  std::string base;     // folder of the .gitignore, relative to the walk root ("" = root)
  std::string pattern;  // glob, relative to base when anchored
  bool negate = false;
  bool dir_only = false;
  bool anchored = false;
};

class IgnoreRules {
 public:
  // Adds the rules of one .gitignore (or --exclude list) found in `base`.
  void add_file_content(const std::string& base, const std::string& content);
  void add_pattern(const std::string& base, const std::string& line);
  // `rel` is relative to the walk root, forward slashes.
  bool ignored(const std::string& rel, bool is_dir) const;
  size_t size() const { return rules_.size(); }
  void truncate(size_t n) { rules_.resize(n); }

 private:
  std::vector<IgnoreRule> rules_;
};

}  // namespace pipelint

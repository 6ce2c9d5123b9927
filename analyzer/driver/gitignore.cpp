#include "analyzer/driver/gitignore.h"

#include "analyzer/model/glob.h"

namespace pipelint {

void IgnoreRules::add_file_content(const std::string& base, const std::string& content) {
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    add_pattern(base, content.substr(start, end - start));
    start = end + 1;
  }
}

void IgnoreRules::add_pattern(const std::string& base, const std::string& raw) {
  std::string line = raw;
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
  if (line.empty() || line[0] == '#') return;
  IgnoreRule r;
  r.base = base;
  if (line[0] == '!') { r.negate = true; line.erase(0, 1); }
  else if (line[0] == '\\') line.erase(0, 1);
  if (!line.empty() && line.back() == '/') { r.dir_only = true; line.pop_back(); }
  if (line.empty()) return;
  if (line.find('/') != std::string::npos) {
    r.anchored = true;
    if (line[0] == '/') line.erase(0, 1);
  }
  r.pattern = line;
  rules_.push_back(std::move(r));
}

bool IgnoreRules::ignored(const std::string& rel, bool is_dir) const {
  bool result = false;
  for (const auto& r : rules_) {
    if (r.dir_only && !is_dir) continue;
    std::string_view sub(rel);
    if (!r.base.empty()) {
      if (rel.size() <= r.base.size() || rel.compare(0, r.base.size(), r.base) != 0 ||
          rel[r.base.size()] != '/')
        continue;
      sub = sub.substr(r.base.size() + 1);
    }
    bool hit;
    if (r.anchored) {
      hit = glob_match(r.pattern, sub);
    } else {
      size_t slash = sub.rfind('/');
      hit = glob_match(r.pattern, slash == std::string_view::npos ? sub : sub.substr(slash + 1));
    }
    if (hit) result = !r.negate;
  }
  return result;
}

}  // namespace pipelint

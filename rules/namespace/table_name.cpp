#include "rules/namespace/table_name.h"

#include <fmt/format.h>

#include "analyzer/model/glob.h"

namespace pipelint {

std::vector<std::string_view> name_parts(std::string_view name) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '{') ++depth;
    else if (name[i] == '}' && depth > 0) --depth;
    else if (name[i] == '.' && depth == 0) {
      parts.push_back(name.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(name.substr(start));
  return parts;
}

bool is_external(const std::string& table, const NamespaceConfig& ns) {
  for (const auto& pattern : ns.external)
    if (table_glob_match(pattern, table)) return true;
  return false;
}

bool names_a_platform_table(const Model& m, const TableAccess& a) {
  const auto& rec = a.rec(m);
  if (rec.kind == Kind::Path && a.path_location.empty()) return false;
  return !is_external(a.table, m.file_of(a).config->ns);
}

std::string catalog_problem(std::string_view part) {
  if (part.size() > 255) return fmt::format("is {} characters long (the catalog allows 255)", part.size());
  bool upper = false;
  for (char c : part) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') { upper = true; continue; }
    bool ok = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' || u == '-';
    if (!ok) {
      std::string shown = u == ' ' ? "a space" : u < 0x20 ? "a control character" : fmt::format("'{}'", c);
      return fmt::format("contains {}, which the catalog rejects", shown);
    }
  }
  if (upper) return "has upper-case letters, which the catalog silently lower-cases";
  if (part.empty()) return "is empty";
  return "";
}

bool rejected_by_catalog(std::string_view part) {
  std::string problem = catalog_problem(part);
  return !problem.empty() && problem.find("upper-case") == std::string::npos;
}

std::string pattern_shape(const std::string& re) {
  std::string out;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if ((c == '^' && i == 0) || (c == '$' && i + 1 == re.size())) continue;
    if (c == '(' && re.compare(i, 4, "(?P<") == 0) {
      size_t close = re.find('>', i);
      if (close == std::string::npos) break;
      out += fmt::format("<{}>", re.substr(i + 4, close - i - 4));
      int depth = 1;  // skip the group's body
      size_t j = close + 1;
      for (; j < re.size() && depth > 0; ++j) {
        if (re[j] == '\\') { ++j; continue; }
        if (re[j] == '(') ++depth;
        else if (re[j] == ')') --depth;
      }
      i = j - 1;
      continue;
    }
    if (c == '\\' && i + 1 < re.size()) { out += re[++i]; continue; }
    out += c;
  }
  return out;
}

Location access_location(const Model& m, const TableAccess& a) {
  const auto& rec = a.rec(m);
  return Location{m.file_of(a).display_path, rec.line, rec.col, 0};
}

}  // namespace pipelint

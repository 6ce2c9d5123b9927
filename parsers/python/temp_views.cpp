#include "parsers/python/temp_views.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace pipelint::py {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool word_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || c == '{' || c == '}' || u >= 0x80;
}

// Words of SQL text, lower case, with dotted and backticked names kept whole
// (backticks removed). String literals and comments are skipped; anything
// else is a one-character token.
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size() && out.size() < 100000) {
    char c = s[i];
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t e = s.find("*/", i + 2);
      i = e == std::string_view::npos ? s.size() : e + 2;
      continue;
    }
    if (c == '\'' || c == '"') {
      size_t j = i + 1;
      while (j < s.size() && s[j] != c) j += s[j] == '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (word_char(c) || c == '`') {
      std::string w;
      while (i < s.size() && (word_char(s[i]) || s[i] == '`' || s[i] == '.')) {
        if (s[i] == '`') {
          size_t e = s.find('`', i + 1);
          if (e == std::string_view::npos) e = s.size();
          w.append(s.substr(i + 1, e - i - 1));
          i = e + 1;
          continue;
        }
        w.push_back(s[i++]);
      }
      out.push_back(lower(w));
      continue;
    }
    if (!std::isspace(static_cast<unsigned char>(c))) out.emplace_back(1, c);
    ++i;
  }
  return out;
}

}  // namespace

void sql_temp_views(std::string_view sql, std::vector<TempView>& out) {
  std::vector<std::string> w = words(sql);
  auto at = [&](size_t k) -> const std::string& {
    static const std::string none;
    return k < w.size() ? w[k] : none;
  };
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == "create") {
      size_t j = i + 1;
      if (at(j) == "or" && at(j + 1) == "replace") j += 2;
      bool temp = false, global = false;
      for (;; ++j) {
        if (at(j) == "temp" || at(j) == "temporary") temp = true;
        else if (at(j) == "global") global = true;
        else break;
      }
      if (!temp || at(j) != "view") continue;
      ++j;
      if (at(j) == "if" && at(j + 1) == "not" && at(j + 2) == "exists") j += 3;
      if (at(j).empty() || !word_char(at(j)[0])) continue;
      out.push_back(TempView{global ? "global_temp." + at(j) : at(j), {}});
    } else if (w[i] == "cache") {
      size_t j = i + 1;
      if (at(j) == "lazy") ++j;
      if (at(j) != "table" || at(j + 1).empty() || !word_char(at(j + 1)[0])) continue;
      size_t k = j + 2;
      if (at(k) == "options") {  // OPTIONS ('storageLevel' ...) AS
        int depth = 0;
        for (++k; k < w.size(); ++k) {
          if (at(k) == "(") ++depth;
          if (at(k) == ")" && --depth <= 0) { ++k; break; }
        }
      }
      if (at(k) == "as" || at(k) == "select" || at(k) == "(") out.push_back(TempView{at(j + 1), {}});
    }
  }
}

void drop_view_accesses(FileRecords& records, const std::vector<TempView>& views, std::vector<int>* kept) {
  std::unordered_set<std::string> names;
  for (const auto& v : views) names.insert(v.name);
  auto hidden = [&](const AccessRecord& a) {
    if (a.kind != Kind::Table) return false;
    std::string name = lower(a.name.placeholder_text());
    if (name.rfind("global_temp.", 0) == 0 && name.find('.', 12) == std::string::npos) return true;
    if (!names.count(name)) return false;
    SourcePos at{a.line, a.col};
    for (const auto& v : views) {
      if (v.name != name) continue;
      for (const auto& [from, to] : v.own)
        if (from <= at && at < to) return false;  // feeds the view it registers
    }
    return true;
  };
  auto& acc = records.accesses;
  if (kept) {
    kept->assign(acc.size(), -1);
    int next = 0;
    for (size_t k = 0; k < acc.size(); ++k)
      if (!hidden(acc[k])) (*kept)[k] = next++;
  }
  acc.erase(std::remove_if(acc.begin(), acc.end(), hidden), acc.end());
}

}  // namespace pipelint::py

#include "parsers/sql/sql_keywords.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace pipelint::sql {
namespace {

struct Entry {
  std::string_view word;  // upper case
  Kw kw;
};

// NULL_ spells NULL (NULL is a macro in C++).
constexpr std::string_view spelling(std::string_view enum_name) {
  return enum_name == "NULL_" ? std::string_view("NULL") : enum_name;
}

constexpr auto make_table() {
  std::array<Entry, 0
#define PIPELINT_SQL_KW_COUNT(k) +1
                        PIPELINT_SQL_KEYWORDS(PIPELINT_SQL_KW_COUNT)
#undef PIPELINT_SQL_KW_COUNT
             >
      table{};
  size_t n = 0;
#define PIPELINT_SQL_KW_ENTRY(k) table[n++] = Entry{spelling(#k), Kw::k};
  PIPELINT_SQL_KEYWORDS(PIPELINT_SQL_KW_ENTRY)
#undef PIPELINT_SQL_KW_ENTRY
  std::sort(table.begin(), table.end(), [](const Entry& a, const Entry& b) { return a.word < b.word; });
  return table;
}

constexpr auto kTable = make_table();
constexpr size_t kLongest = 16;

}  // namespace

Kw keyword_of(std::string_view word) {
  if (word.size() < 2 || word.size() > kLongest) return Kw::None;
  char upper[kLongest];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    upper[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  std::string_view key(upper, word.size());
  auto it = std::lower_bound(kTable.begin(), kTable.end(), key,
                             [](const Entry& e, std::string_view k) { return e.word < k; });
  return (it != kTable.end() && it->word == key) ? it->kw : Kw::None;
}

}  // namespace pipelint::sql

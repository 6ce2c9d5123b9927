#include "parsers/sql/sql_extractor.h"

#include <algorithm>

#include "parsers/sql/sql_scanner.h"
#include "parsers/sql/sql_tokenizer.h"

namespace pipelint::sql {

SqlResult extract(std::string_view text) {
  SqlResult result;
  Tokens tokens = tokenize(text);
  result.error = tokens.error;
  StatementScanner scanner(text, tokens.list, result);
  const auto& list = tokens.list;
  size_t begin = 0;
  for (size_t i = 0; i <= list.size(); ++i) {
    if (i < list.size() && !(list[i].kind == Tok::Punct && list[i].ch == ';')) continue;
    if (i > begin) scanner.scan(begin, i);
    begin = i + 1;
  }
  // Heads record writes before look-ahead reads; keep the promised text order
  // (and the column references' indices into it).
  auto by_offset = [](const SqlColumnRef& a, const SqlColumnRef& b) { return a.offset < b.offset; };
  if (!std::is_sorted(result.columns.begin(), result.columns.end(), by_offset))
    std::stable_sort(result.columns.begin(), result.columns.end(), by_offset);
  auto& acc = result.accesses;
  if (std::is_sorted(acc.begin(), acc.end(), [](const SqlAccess& a, const SqlAccess& b) { return a.offset < b.offset; }))
    return result;
  std::vector<size_t> order(acc.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return acc[a].offset < acc[b].offset; });
  std::vector<size_t> new_index(acc.size());
  std::vector<SqlAccess> sorted;
  sorted.reserve(acc.size());
  for (size_t k = 0; k < order.size(); ++k) {
    new_index[order[k]] = k;
    sorted.push_back(std::move(acc[order[k]]));
  }
  acc = std::move(sorted);
  for (auto& c : result.columns) {
    c.access = new_index[c.access];
    if (c.into >= 0) c.into = static_cast<int>(new_index[static_cast<size_t>(c.into)]);
  }
  return result;
}

}  // namespace pipelint::sql

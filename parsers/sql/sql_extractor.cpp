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
  // Heads record writes before look-ahead reads; keep the promised text order.
  std::stable_sort(result.accesses.begin(), result.accesses.end(),
                   [](const SqlAccess& a, const SqlAccess& b) { return a.offset < b.offset; });
  return result;
}

}  // namespace pipelint::sql

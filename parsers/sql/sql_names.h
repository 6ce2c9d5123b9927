// Reads a (possibly qualified, quoted, templated) table name out of the token
// list: `my-cat`.silver_x.`t-1`, ${catalog}.silver_x.t, {env}_de.s.t,
// delta.`/mnt/x` (a path), IDENTIFIER('a.b.c'), IDENTIFIER(:name).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "parsers/common/records.h"
#include "parsers/sql/sql_tokenizer.h"

namespace pipelint::sql {

struct ParsedName {
  bool ok = false;
  size_t offset = 0;      // first byte of the name as written
  size_t next = 0;        // index of the first token after the name
  NameTemplate name;
  Kind kind = Kind::Table;
  bool identifier_clause = false;  // written as IDENTIFIER(...)
  std::string single_lower;        // lower-cased text of a one-part literal name, else ""
  std::string first_lower;         // lower-cased first part when literal, else ""
};

// Can the token start a name? (words other than clause keywords, `quoted`, holes)
bool starts_name(const Token& t);

// Parses the name starting at token i (i < end). ok=false when none starts there.
ParsedName parse_name(std::string_view text, const std::vector<Token>& toks, size_t i, size_t end);

// The text of a string literal token with its quotes removed and simple
// backslash escapes resolved; ${x} and {x} inside become holes.
NameTemplate string_literal_value(std::string_view literal);

// A name written inside a string literal ('cat.`my-schema`.t'): backticks removed.
NameTemplate unquote_parts(NameTemplate name);

// Literal text with ${x} / {x} holes split out (HoleSource::Template).
void append_templated(NameTemplate& out, std::string_view text);

}  // namespace pipelint::sql

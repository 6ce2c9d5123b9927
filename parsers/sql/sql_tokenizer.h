// Spark SQL tokenizer: words, `quoted` identifiers, string literals, template
// holes (${x}, {x}, {{x}}) and single-byte punctuation. Comments and whitespace
// produce no tokens. Offsets are byte offsets into the text.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "parsers/sql/sql_extractor.h"
#include "parsers/sql/sql_keywords.h"

namespace pipelint::sql {

enum class Tok : uint8_t {
  Word,    // identifier or keyword (letters, digits, _, any byte >= 0x80)
  Number,  // digits only, with an optional fraction
  Quoted,  // `identifier` (b..e include the backticks)
  String,  // '...' "..." r'...' (b..e include prefix and quotes)
  Hole,    // ${name} {name} {{name}}
  Punct,   // one byte: ( ) , . ; : | < > = ...
};

struct Token {
  size_t b = 0, e = 0;  // [b, e) in the text
  Tok kind = Tok::Punct;
  Kw kw = Kw::None;     // for words
  char ch = 0;          // for punctuation
};

struct Tokens {
  std::vector<Token> list;
  std::optional<SqlError> error;  // first lexical error (unterminated string, comment, ...)
};

Tokens tokenize(std::string_view text);

// The variable name inside a hole token's text ("${ a.b }" -> "a.b").
std::string_view hole_name(std::string_view hole_text);

// Length of a template hole starting at text[i] ('$' or '{'), 0 if none starts there.
size_t hole_length(std::string_view text, size_t i);

}  // namespace pipelint::sql

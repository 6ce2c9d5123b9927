#include "parsers/sql/sql_tokenizer.h"

#include <algorithm>

namespace pipelint::sql {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c >= 0x80;
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// A hole's name: identifier characters plus the separators seen in practice
// (${a.b}, ${hiveconf:x}, {my-var}).
bool is_hole_name_byte(unsigned char c) {
  return is_word_byte(c) || c == '.' || c == ':' || c == '-' || c == ' ';
}

size_t end_of_line(std::string_view text, size_t i) {
  while (i < text.size() && text[i] != '\n') ++i;
  return i;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Tokens run() {
    out_.list.reserve(text_.size() / 4 + 8);
    size_t i = 0;
    while (i < text_.size()) i = next(i);
    return std::move(out_);
  }

 private:
  void fail(size_t offset, const char* message) {
    if (!out_.error || offset < out_.error->offset) out_.error = SqlError{offset, message};
  }
  void push(size_t b, size_t e, Tok kind, Kw kw = Kw::None, char ch = 0) {
    out_.list.push_back(Token{b, e, kind, kw, ch});
  }

  size_t next(size_t i) {
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return i + 1;
    if (c == '-' && peek(i + 1) == '-') return line_comment(i);
    if (c == '/' && peek(i + 1) == '*') return block_comment(i);
    if (c == '\'' || c == '"') return string(i, i, true);
    if ((c == 'r' || c == 'R') && (peek(i + 1) == '\'' || peek(i + 1) == '"')) return string(i, i + 1, false);
    if (c == '`') return backtick(i);
    if (c == '$' || c == '{') {
      if (size_t n = hole_length(text_, i)) {
        push(i, i + n, Tok::Hole);
        return i + n;
      }
      if (c == '$' && peek(i + 1) == '{') fail(i, "unterminated ${...} placeholder");
    }
    if (is_digit(c)) return number(i);
    if (is_word_byte(c)) return word(i);
    push(i, i + 1, Tok::Punct, Kw::None, static_cast<char>(c));
    return i + 1;
  }

  char peek(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  // A Databricks SQL notebook separates its cells with "-- COMMAND ----------"
  // lines, and cells often end without ';': the marker ends a statement.
  size_t line_comment(size_t start) {
    const size_t end = end_of_line(text_, start);
    std::string_view body = text_.substr(start + 2, end - start - 2);
    while (!body.empty() && body.front() == ' ') body.remove_prefix(1);
    if (body.substr(0, 11) == "COMMAND ---") push(start, start + 1, Tok::Punct, Kw::None, ';');
    return end;
  }

  size_t block_comment(size_t start) {
    size_t depth = 0, i = start;
    while (i < text_.size()) {
      if (text_[i] == '/' && peek(i + 1) == '*') {
        ++depth;
        i += 2;
      } else if (text_[i] == '*' && peek(i + 1) == '/') {
        i += 2;
        if (--depth == 0) return i;
      } else {
        ++i;
      }
    }
    fail(start, "unterminated /* comment");
    return text_.size();
  }

  // An unterminated literal ends at the end of its line, so that the statements
  // on the following lines can still be read.
  size_t string(size_t start, size_t quote_at, bool escapes) {
    const char quote = text_[quote_at];
    for (size_t i = quote_at + 1; i < text_.size(); ++i) {
      if (escapes && text_[i] == '\\') {
        ++i;
        continue;
      }
      if (text_[i] == quote) {
        push(start, i + 1, Tok::String);
        return i + 1;
      }
    }
    fail(start, "unterminated string literal");
    size_t e = end_of_line(text_, quote_at + 1);
    push(start, e, Tok::String);
    return e;
  }

  size_t backtick(size_t start) {
    for (size_t i = start + 1; i < text_.size(); ++i) {
      if (text_[i] != '`') continue;
      if (peek(i + 1) == '`') {  // `` is an escaped backtick
        ++i;
        continue;
      }
      push(start, i + 1, Tok::Quoted);
      return i + 1;
    }
    fail(start, "unterminated `quoted identifier`");
    size_t e = end_of_line(text_, start + 1);
    push(start, e, Tok::Quoted);
    return e;
  }

  size_t number(size_t start) {
    size_t i = start;
    while (i < text_.size() && is_digit(static_cast<unsigned char>(text_[i]))) ++i;
    if (i < text_.size() && is_word_byte(static_cast<unsigned char>(text_[i]))) return word(start);  // 2024_sales
    if (peek(i) == '.' && is_digit(static_cast<unsigned char>(peek(i + 1)))) {
      i += 1;
      while (i < text_.size() && is_digit(static_cast<unsigned char>(text_[i]))) ++i;
    }
    push(start, i, Tok::Number);
    return i;
  }

  size_t word(size_t start) {
    size_t i = start;
    while (i < text_.size() && is_word_byte(static_cast<unsigned char>(text_[i]))) ++i;
    push(start, i, Tok::Word, keyword_of(text_.substr(start, i - start)));
    return i;
  }

  std::string_view text_;
  Tokens out_;
};

}  // namespace

size_t hole_length(std::string_view text, size_t i) {
  constexpr size_t kMaxName = 200;
  size_t open = 0;
  const char* close = "}";
  if (text[i] == '$') {
    if (i + 1 >= text.size() || text[i + 1] != '{') return 0;
    open = 2;
  } else if (text[i] == '{') {
    bool doubled = i + 1 < text.size() && text[i + 1] == '{';
    open = doubled ? 2 : 1;
    close = doubled ? "}}" : "}";
  } else {
    return 0;
  }
  size_t j = i + open;
  const size_t limit = std::min(text.size(), j + kMaxName);
  while (j < limit && is_hole_name_byte(static_cast<unsigned char>(text[j]))) ++j;
  std::string_view rest = text.substr(j);
  std::string_view closing(close);
  if (rest.substr(0, closing.size()) != closing) return 0;
  return j + closing.size() - i;
}

std::string_view hole_name(std::string_view t) {
  size_t b = 0, e = t.size();
  while (b < e && (t[b] == '$' || t[b] == '{')) ++b;
  while (e > b && t[e - 1] == '}') --e;
  while (b < e && t[b] == ' ') ++b;
  while (e > b && t[e - 1] == ' ') --e;
  return t.substr(b, e - b);
}

Tokens tokenize(std::string_view text) { return Lexer(text).run(); }

}  // namespace pipelint::sql

#include "parsers/sql/sql_columns.h"

namespace pipelint::sql {
namespace {

bool is_constraint_start(Kw kw) {
  return kw == Kw::CONSTRAINT || kw == Kw::PRIMARY || kw == Kw::FOREIGN || kw == Kw::UNIQUE ||
         kw == Kw::CHECK;
}

// Words that end a column's type and start its options.
bool ends_type(Kw kw) {
  switch (kw) {
    case Kw::NOT: case Kw::NULL_: case Kw::COMMENT: case Kw::DEFAULT: case Kw::GENERATED:
    case Kw::PRIMARY: case Kw::CONSTRAINT: case Kw::MASK: case Kw::REFERENCES: case Kw::CHECK:
      return true;
    default:
      return false;
  }
}

std::string column_name(std::string_view text, const Token& t) {
  std::string_view s = text.substr(t.b, t.e - t.b);
  if (t.kind != Tok::Quoted) return std::string(s);
  std::string out;
  s = s.substr(1, s.size() >= 2 ? s.size() - 2 : 0);
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '`' && i + 1 < s.size() && s[i + 1] == '`') ++i;
  }
  return out;
}

// One element [b, e) of the list.
void add_column(std::string_view text, const std::vector<Token>& toks, size_t b, size_t e, ColumnList& out) {
  if (b >= e) return;
  const Token& name = toks[b];
  if (name.kind == Tok::Word && is_constraint_start(name.kw)) return;
  if (name.kind != Tok::Word && name.kind != Tok::Quoted) return;
  size_t type_end = b + 1;  // one past the last type token
  int parens = 0, angles = 0;
  for (size_t j = b + 1; j < e; ++j) {
    const Token& t = toks[j];
    if (parens == 0 && angles == 0 && t.kind == Tok::Word && ends_type(t.kw)) break;
    if (t.kind == Tok::Punct) {
      if (t.ch == '(') ++parens;
      else if (t.ch == ')') --parens;
      else if (t.ch == '<') ++angles;
      else if (t.ch == '>') --angles;
    }
    type_end = j + 1;
  }
  std::string type;
  if (type_end > b + 1) type.assign(text.substr(toks[b + 1].b, toks[type_end - 1].e - toks[b + 1].b));
  out.emplace_back(column_name(text, name), std::move(type));
}

}  // namespace

ColumnList parse_columns(std::string_view text, const std::vector<Token>& toks, size_t open, size_t close) {
  ColumnList out;
  int parens = 0, angles = 0;
  size_t start = open + 1;
  for (size_t j = open + 1; j < close; ++j) {
    const Token& t = toks[j];
    if (t.kind != Tok::Punct) continue;
    if (t.ch == '(') ++parens;
    else if (t.ch == ')') --parens;
    else if (t.ch == '<') ++angles;
    else if (t.ch == '>' && angles > 0) --angles;
    else if (t.ch == ',' && parens == 0 && angles == 0) {
      add_column(text, toks, start, j, out);
      start = j + 1;
    }
  }
  add_column(text, toks, start, close, out);
  return out;
}

}  // namespace pipelint::sql

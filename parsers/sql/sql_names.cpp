#include "parsers/sql/sql_names.h"

namespace pipelint::sql {
namespace {

bool is_clause_keyword(Kw kw) {
  switch (kw) {
    case Kw::SELECT: case Kw::FROM: case Kw::WHERE: case Kw::GROUP: case Kw::HAVING:
    case Kw::ORDER: case Kw::JOIN: case Kw::ON: case Kw::UNION: case Kw::INTERSECT:
    case Kw::EXCEPT: case Kw::LIMIT: case Kw::INTO: case Kw::AS: case Kw::WHEN:
    case Kw::THEN: case Kw::BY: case Kw::SET: case Kw::USING:
      return true;
    default:
      return false;
  }
}

bool is_path_format(Kw kw) {
  switch (kw) {
    case Kw::DELTA: case Kw::PARQUET: case Kw::CSV: case Kw::JSON: case Kw::ORC:
    case Kw::TEXT: case Kw::AVRO: case Kw::BINARYFILE:
      return true;
    default:
      return false;
  }
}

bool is_punct(const Token& t, char c) { return t.kind == Tok::Punct && t.ch == c; }

bool is_segment_token(const Token& t) {
  return t.kind == Tok::Word || t.kind == Tok::Number || t.kind == Tok::Quoted || t.kind == Tok::Hole;
}

void append_literal(NameTemplate& out, std::string_view s) {
  if (!s.empty()) out.append(NameTemplate::literal(std::string(s)));
}

void append_hole(NameTemplate& out, std::string_view name) {
  out.parts.push_back(NameTemplate::hole(std::string(name), HoleSource::Template).parts[0]);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// `a``b` -> a`b, holes inside kept as holes.
void append_backtick_content(NameTemplate& out, std::string_view quoted) {
  std::string_view inner = quoted.substr(1);
  if (!inner.empty() && inner.back() == '`') inner.remove_suffix(1);
  std::string plain;
  plain.reserve(inner.size());
  for (size_t i = 0; i < inner.size(); ++i) {
    plain += inner[i];
    if (inner[i] == '`' && i + 1 < inner.size() && inner[i + 1] == '`') ++i;
  }
  append_templated(out, plain);
}

// One dot-separated part: adjacent tokens glued without whitespace ({env}_de).
struct Segment {
  size_t first = 0, next = 0;
  bool literal = true;
};

Segment read_segment(std::string_view text, const std::vector<Token>& toks, size_t i, size_t end,
                     NameTemplate& out) {
  Segment seg{i, i, true};
  size_t j = i;
  while (j < end && is_segment_token(toks[j]) && (j == i || toks[j].b == toks[j - 1].e)) {
    const Token& t = toks[j];
    std::string_view s = text.substr(t.b, t.e - t.b);
    if (t.kind == Tok::Hole) {
      append_hole(out, hole_name(s));
      seg.literal = false;
    } else if (t.kind == Tok::Quoted) {
      size_t before = out.parts.size();
      append_backtick_content(out, s);
      for (size_t k = before; k < out.parts.size(); ++k) seg.literal = seg.literal && !out.parts[k].hole;
    } else {
      append_literal(out, s);
    }
    ++j;
  }
  seg.next = j;
  return seg;
}

// A session variable (tbl, session.tbl, system.session.tbl) becomes the hole
// {tbl}: its value is set at run time. Returns the index after the name.
size_t session_variable(std::string_view text, const std::vector<Token>& toks, size_t j, size_t end,
                        NameTemplate& out) {
  std::vector<std::string_view> parts{text.substr(toks[j].b, toks[j].e - toks[j].b)};
  ++j;
  while (j + 1 < end && is_punct(toks[j], '.') && toks[j + 1].kind == Tok::Word) {
    parts.push_back(text.substr(toks[j + 1].b, toks[j + 1].e - toks[j + 1].b));
    j += 2;
  }
  size_t first = 0;
  if (parts.size() > 1 && lower(parts[0]) == "system") ++first;
  if (parts.size() > first + 1 && lower(parts[first]) == "session") ++first;
  std::string name;
  for (size_t k = first; k < parts.size(); ++k) {
    if (k > first) name += '.';
    name.append(parts[k]);
  }
  append_hole(out, name);
  return j;
}

// IDENTIFIER('a.b' || :x): string literals are name text, :x markers are holes,
// a bare word is a session variable.
ParsedName parse_identifier_clause(std::string_view text, const std::vector<Token>& toks, size_t i,
                                   size_t end) {
  ParsedName pn;
  pn.offset = toks[i].b;
  pn.identifier_clause = true;
  NameTemplate raw;
  size_t j = i + 2;
  bool any = false;
  while (j < end && !is_punct(toks[j], ')')) {
    const Token& t = toks[j];
    if (t.kind == Tok::String) {
      raw.append(string_literal_value(text.substr(t.b, t.e - t.b)));
      any = true;
    } else if (is_punct(t, ':') && j + 1 < end && toks[j + 1].kind == Tok::Word) {
      append_hole(raw, text.substr(toks[j + 1].b, toks[j + 1].e - toks[j + 1].b));
      any = true;
      ++j;
    } else if (t.kind == Tok::Hole) {
      append_hole(raw, hole_name(text.substr(t.b, t.e - t.b)));
      any = true;
    } else if (t.kind == Tok::Word && !(j + 1 < end && is_punct(toks[j + 1], '('))) {
      j = session_variable(text, toks, j, end, raw);  // IDENTIFIER(session.tbl): a SQL variable
      any = true;
      continue;
    } else if (!is_punct(t, '|')) {
      return pn;  // an expression we do not evaluate
    }
    ++j;
  }
  if (j >= end || !any) return pn;
  pn.name = unquote_parts(std::move(raw));  // IDENTIFIER('cat.`my-schema`.t')
  pn.ok = true;
  pn.next = j + 1;
  if (!pn.name.has_holes() && pn.name.parts.size() == 1) {
    const std::string& s = pn.name.parts[0].text;
    if (s.find('.') == std::string::npos) pn.single_lower = lower(s);
    pn.first_lower = lower(s.substr(0, s.find('.')));
  }
  return pn;
}

}  // namespace

NameTemplate unquote_parts(NameTemplate name) {
  for (auto& p : name.parts) {
    if (p.hole) continue;
    std::string unquoted;
    for (size_t k = 0; k < p.text.size(); ++k) {
      if (p.text[k] != '`') unquoted += p.text[k];
      else if (k + 1 < p.text.size() && p.text[k + 1] == '`') unquoted += '`', ++k;
    }
    p.text = std::move(unquoted);
  }
  return name;
}

bool starts_name(const Token& t) {
  if (t.kind == Tok::Quoted || t.kind == Tok::Hole) return true;
  return t.kind == Tok::Word && !is_clause_keyword(t.kw);
}

void append_templated(NameTemplate& out, std::string_view text) {
  size_t lit = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$' && text[i] != '{') continue;
    size_t n = hole_length(text, i);
    if (n == 0) continue;
    append_literal(out, text.substr(lit, i - lit));
    append_hole(out, hole_name(text.substr(i, n)));
    i += n - 1;
    lit = i + 1;
  }
  append_literal(out, text.substr(lit));
}

NameTemplate string_literal_value(std::string_view literal) {
  bool raw = !literal.empty() && (literal[0] == 'r' || literal[0] == 'R');
  std::string_view inner = literal.substr(raw ? 2 : 1);
  if (!inner.empty() && (inner.back() == '\'' || inner.back() == '"') && literal.size() >= (raw ? 3u : 2u))
    inner.remove_suffix(1);
  std::string value;
  value.reserve(inner.size());
  for (size_t i = 0; i < inner.size(); ++i) {
    if (!raw && inner[i] == '\\' && i + 1 < inner.size()) {
      char c = inner[++i];
      value += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      value += inner[i];
    }
  }
  NameTemplate out;
  append_templated(out, value);
  return out;
}

ParsedName parse_name(std::string_view text, const std::vector<Token>& toks, size_t i, size_t end) {
  if (i >= end || !starts_name(toks[i])) return {};
  if (toks[i].kw == Kw::IDENTIFIER && i + 1 < end && is_punct(toks[i + 1], '('))
    return parse_identifier_clause(text, toks, i, end);

  ParsedName pn;
  pn.offset = toks[i].b;
  std::vector<Segment> segs;
  size_t j = i;
  while (true) {
    if (!segs.empty()) append_literal(pn.name, ".");
    segs.push_back(read_segment(text, toks, j, end, pn.name));
    j = segs.back().next;
    if (j + 1 < end && is_punct(toks[j], '.') && is_segment_token(toks[j + 1])) {
      ++j;
      continue;
    }
    break;
  }
  pn.ok = true;
  pn.next = j;

  const Token& first = toks[segs[0].first];
  const bool one_token_first = segs[0].next == segs[0].first + 1;
  if (segs.size() == 2 && one_token_first && first.kind == Tok::Word && is_path_format(first.kw) &&
      toks[segs[1].first].kind == Tok::Quoted) {
    pn.kind = Kind::Path;
    NameTemplate path;
    read_segment(text, toks, segs[1].first, end, path);
    pn.name = std::move(path);
    return pn;
  }
  if (segs[0].literal) {
    NameTemplate first_text;
    read_segment(text, toks, segs[0].first, end, first_text);
    pn.first_lower = first_text.parts.empty() ? std::string() : lower(first_text.parts[0].text);
    if (segs.size() == 1) pn.single_lower = pn.first_lower;
  }
  return pn;
}

}  // namespace pipelint::sql

#include "parsers/common/suppressions.h"

#include <algorithm>
#include <cctype>

namespace pipelint {
namespace {

// A comment found by a lexer: where its text starts (after the marker) and ends.
struct Comment {
  size_t marker = 0;    // offset of '#' or "--"
  size_t text = 0;      // offset just after the marker
  size_t end = 0;       // end of the comment text (newline or end of the enclosing string)
  uint32_t line = 0;
  bool own_line = false;  // only whitespace before it on its line
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

class Lines {
 public:
  explicit Lines(std::string_view text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  uint32_t line_of(size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<uint32_t>(it - starts_.begin());
  }
  size_t start(uint32_t line) const { return starts_[line - 1]; }
  uint32_t count() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  std::vector<size_t> starts_;
};

bool only_space_before(std::string_view text, size_t line_start, size_t pos) {
  for (size_t i = line_start; i < pos; ++i)
    if (!is_space(text[i])) return false;
  return true;
}

size_t line_end(std::string_view text, size_t pos) {
  size_t nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl;
}

// Python: '#' outside strings; strings with either quote, triple-quoted strings
// (where "--" starts an embedded SQL comment), backslash escapes.
void python_comments(std::string_view t, const Lines& lines, std::vector<Comment>& out) {
  size_t i = 0, n = t.size();
  auto add = [&](size_t marker, size_t text, size_t end) {
    uint32_t line = lines.line_of(marker);
    out.push_back({marker, text, end, line, only_space_before(t, lines.start(line), marker)});
  };
  while (i < n) {
    char c = t[i];
    if (c == '#') {
      size_t e = line_end(t, i);
      add(i, i + 1, e);
      i = e;
    } else if (c == '\'' || c == '"') {
      bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
      if (triple) {
        size_t j = i + 3;
        size_t close = n;
        while (j < n) {
          if (t[j] == '\\') { j += 2; continue; }
          if (t[j] == c && j + 2 < n && t[j + 1] == c && t[j + 2] == c) { close = j; break; }
          if (t[j] == '-' && j + 1 < n && t[j + 1] == '-') {
            size_t e = std::min(line_end(t, j), n);
            size_t q = t.find(std::string(3, c), j);  // the string may end on this line
            if (q != std::string_view::npos && q < e) e = q;
            add(j, j + 2, e);
            j = e;
            continue;
          }
          ++j;
        }
        i = close >= n ? n : close + 3;
      } else {
        size_t j = i + 1;
        while (j < n && t[j] != c && t[j] != '\n') j += t[j] == '\\' ? 2 : 1;
        i = j + 1;
      }
    } else {
      ++i;
    }
  }
}

// SQL: "--" outside quotes, backticks and block comments.
void sql_comments(std::string_view t, const Lines& lines, std::vector<Comment>& out) {
  size_t i = 0, n = t.size();
  while (i < n) {
    char c = t[i];
    if (c == '-' && i + 1 < n && t[i + 1] == '-') {
      size_t e = line_end(t, i);
      uint32_t line = lines.line_of(i);
      out.push_back({i, i + 2, e, line, only_space_before(t, lines.start(line), i)});
      i = e;
    } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      size_t e = t.find("*/", i + 2);
      i = e == std::string_view::npos ? n : e + 2;
    } else if (c == '\'' || c == '"' || c == '`') {
      size_t j = i + 1;
      while (j < n) {
        if (t[j] == '\\' && c != '`') { j += 2; continue; }
        if (t[j] == c) {
          if (j + 1 < n && t[j + 1] == c) { j += 2; continue; }  // doubled quote
          break;
        }
        ++j;
      }
      i = j + 1;
    } else {
      ++i;
    }
  }
}

// YAML: '#' at the start of a line or after whitespace, outside quoted scalars
// and block scalars (| and >), whose lines are text.
void yaml_comments(std::string_view t, const Lines& lines, std::vector<Comment>& out) {
  char quote = 0;             // inside a quoted scalar that may span lines
  int block_indent = -1;      // inside a block scalar: lines indented deeper than this
  for (uint32_t ln = 1; ln <= lines.count(); ++ln) {
    size_t s = lines.start(ln), e = line_end(t, s);
    size_t first = s;
    while (first < e && (t[first] == ' ' || t[first] == '\t')) ++first;
    if (block_indent >= 0 && !quote) {
      if (first == e || static_cast<int>(first - s) > block_indent) continue;
      block_indent = -1;
    }
    char prev_sig = 0;  // last non-space character outside strings on this line
    for (size_t i = s; i < e; ++i) {
      char c = t[i];
      if (quote) {
        if (quote == '"' && c == '\\') { ++i; continue; }
        if (c == quote) {
          if (quote == '\'' && i + 1 < e && t[i + 1] == '\'') { ++i; continue; }
          quote = 0;
          prev_sig = c;
        }
        continue;
      }
      if (c == '#' && (i == s || is_space(t[i - 1]))) {
        out.push_back({i, i + 1, e, ln, i == first});
        break;
      }
      if ((c == '\'' || c == '"') &&
          (prev_sig == 0 || prev_sig == ':' || prev_sig == '-' || prev_sig == '[' || prev_sig == '{' ||
           prev_sig == ',' || prev_sig == '?')) {
        quote = c;
        continue;
      }
      if ((c == '|' || c == '>') && (prev_sig == ':' || prev_sig == '-')) {
        block_indent = static_cast<int>(first - s);
        if (prev_sig == '-') block_indent += 1;
      }
      if (!is_space(c)) prev_sig = c;
    }
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool consume(std::string_view& s, std::string_view word) {
  if (s.substr(0, word.size()) != word) return false;
  s.remove_prefix(word.size());
  return true;
}

void skip_space(std::string_view& s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
}

// The text of a notebook "# MAGIC ..." line after MAGIC and an SQL/Python comment
// marker, so that "# MAGIC -- pipelint: ..." reads like "-- pipelint: ...".
// Returns false when the MAGIC line holds content rather than a comment.
bool strip_magic(std::string_view& body) {
  std::string_view s = body;
  skip_space(s);
  if (!consume(s, "MAGIC")) return true;
  skip_space(s);
  if (s.empty()) { body = s; return true; }
  if (consume(s, "--") || consume(s, "#")) { body = s; return true; }
  return false;
}

// Parses "pipelint: ignore[IDS] until=DATE reason" at the start of a comment body.
bool parse_directive(std::string_view body, Suppression& out) {
  skip_space(body);
  if (!consume(body, "pipelint:")) return false;
  skip_space(body);
  if (!consume(body, "ignore")) return false;
  if (!body.empty() && (std::isalnum(static_cast<unsigned char>(body.front())) || body.front() == '_'))
    return false;  // "ignored", "ignore_x": some other text
  skip_space(body);
  if (consume(body, "[")) {
    size_t close = body.find(']');
    std::string_view ids = body.substr(0, close);
    body.remove_prefix(close == std::string_view::npos ? body.size() : close + 1);
    std::string id;
    for (size_t i = 0; i <= ids.size(); ++i) {
      char c = i < ids.size() ? ids[i] : ',';
      if (c == ',' || is_space(c)) {
        if (!id.empty()) out.rules.push_back(id);
        id.clear();
      } else {
        id += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
  }
  skip_space(body);
  if (consume(body, "until=")) {
    size_t stop = 0;
    while (stop < body.size() && !is_space(body[stop])) ++stop;
    out.until = std::string(body.substr(0, stop));
    out.until_valid = is_iso_date(out.until);
    body.remove_prefix(stop);
  }
  out.reason = std::string(trim(body));
  return true;
}

}  // namespace

CommentSyntax comment_syntax_for(std::string_view path) {
  auto ends = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(path[path.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
  };
  if (ends(".sql")) return CommentSyntax::Sql;
  if (ends(".yaml") || ends(".yml")) return CommentSyntax::Yaml;
  return CommentSyntax::Python;
}

bool is_iso_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  int y = std::stoi(std::string(d.substr(0, 4)));
  int m = std::stoi(std::string(d.substr(5, 2)));
  int day = std::stoi(std::string(d.substr(8, 2)));
  if (m < 1 || m > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return day <= max;
}

std::vector<Suppression> scan_suppressions(std::string_view text, CommentSyntax syntax) {
  std::vector<Suppression> out;
  if (text.find("pipelint:") == std::string_view::npos) return out;  // the common case: nothing to do
  Lines lines(text);
  std::vector<Comment> comments;
  switch (syntax) {
    case CommentSyntax::Python: python_comments(text, lines, comments); break;
    case CommentSyntax::Sql: sql_comments(text, lines, comments); break;
    case CommentSyntax::Yaml: yaml_comments(text, lines, comments); break;
  }
  // Lines that hold nothing but a comment: an own-line suppression skips them to
  // reach the code it is about (stacked comments). A notebook "# MAGIC SELECT"
  // line is code of a %sql cell, not a comment.
  std::vector<bool> comment_only(lines.count() + 2, false);
  for (const auto& c : comments) {
    if (!c.own_line) continue;
    std::string_view body = text.substr(c.text, c.end - c.text);
    if (syntax != CommentSyntax::Python || strip_magic(body)) comment_only[c.line] = true;
  }
  // first_code[l]: the first line at or after l that is not only a comment.
  std::vector<uint32_t> first_code(lines.count() + 2);
  first_code[lines.count() + 1] = lines.count() + 1;
  for (uint32_t l = lines.count(); l >= 1; --l) first_code[l] = comment_only[l] ? first_code[l + 1] : l;
  for (const auto& c : comments) {
    std::string_view body = text.substr(c.text, c.end - c.text);
    bool own_line = c.own_line;
    size_t marker = c.marker;
    if (syntax == CommentSyntax::Python) {
      std::string_view before = body;
      if (strip_magic(body)) {
        if (body.size() != before.size()) own_line = true;  // "# MAGIC" only marks the cell's line
      } else {
        // A %sql cell line with a trailing SQL comment: "# MAGIC SELECT ... -- pipelint: ...".
        size_t dash = body.find("--");
        if (dash == std::string_view::npos) continue;
        marker = static_cast<size_t>(body.data() - text.data()) + dash;
        body.remove_prefix(dash + 2);
        own_line = false;
      }
    }
    Suppression s;
    if (!parse_directive(body, s)) continue;
    s.line = c.line;
    // Column in code points of the comment marker.
    uint32_t col = 1;
    for (size_t i = lines.start(c.line); i < marker; ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    s.col = col;
    uint32_t target = c.line;
    if (own_line) target = first_code[c.line + 1];
    s.target_line = target;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace pipelint

// A glob compiles to a list of tokens that is run as an NFA over the text:
// every token position is a state, so mixed * and ** never need backtracking.
#include "analyzer/model/glob.h"

#include <string>
#include <vector>

namespace pipelint {
namespace {

enum class Tok : uint8_t {
  Lit,        // one given character
  Any,        // ?  one character but the separator
  Set,        // [...]
  Star,       // *  stays on non-separators; may be skipped
  DStar,      // ** stays on anything; may be skipped
  Optional,   // start of "**/": skip to the token after the next one, or enter it
  DStarSep,   // inside "**/": stays on anything, leaves after a separator
};

struct Token {
  Tok kind;
  char c = 0;                    // Lit
  size_t set_begin = 0, set_end = 0;  // Set: pattern indices of the content between [ and ]
};

void compile(std::string_view p, char sep, std::vector<Token>& out) {
  out.clear();
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '*') {
      size_t j = i;
      while (j < p.size() && p[j] == '*') ++j;
      if (j - i == 1) {
        out.push_back({Tok::Star});
      } else if (j < p.size() && p[j] == sep) {
        out.push_back({Tok::Optional});
        out.push_back({Tok::DStarSep});
        ++j;  // the separator belongs to the group
      } else {
        out.push_back({Tok::DStar});
      }
      i = j - 1;
    } else if (c == '?') {
      out.push_back({Tok::Any});
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < p.size() && (p[j] == '!' || p[j] == '^')) ++j;
      if (j < p.size() && p[j] == ']') ++j;  // a leading ']' is a member
      size_t close = p.find(']', j);
      if (close == std::string_view::npos) {
        out.push_back({Tok::Lit, '['});
      } else {
        out.push_back({Tok::Set, 0, i + 1, close});
        i = close;
      }
    } else if (c == '\\' && i + 1 < p.size()) {
      out.push_back({Tok::Lit, p[++i]});
    } else {
      out.push_back({Tok::Lit, c});
    }
  }
}

bool in_set(std::string_view p, const Token& t, char c) {
  size_t i = t.set_begin;
  bool negate = i < t.set_end && (p[i] == '!' || p[i] == '^');
  if (negate) ++i;
  bool hit = false;
  for (; i < t.set_end; ++i) {
    if (i + 2 < t.set_end && p[i + 1] == '-') {
      if (c >= p[i] && c <= p[i + 2]) hit = true;
      i += 2;
    } else if (p[i] == c) {
      hit = true;
    }
  }
  return hit != negate;
}

// Adds the states reachable without consuming text. Epsilon moves only go
// forward, so one ascending pass suffices.
void close_over(const std::vector<Token>& toks, std::vector<char>& active) {
  for (size_t k = 0; k < toks.size(); ++k) {
    if (!active[k]) continue;
    switch (toks[k].kind) {
      case Tok::Star:
      case Tok::DStar: active[k + 1] = 1; break;
      case Tok::Optional: active[k + 1] = 1; active[k + 2] = 1; break;
      default: break;
    }
  }
}

}  // namespace

bool glob_match(std::string_view p, std::string_view t, char sep) {
  // Literal text at either end must match as is; only the middle needs the NFA.
  size_t head = p.find_first_of("*?[\\");
  if (head == std::string_view::npos) return p == t;
  if (t.substr(0, head) != p.substr(0, head)) return false;
  size_t last = p.find_last_of("*?[]\\");
  if (p[last] == '*' && last > 0 && p[last - 1] == '*' && last + 1 < p.size() && p[last + 1] == sep)
    ++last;  // the separator of "**/" belongs to the group: "a/**/b" matches "a/b"
  size_t tail = p.size() - 1 - last;
  if (t.size() < head + tail || t.substr(t.size() - tail) != p.substr(p.size() - tail)) return false;
  p = p.substr(head, p.size() - head - tail);
  t = t.substr(head, t.size() - head - tail);

  // Per-thread scratch space: matching allocates nothing once warmed up.
  thread_local std::vector<Token> toks;
  thread_local std::vector<char> active, next;
  compile(p, sep, toks);
  const size_t n = toks.size();
  active.assign(n + 1, 0);
  next.assign(n + 1, 0);
  active[0] = 1;
  close_over(toks, active);
  for (char c : t) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (size_t k = 0; k < n; ++k) {
      if (!active[k]) continue;
      const Token& tok = toks[k];
      switch (tok.kind) {
        case Tok::Lit: if (c == tok.c) next[k + 1] = 1; break;
        case Tok::Any: if (c != sep) next[k + 1] = 1; break;
        case Tok::Set: if (c != sep && in_set(p, tok, c)) next[k + 1] = 1; break;
        case Tok::Star: if (c != sep) next[k] = 1; break;
        case Tok::DStar: next[k] = 1; break;
        case Tok::Optional: break;
        case Tok::DStarSep:
          next[k] = 1;
          if (c == sep) next[k + 1] = 1;
          break;
      }
    }
    for (char a : next) any = any || a;
    if (!any) return false;
    close_over(toks, next);
    active.swap(next);
  }
  return active[n] != 0;
}

bool table_glob_match(std::string_view pattern, std::string_view table) {
  size_t n = pattern.size();
  bool open_tail = n >= 2 && pattern[n - 1] == '*' && pattern[n - 2] == '.' &&
                   !(n >= 3 && pattern[n - 3] == '\\');
  if (!open_tail) return glob_match(pattern, table, '.');
  std::string widened(pattern.substr(0, n - 1));
  widened += "?**";  // one or more characters, dots included
  return glob_match(widened, table, '.');
}

}  // namespace pipelint

#include "analyzer/model/glob.h"

#include <vector>

namespace pipelint {
namespace {

// Matches one bracket set at pattern[pi] ('[' ... ']') against c; sets `next` to
// the index after ']'. Returns false with next = npos when the set is unterminated.
bool match_set(std::string_view p, size_t pi, char c, size_t& next) {
  size_t i = pi + 1;
  bool negate = i < p.size() && (p[i] == '!' || p[i] == '^');
  if (negate) ++i;
  bool hit = false;
  bool first = true;
  for (; i < p.size() && (first || p[i] != ']'); ++i, first = false) {
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      if (c >= p[i] && c <= p[i + 2]) hit = true;
      i += 2;
    } else if (p[i] == c) {
      hit = true;
    }
  }
  if (i >= p.size()) { next = std::string_view::npos; return false; }
  next = i + 1;
  return hit != negate;
}

}  // namespace

bool glob_match(std::string_view p, std::string_view t, char sep) {
  // Iterative matcher with backtracking points for * and ** (linear in practice).
  size_t pi = 0, ti = 0;
  size_t star_p = std::string_view::npos, star_t = 0;
  bool star_crosses = false;
  while (ti < t.size() || pi < p.size()) {
    if (pi < p.size()) {
      char c = p[pi];
      if (c == '*') {
        bool dbl = pi + 1 < p.size() && p[pi + 1] == '*';
        size_t after = pi + (dbl ? 2 : 1);
        // "**/" also matches nothing at all, so "a/**/b" matches "a/b".
        if (dbl && after < p.size() && p[after] == sep) {
          size_t save_p = after + 1;
          if (glob_match(p.substr(save_p), t.substr(ti), sep)) return true;
        }
        star_p = after;
        star_t = ti;
        star_crosses = dbl;
        pi = after;
        continue;
      }
      if (ti < t.size()) {
        if (c == '[') {
          size_t next;
          if (t[ti] != sep && match_set(p, pi, t[ti], next)) { pi = next; ++ti; continue; }
        } else if (c == '?' ? t[ti] != sep : c == t[ti]) {
          ++pi; ++ti; continue;
        }
      }
    }
    // Mismatch: extend the last star by one character if it may take it.
    if (star_p != std::string_view::npos && star_t < t.size() &&
        (star_crosses || t[star_t] != sep)) {
      ++star_t;
      ti = star_t;
      pi = star_p;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace pipelint

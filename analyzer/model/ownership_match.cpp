#include "analyzer/model/ownership_match.h"

#include <algorithm>

#include "analyzer/model/glob.h"

namespace pipelint {
namespace {

bool has_placeholder(std::string_view name) { return name.find('{') != std::string_view::npos; }

// Globs whose segments cannot be taken one by one: "**" crosses dots, "\." is a
// literal dot.
bool is_exotic(std::string_view glob) {
  return glob.find("**") != std::string_view::npos || glob.find('\\') != std::string_view::npos;
}

// Splits on '.' outside [...] (globs) or outside {...} (names).
std::vector<std::string_view> segments(std::string_view s, char open, char close) {
  std::vector<std::string_view> out;
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == open) ++depth;
    else if (s[i] == close && depth > 0) --depth;
    else if (s[i] == '.' && depth == 0) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

// One position of a glob segment: a literal, '?', a [set] or '*'.
struct GlobTok {
  enum Kind : uint8_t { Lit, Any, Set, Star } kind;
  char c = 0;
  std::string_view set;  // "[...]" including brackets
};

std::vector<GlobTok> glob_tokens(std::string_view g) {
  std::vector<GlobTok> out;
  for (size_t i = 0; i < g.size(); ++i) {
    char c = g[i];
    if (c == '*') {
      if (out.empty() || out.back().kind != GlobTok::Star) out.push_back({GlobTok::Star, 0, {}});
    } else if (c == '?') {
      out.push_back({GlobTok::Any, 0, {}});
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < g.size() && (g[j] == '!' || g[j] == '^')) ++j;
      if (j < g.size() && g[j] == ']') ++j;
      size_t close = g.find(']', j);
      if (close == std::string_view::npos) {
        out.push_back({GlobTok::Lit, '[', {}});
      } else {
        out.push_back({GlobTok::Set, 0, g.substr(i, close - i + 1)});
        i = close;
      }
    } else {
      out.push_back({GlobTok::Lit, c, {}});
    }
  }
  return out;
}

// A name segment position: a literal character or a placeholder (any text).
struct NameTok {
  bool hole;
  char c;
};

std::vector<NameTok> name_tokens(std::string_view n) {
  std::vector<NameTok> out;
  for (size_t i = 0; i < n.size(); ++i) {
    if (n[i] == '{') {
      size_t close = n.find('}', i);
      if (close != std::string_view::npos) {
        out.push_back({true, 0});
        i = close;
        continue;
      }
    }
    out.push_back({false, n[i]});
  }
  return out;
}

bool single_matches(const GlobTok& g, char c) {
  if (g.kind == GlobTok::Lit) return g.c == c;
  if (g.kind == GlobTok::Any) return c != '.';
  return glob_match(g.set, std::string_view(&c, 1), '.');
}

// Is there a string both the glob segment and the name segment produce? A search
// over (glob position, name position) pairs: each is visited once.
bool segment_could_match(std::string_view glob, std::string_view name) {
  auto g = glob_tokens(glob);
  auto t = name_tokens(name);
  const size_t G = g.size(), T = t.size();
  std::vector<char> seen((G + 1) * (T + 1), 0);
  std::vector<std::pair<size_t, size_t>> stack{{0, 0}};
  auto push = [&](size_t i, size_t j) {
    char& s = seen[i * (T + 1) + j];
    if (!s) { s = 1; stack.emplace_back(i, j); }
  };
  seen[0] = 1;
  while (!stack.empty()) {
    auto [i, j] = stack.back();
    stack.pop_back();
    if (i == G && j == T) return true;
    bool star = i < G && g[i].kind == GlobTok::Star;
    bool hole = j < T && t[j].hole;
    if (star) {
      push(i + 1, j);                // the star matches nothing more
      if (j < T) push(i, j + 1);     // the star takes the next literal (or the whole placeholder)
    }
    if (hole) {
      push(i, j + 1);                // the placeholder's value ends here
      if (i < G && !star) push(i + 1, j);  // the placeholder produces the glob's next character
    }
    if (i < G && j < T && !star && !hole && single_matches(g[i], t[j].c)) push(i + 1, j + 1);
  }
  return false;
}

// The literal text a segment of a glob must end with ("*_de" → "_de"); "" when it
// ends with a wildcard.
std::string_view literal_suffix(std::string_view seg) {
  size_t cut = seg.find_last_of("*?]");
  return cut == std::string_view::npos ? seg : seg.substr(cut + 1);
}

// Globs of literals and single '*' only (the usual `*_de.silver_billing.*`): a
// backtracking match without allocation, same meaning as table_glob_match.
bool is_simple(std::string_view glob) {
  return glob.find_first_of("?[\\") == std::string_view::npos && glob.find("**") == std::string_view::npos;
}

bool simple_match(std::string_view g, std::string_view t) {
  size_t gi = 0, ti = 0, star = std::string_view::npos, mark = 0;
  while (ti < t.size()) {
    if (gi < g.size() && g[gi] == '*') { star = gi++; mark = ti; continue; }
    if (gi < g.size() && g[gi] == t[ti]) { ++gi; ++ti; continue; }
    if (star != std::string_view::npos && t[mark] != '.') { gi = star + 1; ti = ++mark; continue; }
    return false;
  }
  while (gi < g.size() && g[gi] == '*') ++gi;
  return gi == g.size();
}

bool simple_table_match(std::string_view glob, std::string_view name) {
  size_t n = glob.size();
  if (!(n >= 2 && glob[n - 1] == '*' && glob[n - 2] == '.')) return simple_match(glob, name);
  std::string_view head = glob.substr(0, n - 1);  // ends with '.': the rest is one or more characters
  for (size_t p = name.find('.'); p != std::string_view::npos && p + 1 < name.size(); p = name.find('.', p + 1))
    if (simple_match(head, name.substr(0, p + 1))) return true;
  return false;
}

}  // namespace

bool fast_table_glob_match(std::string_view glob, std::string_view name) {
  return is_simple(glob) ? simple_table_match(glob, name) : table_glob_match(glob, name);
}

bool name_could_match(std::string_view glob, std::string_view name) {
  if (!has_placeholder(name)) return fast_table_glob_match(glob, name);
  if (is_exotic(glob)) return true;  // cannot be decided segment by segment: assume it could
  auto gs = segments(glob, '[', ']');
  auto ns = segments(name, '{', '}');
  size_t compared = gs.size();
  if (gs.size() != ns.size()) {
    if (gs.size() > ns.size() || gs.back() != "*") return false;
    compared = gs.size() - 1;  // a last "*" covers every remaining part
  }
  for (size_t i = 0; i < compared; ++i)
    if (!segment_could_match(gs[i], ns[i])) return false;
  return true;
}

void GlobIndex::add(const std::string& glob, uint32_t value) {
  auto index = static_cast<uint32_t>(entries_.size());
  entries_.push_back({glob, value});
  if (is_exotic(glob)) {
    general_.push_back(index);
    return;
  }
  auto segs = segments(glob, '[', ']');
  std::string_view best;
  int best_seg = -1;
  for (int s = 0; s < 2 && s < static_cast<int>(segs.size()); ++s) {
    auto suffix = literal_suffix(segs[static_cast<size_t>(s)]);
    if (suffix.size() > best.size()) {
      best = suffix;
      best_seg = s;
    }
  }
  if (best_seg < 0) general_.push_back(index);
  else by_suffix_[best_seg][std::string(best)].push_back(index);
}

void GlobIndex::matches(std::string_view name, std::vector<std::pair<uint32_t, const std::string*>>& out) const {
  if (has_placeholder(name)) {
    for (const auto& e : entries_)
      if (name_could_match(e.glob, name)) out.emplace_back(e.value, &e.glob);
    return;
  }
  std::vector<uint32_t> candidates = general_;
  auto segs = segments(name, '{', '}');
  for (size_t s = 0; s < 2 && s < segs.size(); ++s) {
    if (by_suffix_[s].empty()) continue;
    std::string_view seg = segs[s];
    for (size_t len = 1; len <= seg.size(); ++len) {
      auto it = by_suffix_[s].find(seg.substr(seg.size() - len));
      if (it != by_suffix_[s].end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint32_t c : candidates)
    if (fast_table_glob_match(entries_[c].glob, name)) out.emplace_back(entries_[c].value, &entries_[c].glob);
}

}  // namespace pipelint

#include "parsers/sql/sql_column_refs.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "parsers/sql/sql_names.h"

namespace pipelint::sql {
namespace {

// Words of expressions that are never columns (compared lower-case).
constexpr std::array<std::string_view, 72> kExpressionWords = {
    "all",        "and",          "anti",          "any",          "array",        "as",
    "asc",        "between",      "both",          "by",           "case",         "cast",
    "collate",    "cross",        "current",       "current_date", "current_timestamp",
    "current_timezone",           "current_user",  "desc",         "distinct",     "div",
    "else",       "end",          "escape",        "exists",       "false",        "filter",
    "first",      "following",    "from",          "full",         "group",        "having",
    "ignore",     "ilike",        "in",            "inner",        "interval",     "is",
    "join",       "last",         "lateral",       "leading",      "left",         "like",
    "limit",      "map",          "natural",       "not",          "null",         "nulls",
    "on",         "or",           "order",         "outer",        "over",         "partition",
    "preceding",  "range",        "regexp",        "respect",      "right",        "rlike",
    "row",        "rows",         "select",        "semi",         "some",         "struct",
};
constexpr std::array<std::string_view, 11> kMoreExpressionWords = {
    "then", "trailing", "true", "try_cast", "unbounded", "unknown", "using", "when", "where", "within",
    "view"};

// Words after a relation that are not its alias.
constexpr std::array<std::string_view, 19> kNotAlias = {
    "anti",  "cross", "for",     "full",    "inner",   "join",  "lateral", "left",    "natural", "on",
    "outer", "pivot", "right",   "semi",    "tablesample", "timestamp", "unpivot", "using", "version"};

bool in_list(std::string_view w, const std::string_view* b, const std::string_view* e) {
  return std::find(b, e, w) != e;
}

bool expression_word(std::string_view lw) {
  static const std::vector<std::string_view> sorted = [] {
    std::vector<std::string_view> v(kExpressionWords.begin(), kExpressionWords.end());
    v.insert(v.end(), kMoreExpressionWords.begin(), kMoreExpressionWords.end());
    std::sort(v.begin(), v.end());
    return v;
  }();
  if (lw.size() < 2 || lw.size() > 17) return false;
  return std::binary_search(sorted.begin(), sorted.end(), lw);
}

bool join_start(std::string_view lw) {
  return lw == "left" || lw == "right" || lw == "full" || lw == "inner" || lw == "cross" || lw == "natural" ||
         lw == "anti" || lw == "semi" || lw == "join" || lw == "lateral";
}

// Clause words that end the FROM clause, WHERE or GROUP BY of a SELECT block.
bool ends_clause(Kw kw) {
  switch (kw) {
    case Kw::WHERE: case Kw::GROUP: case Kw::HAVING: case Kw::ORDER: case Kw::SORT: case Kw::CLUSTER:
    case Kw::DISTRIBUTE: case Kw::LIMIT: case Kw::OFFSET: case Kw::WINDOW: case Kw::QUALIFY:
      return true;
    default:
      return false;
  }
}

bool set_operation(Kw kw) {
  return kw == Kw::UNION || kw == Kw::INTERSECT || kw == Kw::EXCEPT || kw == Kw::MINUS;
}

// A table of the FROM clause. Names are token indices (compared case-insensitively).
struct Relation {
  int access = -1;           // index into SqlResult::accesses; -1: not a table read (subquery, CTE, function)
  size_t alias = SIZE_MAX;   // token of the alias
  size_t last = SIZE_MAX;    // token of the table name's last part
};

constexpr size_t kMaxRelations = 16;  // more: unqualified names are not attributed
constexpr size_t kMaxNames = 32;      // select aliases, lambda variables

std::string_view lower_into(std::string_view s, char (&buf)[24]) {
  if (s.size() > sizeof buf) return {};
  for (size_t k = 0; k < s.size(); ++k) buf[k] = (s[k] >= 'A' && s[k] <= 'Z') ? static_cast<char>(s[k] - 'A' + 'a') : s[k];
  return std::string_view(buf, s.size());
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    char x = a[k], y = b[k];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

class ColumnRefScanner::Impl {
 public:
  Impl(std::string_view text, const std::vector<Token>& toks, SqlResult& out)
      : text_(text), toks_(toks), out_(out) {}

  void run(size_t b, size_t e, size_t first) {
    first_ = first;
    target_ = -1;
    const std::string& statement = out_.accesses[first_].statement;
    const char c0 = statement.empty() ? ' ' : statement[0];
    if ((c0 == 'I' && statement == "INSERT") || (c0 == 'C' && statement == "CREATE") ||
        (c0 == 'R' && statement == "REPLACE")) {
      // no write: a temporary view (CREATE TEMP VIEW v AS SELECT), which still reads
      for (size_t k = first_; k < out_.accesses.size(); ++k)
        if (out_.accesses[k].op == Op::Write) {
          target_ = static_cast<int>(k);
          break;
        }
    } else if (c0 != 'S' || statement != "SELECT") {
      return;
    }
    end_ = e;
    int depth = 0;
    size_t select = e;
    for (size_t i = b; i < e; ++i) {
      const Token& t = toks_[i];
      if (t.kind == Tok::Punct) {
        if (t.ch == '(') ++depth;
        else if (t.ch == ')') --depth;
        continue;
      }
      if (depth != 0 || t.kind != Tok::Word) continue;
      if (t.kw == Kw::SELECT || set_operation(t.kw)) {
        if (select < e) block(select, i);
        select = t.kw == Kw::SELECT ? i : e;
      }
    }
    if (select < e) block(select, e);
  }

 private:
  bool word(size_t i) const { return i < end_ && (toks_[i].kind == Tok::Word || toks_[i].kind == Tok::Quoted); }
  bool kw(size_t i, Kw k) const { return i < end_ && toks_[i].kind == Tok::Word && toks_[i].kw == k; }
  bool punct(size_t i, char c) const { return i < end_ && toks_[i].kind == Tok::Punct && toks_[i].ch == c; }

  // The identifier's text, backticks removed (a `` escape stays doubled).
  std::string_view ident(size_t i) const {
    std::string_view s = text_.substr(toks_[i].b, toks_[i].e - toks_[i].b);
    if (toks_[i].kind == Tok::Quoted) s = s.substr(1, s.size() >= 2 ? s.size() - 2 : 0);
    return s;
  }
  std::string unquoted(size_t i) const {
    std::string_view s = ident(i);
    if (toks_[i].kind != Tok::Quoted || s.find('`') == std::string_view::npos) return std::string(s);
    std::string out;
    for (size_t k = 0; k < s.size(); ++k) {
      out += s[k];
      if (s[k] == '`' && k + 1 < s.size() && s[k + 1] == '`') ++k;
    }
    return out;
  }
  bool same(size_t a, size_t b) const { return iequals(ident(a), ident(b)); }
  // A plain word (not backticked) that is an expression keyword.
  bool expression_word_at(size_t i) const {
    if (toks_[i].kind != Tok::Word) return false;
    char buf[24];
    return expression_word(lower_into(ident(i), buf));
  }

  size_t skip_parens(size_t i, size_t e) const {
    int depth = 0;
    for (size_t j = i; j < e; ++j) {
      if (toks_[j].kind != Tok::Punct) continue;
      if (toks_[j].ch == '(') ++depth;
      else if (toks_[j].ch == ')' && --depth == 0) return j + 1;
    }
    return e;
  }

  // Next token at depth 0 in [i, e) for which `stop` holds, else e.
  template <class Stop>
  size_t find_top(size_t i, size_t e, Stop stop) const {
    for (size_t j = i; j < e; ++j) {
      if (punct(j, '(')) {
        j = skip_parens(j, e) - 1;
        continue;
      }
      if (stop(j)) return j;
    }
    return e;
  }
  size_t clause_end(size_t i, size_t e) const {
    return find_top(i, e, [&](size_t j) { return toks_[j].kind == Tok::Word && ends_clause(toks_[j].kw); });
  }

  // LEFT, JOIN, LATERAL, ... (not the function left(s, n)).
  bool starts_join(size_t j) const {
    const Token& t = toks_[j];
    if (t.kind != Tok::Word) return false;
    if (t.kw == Kw::JOIN || t.kw == Kw::ANTI || t.kw == Kw::LATERAL) return true;
    if (t.kw != Kw::None || t.e - t.b < 4 || t.e - t.b > 7 || punct(j + 1, '(')) return false;
    char buf[24];
    return join_start(lower_into(ident(j), buf));
  }

  bool segment(size_t j) const {
    Tok k = toks_[j].kind;
    return k == Tok::Word || k == Tok::Quoted || k == Tok::Hole || k == Tok::Number;
  }

  // Index after the (possibly qualified, templated) name starting at k.
  size_t name_end(size_t k, size_t e) const {
    size_t j = k + 1;
    while (j < e) {
      const bool glued = toks_[j].b == toks_[j - 1].e;
      if ((glued && segment(j)) || (punct(j, '.') && j + 1 < e && segment(j + 1)) || (punct(j - 1, '.') && segment(j))) {
        ++j;
        continue;
      }
      break;
    }
    return j;
  }

  const Relation* by_qualifier(size_t q) const {
    for (size_t k = 0; k < nrel_; ++k) {
      const Relation& r = rel_[k];
      if (r.alias != SIZE_MAX ? same(r.alias, q) : (r.last != SIZE_MAX && same(r.last, q))) return &r;
    }
    return nullptr;
  }

  bool listed(const size_t* names, size_t n, size_t tok) const {
    for (size_t k = 0; k < n; ++k)
      if (same(names[k], tok)) return true;
    return false;
  }

  void add(const Relation* r, size_t tok, const char* how, int into = -1, size_t as = SIZE_MAX) {
    if (!r || r->access < 0) return;
    SqlColumnRef c;
    c.offset = toks_[tok].b;
    c.access = static_cast<size_t>(r->access);
    c.into = into;
    c.column = unquoted(tok);
    c.how = how;
    if (as != SIZE_MAX) c.as = unquoted(as);
    out_.columns.push_back(std::move(c));
  }

  void block(size_t select, size_t e) {
    nrel_ = 0;
    naliases_ = 0;
    complex_ = false;
    size_t sb = select + 1;
    if (kw(sb, Kw::DISTINCT) || kw(sb, Kw::ALL)) ++sb;
    size_t from = find_top(sb, e, [&](size_t j) { return kw(j, Kw::FROM); });
    if (from >= e) return;
    size_t from_end = clause_end(from + 1, e);
    from_clause(from + 1, from_end);
    single_ = nrel_ == 1 && !complex_ ? &rel_[0] : nullptr;
    select_items(sb, from);
    for (size_t k = from + 1; k < from_end; ++k)  // ON conditions, found again: no list to keep
      if (kw(k, Kw::ON)) {
        size_t n = find_top(k + 1, from_end, [&](size_t j) { return punct(j, ',') || starts_join(j); });
        refs_in(k + 1, n, "sql-join");
        k = n - 1;
      } else if (punct(k, '(')) {
        k = skip_parens(k, from_end) - 1;
      }
    for (size_t k = from_end; k < e;) {
      if (kw(k, Kw::WHERE)) {
        size_t n = clause_end(k + 1, e);
        refs_in(k + 1, n, "sql-where");
        k = n;
      } else if (kw(k, Kw::GROUP) && kw(k + 1, Kw::BY)) {
        size_t n = clause_end(k + 2, e);
        refs_in(k + 2, n, "sql-group");
        k = n;
      } else {
        k = clause_end(k + 1, e);
      }
    }
  }

  // relation [alias] (, relation | [kind] JOIN relation [ON cond | USING (cols)])*
  void from_clause(size_t b, size_t e) {
    bool want = true;
    for (size_t k = b; k < e;) {
      if (want) {
        want = false;
        k = relation(k, e);
        continue;
      }
      const Token& t = toks_[k];
      if (t.kind == Tok::Punct) {
        if (t.ch == ',') want = true;
        k = t.ch == '(' ? skip_parens(k, e) : k + 1;
        continue;
      }
      if (t.kind != Tok::Word) {
        ++k;
        continue;
      }
      if (t.kw == Kw::JOIN) {
        want = true;
        ++k;
      } else if (t.kw == Kw::ON) {
        k = find_top(k + 1, e, [&](size_t j) { return punct(j, ',') || starts_join(j); });
      } else if (t.kw == Kw::USING && punct(k + 1, '(')) {
        size_t close = skip_parens(k + 1, e);
        if (nrel_ >= 2)
          for (size_t j = k + 2; j + 1 < close; ++j)
            if (word(j)) {
              add(&rel_[nrel_ - 2], j, "sql-join");
              add(&rel_[nrel_ - 1], j, "sql-join");
            }
        k = close;
      } else {
        if (t.kw == Kw::LATERAL) complex_ = true;
        else if (t.kw == Kw::None && (iequals(ident(k), "pivot") || iequals(ident(k), "unpivot"))) complex_ = true;
        ++k;
      }
    }
  }

  size_t relation(size_t k, size_t e) {
    Relation r;
    if (punct(k, '(')) {
      k = skip_parens(k, e);
    } else {
      if (!starts_name(toks_[k])) {
        complex_ = true;
        return k + 1;
      }
      // the scanner recorded the read at the name's first byte (IDENTIFIER(..) included)
      for (size_t a = first_; nrel_ < kMaxRelations && a < out_.accesses.size(); ++a)
        if (out_.accesses[a].offset == toks_[k].b && out_.accesses[a].op == Op::Read) {
          r.access = static_cast<int>(a);
          break;
        }
      size_t next = name_end(k, e);
      if (punct(next, '(')) {  // a table-valued function, or IDENTIFIER(..)
        if (toks_[k].kw != Kw::IDENTIFIER) r.access = -1;
        k = skip_parens(next, e);
      } else {
        if (word(next - 1)) r.last = next - 1;
        k = next;
      }
    }
    if (kw(k, Kw::AS)) ++k;
    if (k < e && word(k) && (toks_[k].kind == Tok::Quoted || toks_[k].kw == Kw::None)) {
      char buf[24];
      std::string_view a = lower_into(ident(k), buf);
      if (!in_list(a, kNotAlias.data(), kNotAlias.data() + kNotAlias.size())) r.alias = k++;
    }
    if (nrel_ < kMaxRelations) rel_[nrel_++] = r;
    else complex_ = true;
    return k;
  }

  // One select item [b, e): its alias token (SIZE_MAX if none) and where its expression ends.
  size_t item_alias(size_t b, size_t& e) const {
    if (e - b >= 2 && word(e - 1) && kw(e - 2, Kw::AS)) {
      e -= 2;
      return e + 1;
    }
    if (e - b >= 2 && word(e - 1) && !expression_word_at(e - 1) && !punct(e - 2, '.') &&
        (word(e - 2) || punct(e - 2, ')') || toks_[e - 2].kind == Tok::Number || toks_[e - 2].kind == Tok::String) &&
        !(expression_word_at(e - 2) && !iequals(ident(e - 2), "end"))) {
      e -= 1;
      return e;
    }
    return SIZE_MAX;
  }

  // A bare column, qualified (by a known table) or not.
  bool plain_item(size_t b, size_t e) const {
    size_t n = e - b;
    return (n == 1 && word(b) && !expression_word_at(b)) ||
           (n == 3 && word(b) && punct(b + 1, '.') && word(b + 2) && by_qualifier(b));
  }

  template <class Fn>
  void for_each_item(size_t b, size_t e, Fn fn) {
    size_t start = b;
    for (size_t j = b; j <= e; ++j) {
      if (j < e && punct(j, '(')) {
        j = skip_parens(j, e) - 1;
        continue;
      }
      if (j < e && !punct(j, ',')) continue;
      if (j > start) {
        size_t ie = j;
        size_t alias = item_alias(start, ie);
        fn(start, ie, alias);
      }
      start = j + 1;
    }
  }

  void select_items(size_t b, size_t e) {
    // aliases first: Spark lets later items and GROUP BY name them
    for_each_item(b, e, [&](size_t ib, size_t ie, size_t alias) {
      if (alias == SIZE_MAX || (plain_item(ib, ie) && same(alias, ie - 1))) return;
      if (naliases_ < kMaxNames) aliases_[naliases_++] = alias;
      else single_ = nullptr;
    });
    for_each_item(b, e, [&](size_t ib, size_t ie, size_t alias) {
      if (!plain_item(ib, ie)) {
        refs_in(ib, ie, "sql-select");
        return;
      }
      const Relation* r = ie - ib == 3 ? by_qualifier(ib) : single_;
      if (alias != SIZE_MAX && same(alias, ie - 1)) alias = SIZE_MAX;
      add(r, ie - 1, "sql-select", target_, alias);
    });
  }

  // Column names in an expression region.
  void refs_in(size_t b, size_t e, const char* how) {
    size_t lambda[kMaxNames];
    size_t nlambda = 0;
    for (size_t j = b; j + 2 < e; ++j)
      if (word(j) && punct(j + 1, '-') && punct(j + 2, '>') && nlambda < kMaxNames) lambda[nlambda++] = j;
    for (size_t j = b; j < e; ++j) {
      if (punct(j, '(') && j + 1 < e && (kw(j + 1, Kw::SELECT) || kw(j + 1, Kw::WITH))) {
        j = skip_parens(j, e) - 1;  // a subquery: its columns are not this block's
        continue;
      }
      if (!word(j) || (j > b && punct(j - 1, '.'))) continue;
      if (punct(j + 1, '.')) {
        if (!word(j + 2)) continue;  // t.*
        size_t n = j;
        while (punct(n + 1, '.') && word(n + 2)) n += 2;
        if (const Relation* r = by_qualifier(j)) add(r, j + 2, how);
        else if (single_) add(single_, j, how);  // a struct column's field
        j = n;
        continue;
      }
      if (punct(j + 1, '(') || !single_) continue;
      if (toks_[j].kind == Tok::Word) {
        if (expression_word_at(j) || listed(aliases_, naliases_, j) || listed(lambda, nlambda, j)) continue;
        if (j > b && (kw(j - 1, Kw::AS) || toks_[j - 1].kind == Tok::Number || toks_[j - 1].kind == Tok::String ||
                      (toks_[j - 1].kind == Tok::Word && iequals(ident(j - 1), "over"))))
          continue;  // an alias or type, an interval unit, a window name
        if (j + 1 < e && (toks_[j + 1].kind == Tok::String || kw(j + 1, Kw::FROM))) continue;  // DATE '..', EXTRACT
      }
      add(single_, j, how);
    }
  }

  std::string_view text_;
  const std::vector<Token>& toks_;
  SqlResult& out_;
  size_t first_ = 0;
  size_t end_ = 0;
  int target_ = -1;
  Relation rel_[kMaxRelations];
  size_t nrel_ = 0;
  size_t aliases_[kMaxNames];  // select-list aliases (tokens)
  size_t naliases_ = 0;
  const Relation* single_ = nullptr;  // the FROM clause's only table, when unqualified names are its
  bool complex_ = false;
};

void ColumnRefScanner::scan(size_t b, size_t e, size_t first_access) {
  if (first_access >= out_.accesses.size()) return;
  Impl(text_, toks_, out_).run(b, e, first_access);
}

}  // namespace pipelint::sql

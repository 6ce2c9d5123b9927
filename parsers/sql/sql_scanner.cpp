#include "parsers/sql/sql_scanner.h"

#include "parsers/sql/sql_columns.h"

namespace pipelint::sql {
namespace {

// Functions whose arguments use FROM without naming a table.
bool from_in_arguments(Kw kw) {
  return kw == Kw::EXTRACT || kw == Kw::TRIM || kw == Kw::SUBSTRING || kw == Kw::SUBSTR ||
         kw == Kw::OVERLAY || kw == Kw::POSITION;
}

// Words that end a FROM list: after them a ',' no longer starts a relation.
bool ends_from_list(Kw kw) {
  switch (kw) {
    case Kw::WHERE: case Kw::GROUP: case Kw::HAVING: case Kw::ORDER: case Kw::SORT:
    case Kw::CLUSTER: case Kw::DISTRIBUTE: case Kw::LIMIT: case Kw::OFFSET: case Kw::WINDOW:
    case Kw::QUALIFY: case Kw::UNION: case Kw::INTERSECT: case Kw::EXCEPT: case Kw::MINUS:
    case Kw::SELECT: case Kw::LATERAL: case Kw::VALUES: case Kw::WHEN: case Kw::SET:
    case Kw::INSERT:
      return true;
    default:
      return false;
  }
}

// After STREAM in a FROM list: the name of the streamed table (DLT `FROM STREAM
// live.t`, `FROM STREAM bronze t`), not a join word. `FROM stream s` for a table
// named stream is read the same way: the DLT form is the common one.
bool stream_source(std::string_view text, const Token& t) {
  if (t.kind != Tok::Word) return starts_name(t);
  if (!starts_name(t) || t.kw == Kw::ANTI || t.kw == Kw::LATERAL || t.kw == Kw::WINDOW) return false;
  std::string w(text.substr(t.b, t.e - t.b));
  for (auto& c : w) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return w != "LEFT" && w != "RIGHT" && w != "FULL" && w != "INNER" && w != "CROSS" && w != "NATURAL" &&
         w != "OUTER" && w != "SEMI";
}

bool is_set_operation(Kw kw) {
  return kw == Kw::UNION || kw == Kw::INTERSECT || kw == Kw::EXCEPT || kw == Kw::MINUS;
}

}  // namespace

void StatementScanner::fail(size_t offset, const char* message) {
  if (!out_.error || offset < out_.error->offset) out_.error = SqlError{offset, message};
}

size_t StatementScanner::skip_parens(size_t i) const {
  size_t depth = 0;
  for (size_t j = i; j < end_; ++j) {
    if (toks_[j].kind != Tok::Punct) continue;
    if (toks_[j].ch == '(') ++depth;
    else if (toks_[j].ch == ')' && --depth == 0) return j + 1;
  }
  return end_;
}

bool StatementScanner::shadowed(const ParsedName& pn) const {
  if (pn.kind != Kind::Table) return false;
  if (pn.first_lower == "global_temp" && !pn.single_lower.empty()) return false;  // a table named global_temp
  if (pn.first_lower == "global_temp") return true;
  return !pn.single_lower.empty() && (ctes_.count(pn.single_lower) || temp_views_.count(pn.single_lower));
}

void StatementScanner::record(const ParsedName& pn, Op op, const char* mode) {
  SqlAccess a;
  a.offset = pn.offset;
  a.op = op;
  a.kind = pn.kind;
  a.mode = mode;
  a.name = pn.name;
  out_.accesses.push_back(std::move(a));
}

void StatementScanner::read(const ParsedName& pn) {
  if (!shadowed(pn)) record(pn, Op::Read, "");
}

void StatementScanner::path_read(size_t i) {
  ParsedName pn;
  pn.offset = toks_[i].b;
  pn.kind = Kind::Path;
  pn.name = string_literal_value(text_.substr(toks_[i].b, toks_[i].e - toks_[i].b));
  record(pn, Op::Read, "");
}

ParsedName StatementScanner::target(size_t i) {
  ParsedName pn = parse_name(text_, toks_, i, end_);
  if (!pn.ok) fail(offset_at(i), "expected a table name");
  return pn;
}

void StatementScanner::write(const ParsedName& pn, const char* mode) {
  bool temp_view = pn.kind == Kind::Table && (pn.first_lower == "global_temp" ||
                                               (!pn.single_lower.empty() && temp_views_.count(pn.single_lower)));
  if (!temp_view) record(pn, Op::Write, mode);
}

bool StatementScanner::query_start(size_t i) const {
  return is_word(i, Kw::SELECT) || is_word(i, Kw::WITH) || is_word(i, Kw::VALUES) || is_word(i, Kw::FROM) ||
         is_word(i, Kw::TABLE) || is_punct(i, '(');
}

void StatementScanner::scan(size_t b, size_t e) {
  begin_ = b;
  end_ = e;
  ctes_.clear();
  statement_.clear();
  frames_.assign(1, Frame{});
  expect_relation_ = false;
  at_head_ = true;
  insert_heads_anywhere_ = false;
  next_paren_is_cte_ = false;
  declarative_ = false;
  const size_t first_access = out_.accesses.size();

  size_t i = b;
  while (i < e) {
    if (at_head_ && frames_.size() == 1) {
      at_head_ = false;
      i = head(i);
      continue;
    }
    if (expect_relation_) {
      expect_relation_ = false;
      i = relation(i);
      continue;
    }
    const Token& t = toks_[i];
    Frame& f = frames_.back();
    if (t.kind == Tok::Punct) {
      if (t.ch == '(') {
        i = open_paren(i, false);
        continue;
      }
      if (t.ch == ')') {
        i = close_paren(i);
        continue;
      }
      if (t.ch == ',' && f.in_from) expect_relation_ = true;
      ++i;
      continue;
    }
    if (t.kind == Tok::Word) {
      switch (t.kw) {
        case Kw::FROM: {
          bool distinct_from = i >= b + 2 && is_word(i - 1, Kw::DISTINCT) &&
                               (is_word(i - 2, Kw::IS) || is_word(i - 2, Kw::NOT));
          if (!f.from_function && !distinct_from) {
            expect_relation_ = true;
            f.in_from = true;
          }
          break;
        }
        case Kw::JOIN:
          expect_relation_ = true;
          f.in_from = true;
          break;
        case Kw::WITH: {
          size_t n = try_cte(i + 1);
          if (n != i + 1) {
            i = n;
            continue;
          }
          break;
        }
        case Kw::TABLE:  // (TABLE t), UNION TABLE t
          if (i > b && (is_punct(i - 1, '(') || is_set_operation(toks_[i - 1].kw) ||
                        ((is_word(i - 1, Kw::ALL) || is_word(i - 1, Kw::DISTINCT)) && i > b + 1 &&
                         is_set_operation(toks_[i - 2].kw)))) {
            f.in_from = false;
            expect_relation_ = true;
          }
          break;
        case Kw::INSERT:
          f.in_from = false;
          if (insert_heads_anywhere_ && frames_.size() == 1) {
            i = insert_head(i);
            continue;
          }
          break;
        default:
          if (ends_from_list(t.kw)) f.in_from = false;
      }
    }
    ++i;
  }

  if (expect_relation_) fail(offset_at(e), "expected a table name");
  if (frames_.size() > 1) fail(toks_[frames_[1].open].b, "unbalanced '(': no matching ')'");
  const std::string statement = statement_.empty() ? std::string("SELECT") : statement_;
  for (size_t k = first_access; k < out_.accesses.size(); ++k) out_.accesses[k].statement = statement;
  columns_.scan(b, e, first_access);
}

size_t StatementScanner::open_paren(size_t i, bool relation_position) {
  Frame f;
  f.open = i;
  f.from_function = i > begin_ && toks_[i - 1].kind == Tok::Word && from_in_arguments(toks_[i - 1].kw);
  f.cte_body = next_paren_is_cte_;
  next_paren_is_cte_ = false;
  frames_.push_back(f);
  // FROM ( a JOIN b ) is a parenthesised relation; FROM ( SELECT ... ) a subquery.
  if (relation_position && i + 1 < end_ && !query_start(i + 1) && !is_word(i + 1, Kw::LATERAL) &&
      starts_name(toks_[i + 1])) {
    frames_.back().in_from = true;
    expect_relation_ = true;
  }
  return i + 1;
}

size_t StatementScanner::close_paren(size_t i) {
  if (frames_.size() == 1) {
    fail(toks_[i].b, "unbalanced ')': no matching '('");
    return i + 1;
  }
  const Frame closed = frames_.back();
  frames_.pop_back();
  if (closed.cte_body) {
    if (is_punct(i + 1, ',')) {
      size_t n = try_cte(i + 2);
      if (n != i + 2) return n;
    }
    if (frames_.size() == 1) at_head_ = true;  // the CTE list is over: the main statement follows
  }
  return i + 1;
}

size_t StatementScanner::try_cte(size_t i) {
  size_t k = i;
  if (is_word(k, Kw::RECURSIVE)) ++k;
  if (k >= end_ || !(toks_[k].kind == Tok::Quoted || (toks_[k].kind == Tok::Word && starts_name(toks_[k]))))
    return i;
  ParsedName name = parse_name(text_, toks_, k, end_);
  if (!name.ok || name.single_lower.empty()) return i;
  k = name.next;
  if (is_punct(k, '(') && !query_start(k + 1)) k = skip_parens(k);  // column aliases
  if (is_word(k, Kw::AS)) ++k;
  if (is_word(k, Kw::NOT) && is_word(k + 1, Kw::MATERIALIZED)) k += 2;  // WITH s AS [NOT] MATERIALIZED (...)
  else if (is_word(k, Kw::MATERIALIZED)) ++k;
  if (!is_punct(k, '(')) return i;
  ctes_.insert(name.single_lower);
  next_paren_is_cte_ = true;
  return k;
}

size_t StatementScanner::relation(size_t i) {
  const Token& t = toks_[i];
  Frame& f = frames_.back();
  if (t.kind == Tok::Punct && t.ch == '(') return open_paren(i, true);
  if (t.kind == Tok::String) {  // COPY INTO t FROM 's3://...'
    path_read(i);
    return i + 1;
  }
  if (t.kind == Tok::Word) {
    switch (t.kw) {
      case Kw::LATERAL:
        if (is_word(i + 1, Kw::VIEW)) {
          f.in_from = false;
          return i + 2;
        }
        expect_relation_ = true;  // LATERAL (subquery)
        return i + 1;
      case Kw::VALUES:
        f.in_from = false;
        return i + 1;
      case Kw::STREAM:  // STREAM(live.t) / STREAM live.t (Delta Live Tables)
        if (is_punct(i + 1, '(')) {
          ParsedName pn = parse_name(text_, toks_, i + 2, end_);
          if (pn.ok && is_punct(pn.next, ')')) {
            read(pn);
            return pn.next + 1;
          }
        } else if (i + 1 < end_ && stream_source(text_, toks_[i + 1])) {
          // STREAM live.t, STREAM t alias, or any STREAM x in a pipeline definition;
          // otherwise `FROM stream s` is the table stream with alias s.
          ParsedName pn = parse_name(text_, toks_, i + 1, end_);
          const bool aliased = pn.next < end_ && (is_word(pn.next, Kw::AS) || stream_source(text_, toks_[pn.next]));
          if (pn.ok && (pn.single_lower.empty() || aliased || declarative_)) {
            read(pn);
            return pn.next;
          }
        }
        break;
      default:
        break;
    }
  }
  ParsedName pn = parse_name(text_, toks_, i, end_);
  if (!pn.ok) {
    fail(t.b, "expected a table name");
    return i;
  }
  if (!pn.identifier_clause && is_punct(pn.next, '(')) {  // table-valued function
    // table_changes('cat.schema.t', 2) reads the change feed of t.
    if (pn.single_lower == "table_changes" && pn.next + 1 < end_ && toks_[pn.next + 1].kind == Tok::String) {
      const Token& arg = toks_[pn.next + 1];
      ParsedName fed;
      fed.offset = arg.b;
      fed.name = unquote_parts(string_literal_value(text_.substr(arg.b, arg.e - arg.b)));
      record(fed, Op::Read, "");
    }
    return pn.next;
  }
  read(pn);
  return pn.next;
}

size_t StatementScanner::head(size_t i) {
  const Token& t = toks_[i];
  if (t.kind == Tok::Punct && t.ch == '(') {
    set_statement("SELECT");
    return i;
  }
  if (t.kind != Tok::Word) return end_;
  switch (t.kw) {
    case Kw::SELECT:
    case Kw::VALUES:
      set_statement("SELECT");
      return i;
    case Kw::FROM:  // FROM src SELECT ... / FROM src INSERT INTO a SELECT ... INSERT INTO b SELECT ...
      insert_heads_anywhere_ = true;
      return i;
    case Kw::WITH:
      return i;
    case Kw::TABLE:
      set_statement("SELECT");
      expect_relation_ = true;
      return i + 1;
    case Kw::INSERT: return insert_head(i);
    case Kw::MERGE: return merge_head(i);
    case Kw::CREATE: return create_head(i, false);
    case Kw::REPLACE: return create_head(i, true);
    case Kw::UPDATE: return update_head(i);
    case Kw::DELETE: return delete_head(i);
    case Kw::TRUNCATE: return truncate_head(i);
    case Kw::DROP: return drop_head(i);
    case Kw::COPY: return copy_head(i);
    case Kw::CACHE: return cache_head(i);
    case Kw::RESTORE: return restore_head(i);
    case Kw::LOAD: return load_head(i);
    case Kw::SET:  // SET VAR x = (SELECT ... FROM t): the query reads t
      if (is_word(i + 1, Kw::VAR) || is_word(i + 1, Kw::VARIABLE)) {
        set_statement("SET");
        return i + 2;
      }
      return end_;
    default:
      // DESCRIBE, SHOW, OPTIMIZE, VACUUM, ANALYZE, USE, SET, RESET, REFRESH, MSCK,
      // ALTER, GRANT, REVOKE, COMMENT ON, EXPLAIN, UNCACHE, ... and statements we do
      // not know: they inspect or maintain, no table access.
      return end_;
  }
}

size_t StatementScanner::insert_head(size_t i) {
  set_statement("INSERT");
  size_t j = i + 1;
  const char* mode = "append";
  if (is_word(j, Kw::OVERWRITE)) {
    mode = "overwrite";
  } else if (!is_word(j, Kw::INTO)) {
    fail(offset_at(j), "expected INTO or OVERWRITE after INSERT");
    return j;
  }
  ++j;
  if (is_word(j, Kw::LOCAL)) ++j;
  if (is_word(j, Kw::DIRECTORY)) {  // INSERT OVERWRITE DIRECTORY '/path' ...
    ++j;
    if (j < end_ && toks_[j].kind == Tok::String) {
      ParsedName pn;
      pn.offset = toks_[j].b;
      pn.kind = Kind::Path;
      pn.name = string_literal_value(text_.substr(toks_[j].b, toks_[j].e - toks_[j].b));
      record(pn, Op::Write, mode);
      return j + 1;
    }
    return j;
  }
  if (is_word(j, Kw::TABLE)) ++j;
  ParsedName pn = target(j);
  if (!pn.ok) return j;
  size_t k = pn.next;  // look past PARTITION (..), IF NOT EXISTS, (cols), BY NAME
  while (k < end_) {
    if (is_word(k, Kw::PARTITION) && is_punct(k + 1, '(')) k = skip_parens(k + 1);
    else if (is_punct(k, '(') && !query_start(k + 1)) k = skip_parens(k);
    else if (is_word(k, Kw::IF) && is_word(k + 1, Kw::NOT) && is_word(k + 2, Kw::EXISTS)) k += 3;
    else if (is_word(k, Kw::BY) && is_word(k + 1, Kw::NAME)) k += 2;
    else break;
  }
  if (is_word(k, Kw::REPLACE)) mode = "overwrite";  // INSERT INTO t REPLACE WHERE|USING ...
  write(pn, mode);
  if (is_word(k, Kw::TABLE)) {
    expect_relation_ = true;
    return k + 1;
  }
  return pn.next;
}

size_t StatementScanner::merge_head(size_t i) {
  set_statement("MERGE");
  size_t j = i + 1;
  if (is_word(j, Kw::WITH) && is_word(j + 1, Kw::SCHEMA) && is_word(j + 2, Kw::EVOLUTION)) j += 3;
  if (!is_word(j, Kw::INTO)) {
    fail(offset_at(j), "expected INTO after MERGE");
    return j;
  }
  ParsedName pn = target(j + 1);
  if (!pn.ok) return j + 1;
  write(pn, "merge");
  j = pn.next;
  if (is_word(j, Kw::AS)) ++j;
  if (j < end_ && !is_word(j, Kw::USING) && (toks_[j].kind == Tok::Word || toks_[j].kind == Tok::Quoted)) ++j;
  if (!is_word(j, Kw::USING)) {
    fail(offset_at(j), "expected USING in MERGE");
    return j;
  }
  expect_relation_ = true;
  return j + 1;
}

size_t StatementScanner::create_head(size_t i, bool replace_only) {
  set_statement(replace_only ? "REPLACE" : "CREATE");
  size_t j = i + 1;
  bool or_replace = replace_only, temp = false, declarative = false;
  if (!replace_only && is_word(j, Kw::OR)) {
    if (is_word(j + 1, Kw::REPLACE)) or_replace = true;
    else if (is_word(j + 1, Kw::REFRESH)) declarative = true;
    j += 2;
  }
  for (;; ++j) {
    if (is_word(j, Kw::TEMP) || is_word(j, Kw::TEMPORARY)) temp = true;
    else if (is_word(j, Kw::STREAMING) || is_word(j, Kw::LIVE) || is_word(j, Kw::INCREMENTAL)) declarative = true;
    else if (is_word(j, Kw::MATERIALIZED)) declarative_ = true;
    else if (!is_word(j, Kw::GLOBAL) && !is_word(j, Kw::EXTERNAL) && !is_word(j, Kw::MATERIALIZED)) break;
  }
  declarative_ = declarative_ || declarative;
  bool is_view = is_word(j, Kw::VIEW);
  if (!is_view && !is_word(j, Kw::TABLE)) return end_;  // SCHEMA, DATABASE, CATALOG, FUNCTION, ...
  ++j;
  if (is_word(j, Kw::IF) && is_word(j + 1, Kw::NOT) && is_word(j + 2, Kw::EXISTS)) j += 3;
  ParsedName pn = target(j);
  if (!pn.ok) return j;
  if (temp) {
    if (!pn.single_lower.empty()) temp_views_.insert(pn.single_lower);
  } else {
    write(pn, declarative ? "" : or_replace ? "replace" : "create");
  }
  size_t k = pn.next;
  if (is_punct(k, '(')) {
    size_t after = skip_parens(k);
    if (after < end_ + 1 && is_punct(after - 1, ')')) {
      if (!is_view && !temp) {
        SqlColumns cols;
        cols.offset = pn.offset;
        cols.table = pn.name;
        cols.columns = parse_columns(text_, toks_, k, after - 1);
        out_.created_columns.push_back(std::move(cols));
      }
      k = after;
    }
  }
  if (is_word(k, Kw::LIKE)) {  // copies the schema only: not a read
    ParsedName source = parse_name(text_, toks_, k + 1, end_);
    return source.ok ? source.next : k + 1;
  }
  if (is_word(k, Kw::SHALLOW) || is_word(k, Kw::DEEP)) ++k;
  if (is_word(k, Kw::CLONE)) {
    expect_relation_ = true;
    return k + 1;
  }
  return k;
}

size_t StatementScanner::update_head(size_t i) {
  set_statement("UPDATE");
  ParsedName pn = target(i + 1);
  if (!pn.ok) return i + 1;
  write(pn, "update");
  return pn.next;
}

size_t StatementScanner::delete_head(size_t i) {
  set_statement("DELETE");
  if (!is_word(i + 1, Kw::FROM)) {
    fail(offset_at(i + 1), "expected FROM after DELETE");
    return i + 1;
  }
  ParsedName pn = target(i + 2);
  if (!pn.ok) return i + 2;
  write(pn, "delete");
  return pn.next;
}

size_t StatementScanner::truncate_head(size_t i) {
  set_statement("TRUNCATE");
  if (!is_word(i + 1, Kw::TABLE)) {
    fail(offset_at(i + 1), "expected TABLE after TRUNCATE");
    return i + 1;
  }
  ParsedName pn = target(i + 2);
  if (!pn.ok) return i + 2;
  write(pn, "truncate");
  return pn.next;
}

size_t StatementScanner::drop_head(size_t i) {
  set_statement("DROP");
  size_t j = i + 1;
  bool temp = false;
  if (is_word(j, Kw::TEMPORARY) || is_word(j, Kw::TEMP)) temp = true, ++j;
  if (is_word(j, Kw::MATERIALIZED) || is_word(j, Kw::STREAMING)) ++j;
  if (!is_word(j, Kw::TABLE) && !is_word(j, Kw::VIEW)) return end_;  // DROP SCHEMA, FUNCTION, ...
  ++j;
  if (is_word(j, Kw::IF) && is_word(j + 1, Kw::EXISTS)) j += 2;
  ParsedName pn = target(j);
  if (!pn.ok) return j;
  if (!pn.single_lower.empty() && temp_views_.erase(pn.single_lower)) return pn.next;
  if (!temp) write(pn, "drop");
  return pn.next;
}

size_t StatementScanner::copy_head(size_t i) {
  set_statement("COPY");
  if (!is_word(i + 1, Kw::INTO)) {
    fail(offset_at(i + 1), "expected INTO after COPY");
    return i + 1;
  }
  ParsedName pn = target(i + 2);
  if (!pn.ok) return i + 2;
  write(pn, "append");
  return pn.next;  // FROM 'path' or FROM (SELECT ... FROM 'path'): a path read
}

size_t StatementScanner::cache_head(size_t i) {
  set_statement("CACHE");
  size_t j = i + 1;
  if (is_word(j, Kw::LAZY)) ++j;
  if (!is_word(j, Kw::TABLE)) {
    fail(offset_at(j), "expected TABLE after CACHE");
    return j;
  }
  ParsedName pn = target(j + 1);
  if (!pn.ok) return j + 1;
  size_t k = pn.next;
  if (is_word(k, Kw::OPTIONS) && is_punct(k + 1, '(')) k = skip_parens(k + 1);
  if (is_word(k, Kw::AS) || query_start(k)) {
    // CACHE TABLE v AS SELECT ... defines a temporary view v.
    if (!pn.single_lower.empty()) temp_views_.insert(pn.single_lower);
  } else {
    read(pn);
  }
  return k;
}

size_t StatementScanner::restore_head(size_t i) {
  set_statement("RESTORE");
  size_t j = i + 1;
  if (is_word(j, Kw::TABLE)) ++j;
  ParsedName pn = target(j);
  if (!pn.ok) return j;
  write(pn, "overwrite");
  return end_;  // TO VERSION|TIMESTAMP AS OF ...: nothing else to read
}

size_t StatementScanner::load_head(size_t i) {
  set_statement("LOAD");
  size_t j = i + 1;
  if (is_word(j, Kw::DATA)) ++j;
  if (is_word(j, Kw::LOCAL)) ++j;
  if (is_word(j, Kw::INPATH)) ++j;
  if (j < end_ && toks_[j].kind == Tok::String) path_read(j++);
  const char* mode = "append";
  if (is_word(j, Kw::OVERWRITE)) mode = "overwrite", ++j;
  if (!is_word(j, Kw::INTO) || !is_word(j + 1, Kw::TABLE)) {
    fail(offset_at(j), "expected INTO TABLE in LOAD DATA");
    return j;
  }
  ParsedName pn = target(j + 2);
  if (!pn.ok) return j + 2;
  write(pn, mode);
  return pn.next;
}

}  // namespace pipelint::sql

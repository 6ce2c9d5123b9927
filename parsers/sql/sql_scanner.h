// Statement-level scanner: walks the tokens of one statement, knows where table
// names stand (FROM, JOIN, INTO, TABLE, MERGE INTO ... USING, UPDATE, ...) and
// records accesses. No recursion: parentheses are a frame stack, so nesting depth
// costs memory only.
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "parsers/sql/sql_column_refs.h"
#include "parsers/sql/sql_names.h"
#include "parsers/sql/sql_tokenizer.h"

namespace pipelint::sql {

class StatementScanner {
 public:
  StatementScanner(std::string_view text, const std::vector<Token>& toks, SqlResult& out)
      : text_(text), toks_(toks), out_(out), columns_(text, toks, out) {}

  // Scans toks[b, e): one statement without its ';'. Temporary views it creates
  // stay known for the statements scanned after it.
  void scan(size_t b, size_t e);

 private:
  struct Frame {
    size_t open = 0;           // index of the '(' (0 for the statement level)
    bool from_function = false;  // EXTRACT(... FROM ...), TRIM(...), SUBSTRING(...)
    bool in_from = false;      // inside a FROM list: a ',' starts another relation
    bool cte_body = false;     // WITH name AS ( ... )
  };

  // Statement heads; each returns the index where the generic scan continues.
  size_t head(size_t i);
  size_t insert_head(size_t i);
  size_t merge_head(size_t i);
  size_t create_head(size_t i, bool replace_only);
  size_t update_head(size_t i);
  size_t delete_head(size_t i);
  size_t truncate_head(size_t i);
  size_t drop_head(size_t i);
  size_t copy_head(size_t i);
  size_t cache_head(size_t i);
  size_t restore_head(size_t i);
  size_t load_head(size_t i);

  size_t relation(size_t i);      // a table position in a FROM list
  size_t open_paren(size_t i, bool relation_position);
  size_t close_paren(size_t i);
  size_t try_cte(size_t i);       // i after WITH or after ',' of a CTE list; i unchanged if none

  ParsedName target(size_t i);  // a name at a write position (ok=false and an error if none)
  void write(const ParsedName& pn, const char* mode);
  void read(const ParsedName& pn);
  void path_read(size_t i);
  void record(const ParsedName& pn, Op op, const char* mode);
  void fail(size_t offset, const char* message);

  bool is_word(size_t i, Kw kw) const { return i < end_ && toks_[i].kind == Tok::Word && toks_[i].kw == kw; }
  bool is_punct(size_t i, char c) const { return i < end_ && toks_[i].kind == Tok::Punct && toks_[i].ch == c; }
  size_t skip_parens(size_t i) const;  // toks[i] is '(' -> index after its ')'
  bool query_start(size_t i) const;  // toks[i] is '(' -> index after its ')'
  size_t offset_at(size_t i) const { return i < toks_.size() ? toks_[i].b : text_.size(); }
  bool shadowed(const ParsedName& pn) const;
  void set_statement(const char* kw) {
    if (statement_.empty()) statement_ = kw;
  }

  std::string_view text_;
  const std::vector<Token>& toks_;
  SqlResult& out_;
  ColumnRefScanner columns_;  // column references of each statement, after its accesses

  std::unordered_set<std::string> temp_views_;  // lower-case, whole text
  std::unordered_set<std::string> ctes_;        // lower-case, current statement
  std::vector<Frame> frames_;
  std::string statement_;
  size_t begin_ = 0, end_ = 0;
  bool expect_relation_ = false;
  bool at_head_ = false;
  bool insert_heads_anywhere_ = false;  // FROM src INSERT INTO a ... INSERT INTO b ...
  bool next_paren_is_cte_ = false;
  bool declarative_ = false;  // CREATE STREAMING|LIVE TABLE, MATERIALIZED VIEW: STREAM x is a stream read
};

}  // namespace pipelint::sql

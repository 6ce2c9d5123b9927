// Column references of SELECT statements (SPEC 4: CTR003, CTR005, CTR009).
// For each SELECT block at the top level of a statement (set operations give
// several), the columns named in its select list, JOIN ... ON / USING, WHERE and
// GROUP BY, attributed to the table they come from: by their qualifier (a table
// alias, or the table's last name part), or unqualified when the FROM clause has
// a single table. Plain projections (`a`, `t.a`, `a AS b`) of INSERT ... SELECT
// and CREATE ... AS SELECT also name the written table (`into`).
// Not attributed: `*`, columns of subqueries, CTEs, temporary views and
// table-valued functions, and unqualified names when the FROM clause joins,
// has a LATERAL VIEW or a PIVOT.
#pragma once
#include <string_view>
#include <vector>

#include "parsers/sql/sql_extractor.h"
#include "parsers/sql/sql_tokenizer.h"

namespace pipelint::sql {

// One per text (the SQL extractor's speed is dominated by allocations: this
// allocates nothing but the references it finds).
class ColumnRefScanner {
 public:
  ColumnRefScanner(std::string_view text, const std::vector<Token>& toks, SqlResult& out)
      : text_(text), toks_(toks), out_(out) {}
  // One statement toks[b, e) already scanned: its accesses are
  // out.accesses[first_access..] (in scan order, statement set).
  void scan(size_t b, size_t e, size_t first_access);

 private:
  class Impl;  // per statement, on the stack: no allocation besides the references found
  std::string_view text_;
  const std::vector<Token>& toks_;
  SqlResult& out_;
};

}  // namespace pipelint::sql

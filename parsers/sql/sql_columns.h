// The column list of CREATE TABLE t (a INT, b STRUCT<x: INT>, c DECIMAL(10,2) NOT NULL, ...).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/sql/sql_tokenizer.h"

namespace pipelint::sql {

using ColumnList = std::vector<std::pair<std::string, std::string>>;  // name, type text as written

// toks[open] is '(' and toks[close] its matching ')'. Constraints are skipped;
// a column without a type (CREATE VIEW v (a, b)) gets an empty type.
ColumnList parse_columns(std::string_view text, const std::vector<Token>& toks, size_t open, size_t close);

}  // namespace pipelint::sql

// Spark SQL / Databricks SQL table-reference extraction (SPEC 2.3).
// Input: SQL text (possibly several statements, possibly templated with ${x} or
// {x}). Output: table accesses with byte offsets into that text; the caller maps
// offsets back to its file (a Python string, a notebook cell, a .sql file).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/common/records.h"

namespace pipelint::sql {

struct SqlAccess {
  size_t offset = 0;        // byte offset of the table name's first character in the text
  Op op = Op::Read;
  Kind kind = Kind::Table;  // Path for delta.`/x` and parquet.`/x`
  std::string mode;         // "" for reads; append|overwrite|merge|create|replace|update|delete|truncate|drop
  std::string statement;    // the statement's keyword(s): SELECT, INSERT, MERGE, CREATE, UPDATE, ...
  NameTemplate name;        // backticks removed; ${x} and {x} become holes (HoleSource::Template)
};

struct SqlColumns {
  size_t offset = 0;        // offset of the table name
  NameTemplate table;
  std::vector<std::pair<std::string, std::string>> columns;  // name, type text
};

struct SqlError {
  size_t offset = 0;
  std::string message;
};

struct SqlResult {
  std::vector<SqlAccess> accesses;     // in text order
  std::vector<SqlColumns> created_columns;
  std::optional<SqlError> error;       // first syntax error; accesses still hold what was recovered
};

SqlResult extract(std::string_view text);

}  // namespace pipelint::sql

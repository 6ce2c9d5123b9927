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

// A column of a read table that a SELECT references (sql_column_refs.h).
struct SqlColumnRef {
  size_t offset = 0;        // byte offset of the column identifier
  size_t access = 0;        // index into SqlResult::accesses: the read it belongs to
  int into = -1;            // index into SqlResult::accesses: the write it is projected into, or -1
  std::string column;       // backticks removed
  std::string how;          // sql-select | sql-join | sql-where | sql-group
  std::string as;           // the projected name when aliased ("" = same)
};

struct SqlError {
  size_t offset = 0;
  std::string message;
};

struct SqlResult {
  std::vector<SqlAccess> accesses;     // in text order
  std::vector<SqlColumns> created_columns;
  std::vector<SqlColumnRef> columns;   // in text order
  std::optional<SqlError> error;       // first syntax error; accesses still hold what was recovered
};

SqlResult extract(std::string_view text);

}  // namespace pipelint::sql

// Glob matching for file paths and table names.
//  *   any run of characters except the separator
//  **  any run of characters, separators included ("a/**/b" also matches "a/b")
//  ?   one character except the separator
//  [abc], [a-z], [!a]  one character of a set
#pragma once
#include <string_view>

namespace pipelint {

bool glob_match(std::string_view pattern, std::string_view text, char separator = '/');

// Table names: '.' separates catalog, schema and table.
inline bool table_glob_match(std::string_view pattern, std::string_view table) {
  return glob_match(pattern, table, '.');
}

}  // namespace pipelint

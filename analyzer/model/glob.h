// Glob matching for file paths and table names.
//  *   any run of characters except the separator
//  **  any run of characters, separators included; "**/" also matches nothing,
//      so "a/**/b" matches "a/b" and "**/*.py" matches "x.py"
//  ?   one character except the separator
//  [abc], [a-z], [!a]  one character of a set (never the separator)
//  \x  the character x itself
// An unterminated '[' is a literal '['. Matching is linear in pattern x text.
#pragma once
#include <string_view>

namespace pipelint {

bool glob_match(std::string_view pattern, std::string_view text, char separator = '/');

// Table names: '.' separates catalog, schema and table. A last part that is
// just "*" matches all remaining parts, so "system.*" covers every table of the
// catalog `system` (system.billing.usage), as users of `external:` expect.
bool table_glob_match(std::string_view pattern, std::string_view table);

}  // namespace pipelint

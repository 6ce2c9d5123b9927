// Renders extraction results as short lines so tests compare whole outcomes:
// "read table a.b.c", "write table t overwrite", "write path /x append".
#pragma once
#include <string>
#include <vector>

#include "parsers/sql/sql_extractor.h"

namespace pipelint::sql::testing {

inline std::string describe(const SqlAccess& a) {
  std::string s = std::string(to_string(a.op)) + " " + to_string(a.kind) + " " + a.name.placeholder_text();
  if (!a.mode.empty()) s += " " + a.mode;
  return s;
}

inline std::vector<std::string> accesses(const SqlResult& r) {
  std::vector<std::string> out;
  for (const auto& a : r.accesses) out.push_back(describe(a));
  return out;
}

inline std::vector<std::string> accesses(std::string_view sql) { return accesses(extract(sql)); }

using Lines = std::vector<std::string>;

}  // namespace pipelint::sql::testing

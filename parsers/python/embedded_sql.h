// SQL held in a Python string or a notebook %sql cell: renders the value to
// SQL text (unresolved holes as `{name}`), runs the SQL extractor, and maps
// each name's offset back to the file through the literal's source offsets.
#pragma once
#include <string>
#include <unordered_map>

#include "parsers/common/records.h"
#include "parsers/python/pos_map.h"
#include "parsers/python/value.h"
#include "parsers/sql/sql_extractor.h"

namespace pipelint::py {

using SqlFn = sql::SqlResult (*)(std::string_view);

struct SqlSite {
  std::string api_prefix;            // "spark.sql" or "%sql"
  uint32_t line = 0, col = 0;        // where names that do not map to the file go
  const void* origin = nullptr;      // the module whose offsets `pos` maps
  const PosMap* pos = nullptr;
  const std::unordered_map<std::string, std::string>* widget_defaults = nullptr;
};

void sql_records(const VStr& text, const SqlSite& site, SqlFn fn, FileRecords& out);

}  // namespace pipelint::py

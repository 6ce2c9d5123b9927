// Temporary views are not tables (SPEC 7): a view registered anywhere in a
// file (createOrReplaceTempView, registerTempTable, CREATE TEMP VIEW in
// spark.sql or a %sql cell, CACHE TABLE v AS, @dlt.view), or in a notebook it
// %runs, hides every access of that name in the file, whatever the order.
// The one exception is the statement that registers the view: a read in its
// own chain (spark.table("sales").createOrReplaceTempView("sales")) is real.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/common/records.h"

namespace pipelint::py {

using SourcePos = std::pair<uint32_t, uint32_t>;  // line, col

struct TempView {
  std::string name;  // lower case; "global_temp.x" for global views
  // Source ranges [first, second) whose accesses feed the view, not read it.
  std::vector<std::pair<SourcePos, SourcePos>> own;
};

// Views created by SQL text: CREATE [OR REPLACE] [GLOBAL] TEMP[ORARY] VIEW
// [IF NOT EXISTS] v, and CACHE [LAZY] TABLE v AS (a temp view of the query).
void sql_temp_views(std::string_view sql, std::vector<TempView>& out);

// Removes the accesses of `records` that name one of `views`, and any
// `global_temp.x` table access.
// `kept`, when given, receives each old access's new index (-1: removed).
void drop_view_accesses(FileRecords& records, const std::vector<TempView>& views,
                        std::vector<int>* kept = nullptr);

}  // namespace pipelint::py

// Hands a DAG file's tree to the Airflow extractor while it is parsed, with
// the Python resolver as its ValueSource (the one hook of parsers/airflow).
#pragma once
#include <tree_sitter/api.h>

#include <string_view>

#include "parsers/common/records.h"

namespace pipelint::py {

class FileAnalyzer;
struct ModuleData;

// Orchestration records and inline-SQL accesses of the file's DAGs.
FileRecords extract_airflow(FileAnalyzer& fa, const ModuleData& md, TSNode root, std::string_view src);

}  // namespace pipelint::py

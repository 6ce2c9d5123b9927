// The catalog as its versioned JSON document (docs/catalog.md), shared by
// `catalog --format json` and the data embedded in the HTML page.
#pragma once
#include <string>
#include <vector>

#include "analyzer/output/catalog_rows.h"

namespace pipelint {

// indent < 0: compact, one line. Invalid UTF-8 is written as U+FFFD.
std::string catalog_json_text(const std::vector<CatalogRow>& rows, int indent);

}  // namespace pipelint

// Team pipeline configs (SPEC 3 `pipelines.yaml`): the tables a YAML file
// declares at configured key paths (`sources[*].table`, `target.table`), with
// the write mode at `mode`. Accesses are at the YAML value's line and column.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "parsers/common/records.h"

namespace pipelint::pipeline_yaml {

struct Spec {
  std::vector<std::string> reads, writes;  // key paths
  std::string mode;                        // key path ("" = none)
};

// Never throws: broken YAML is a SYN001 diagnostic.
FileRecords extract(std::string_view text, const Spec& spec);

}  // namespace pipelint::pipeline_yaml

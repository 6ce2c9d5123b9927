// `pipelint lineage`: the extracted records, one per access (SPEC 5).
#pragma once
#include <ostream>

#include "analyzer/model/model.h"

namespace pipelint {

void write_lineage_jsonl(const Model& m, std::ostream& out);
void write_lineage_json(const Model& m, std::ostream& out);
void write_lineage_text(const Model& m, std::ostream& out);

}  // namespace pipelint

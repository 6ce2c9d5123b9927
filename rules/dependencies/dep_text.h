// Wording the dependency rules share: how a pipeline, a table or a list of them
// is named in a message.
#pragma once
#include <string>
#include <vector>

#include "analyzer/model/graph/platform_graph.h"

namespace pipelint {

// "repos/x/jobs/a.py (team nordgrid-de)", or just the path when the team is unknown.
std::string pipeline_label(const Model& m, const PlatformGraph& g, uint32_t pipeline);

// A Dataset/Asset URI or a bundle `table_update` name as a table name, lower-cased:
// the scheme goes ("unity://a.b.c"); storage paths, templates and anything but a
// three-part name give "".
std::string table_of_dataset_uri(std::string uri);

// "a, b and 3 more" — at most `shown` items.
std::string join_limited(const std::vector<std::string>& items, size_t shown = 3);

// The first access of an edge whose mode satisfies `pred` (its location), or the edge's first.
template <typename Pred>
Location first_access_where(const Model& m, const GraphEdge& e, Pred pred) {
  for (uint32_t ai : e.accesses) {
    const TableAccess& a = m.accesses[ai];
    const AccessRecord& rec = a.rec(m);
    if (pred(rec.mode)) return Location{m.files[a.file].display_path, rec.line, rec.col, 0};
  }
  const TableAccess& a = m.accesses[e.accesses.front()];
  return Location{m.files[a.file].display_path, a.rec(m).line, a.rec(m).col, 0};
}

}  // namespace pipelint

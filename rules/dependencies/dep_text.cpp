#include "rules/dependencies/dep_text.h"

namespace pipelint {

std::string pipeline_label(const Model& m, const PlatformGraph& g, uint32_t pipeline) {
  std::string label = pipeline_path(m, g, pipeline);
  const std::string& team = g.pipelines[pipeline].team;
  if (!team.empty()) label += " (team " + team + ")";
  return label;
}

std::string join_limited(const std::vector<std::string>& items, size_t shown) {
  std::string out;
  const size_t n = std::min(items.size(), shown);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += (i + 1 == n && items.size() <= shown) ? " and " : ", ";
    out += items[i];
  }
  if (items.size() > shown) out += " and " + std::to_string(items.size() - shown) + " more";
  return out;
}

}  // namespace pipelint

#include "rules/dependencies/dep_text.h"

#include <algorithm>
#include <cctype>

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

std::string table_of_dataset_uri(std::string uri) {
  size_t scheme = uri.find("://");
  if (scheme != std::string::npos) uri = uri.substr(scheme + 3);
  if (uri.empty() || uri.find('/') != std::string::npos || uri.find('{') != std::string::npos) return "";
  if (std::count(uri.begin(), uri.end(), '.') != 2) return "";
  std::transform(uri.begin(), uri.end(), uri.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return uri;
}

}  // namespace pipelint

#include "analyzer/model/graph/name_groups.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace pipelint {

std::map<std::string, std::string> name_groups(const std::string& table, const NamespaceConfig& ns) {
  std::map<std::string, std::string> out;
  std::string lower = table;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& p : ns.patterns) {
    if (!p.re) continue;
    const re2::RE2& re = *p.re;
    int n = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> groups(static_cast<size_t>(n) + 1);
    if (!re.Match(lower, 0, lower.size(), re2::RE2::ANCHOR_BOTH, groups.data(), n + 1)) continue;
    for (const auto& [name, index] : re.NamedCapturingGroups()) {
      const auto& g = groups[static_cast<size_t>(index)];
      if (g.data()) out[name] = std::string(g);
    }
    return out;
  }
  return out;
}

namespace {

int layer_index(const NamespaceConfig& ns, std::string_view layer) {
  for (size_t i = 0; i < ns.layers.size(); ++i)
    if (ns.layers[i] == layer) return static_cast<int>(i);
  return -1;
}

// The one layer that starts a fully known part of a placeholder name, or -1.
int layer_from_known_parts(const std::string& lower, const NamespaceConfig& ns) {
  int found = -1;
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i <= lower.size(); ++i) {
    char c = i < lower.size() ? lower[i] : '.';
    if (c == '{') ++depth;
    else if (c == '}' && depth > 0) --depth;
    if (c != '.' || depth > 0) continue;
    std::string_view part(lower.data() + start, i - start);
    start = i + 1;
    if (part.find('{') != std::string_view::npos || part.find('}') != std::string_view::npos) continue;
    for (size_t l = 0; l < ns.layers.size(); ++l) {
      const std::string& layer = ns.layers[l];
      if (layer.empty() || part.substr(0, layer.size()) != layer) continue;
      if (part.size() != layer.size() && part[layer.size()] != '_') continue;
      if (found >= 0 && found != static_cast<int>(l)) return -1;  // ambiguous
      found = static_cast<int>(l);
    }
  }
  return found;
}

}  // namespace

TableLayer table_layer(const std::string& table, const NamespaceConfig& ns) {
  TableLayer out;
  auto groups = name_groups(table, ns);
  if (auto it = groups.find("layer"); it != groups.end()) {
    out.index = layer_index(ns, it->second);
    if (out.index >= 0) out.name = it->second;
    return out;
  }
  if (table.find('{') == std::string::npos) return out;
  std::string lower = table;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  out.index = layer_from_known_parts(lower, ns);
  if (out.index >= 0) out.name = ns.layers[static_cast<size_t>(out.index)];
  return out;
}

}  // namespace pipelint

#include "rules/observability/sla_support.h"

#include <algorithm>
#include <cctype>

namespace pipelint {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

const Config* contract_config(const Model& m, const ContractFile& contract) {
  const FileEntry* best = nullptr;
  size_t best_len = 0;
  for (const auto& f : m.files) {
    if (f.from_index || f.display_path.size() < f.repo_rel.size()) continue;
    std::string prefix = f.display_path.substr(0, f.display_path.size() - f.repo_rel.size());
    if (contract.path.compare(0, prefix.size(), prefix) != 0) continue;
    if (!best || prefix.size() > best_len) {
      best = &f;
      best_len = prefix.size();
    }
  }
  if (best && best->config) return best->config.get();
  return m.root_config.get();
}

std::vector<std::string> layers_option(const Config* cfg, const std::string& rule, std::vector<std::string> fallback) {
  if (!cfg) return fallback;
  const auto* opt = cfg->rule_option(rule, "layers");
  if (!opt || !opt->is_array()) return fallback;
  std::vector<std::string> layers;
  for (const auto& v : *opt)
    if (v.is_string()) layers.push_back(lower(v.get<std::string>()));
  return layers;
}

std::map<std::string, LatencyPromise> latency_promises(const Model& m) {
  std::map<std::string, LatencyPromise> out;
  for (const auto& file : m.contracts) {
    const DataContract& c = file.contract;
    if (!file.parsed || c.is_retired() || !c.sla.latency || c.sla.latency->seconds <= 0) continue;
    for (const auto& object : c.schema) {
      if (object.table.empty()) continue;
      LatencyPromise p{&file, &object, &*c.sla.latency};
      out.emplace(lower(object.table), p);
      for (const auto& other : object.other_tables) out.emplace(lower(other), p);
    }
  }
  return out;
}

}  // namespace pipelint

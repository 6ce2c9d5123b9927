#include "analyzer/model/model.h"

#include <re2/re2.h>

namespace pipelint {

const char* to_string(Language l) {
  switch (l) {
    case Language::Python: return "python";
    case Language::Notebook: return "notebook";
    case Language::Sql: return "sql";
    case Language::Yaml: return "yaml";
    default: return "other";
  }
}

const char* to_string(Resolution r) {
  switch (r) {
    case Resolution::Full: return "full";
    case Resolution::Partial: return "partial";
    default: return "none";
  }
}

ResolvedName resolve_name(const NameTemplate& name, const NamespaceConfig& ns) {
  ResolvedName out{"", Resolution::Full};
  bool any_hole = false, any_known = false;
  for (const auto& part : name.parts) {
    if (!part.hole) {
      out.text += part.text;
      for (char c : part.text)
        if (c != '.' && c != ' ' && c != '/') { any_known = true; break; }
      continue;
    }
    auto var = ns.variables.find(part.text);
    if (var != ns.variables.end()) {
      out.text += var->second;
      any_known = true;
    } else if (part.default_value) {
      out.text += *part.default_value;
      any_known = true;
    } else {
      out.text += "{" + part.text + "}";
      any_hole = true;
    }
  }
  if (any_hole) out.resolved = any_known ? Resolution::Partial : Resolution::None;
  return out;
}

namespace {

// Replaces {group} references in `tmpl` with the named groups of a match.
std::string expand_location(const LocationRule& rule, const std::string& path) {
  const re2::RE2& re = *rule.path_re;
  int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<size_t>(n) + 1);
  if (!re.Match(path, 0, path.size(), re2::RE2::UNANCHORED, groups.data(), n + 1)) return "";
  std::string out;
  const auto& names = re.NamedCapturingGroups();
  for (size_t i = 0; i < rule.table.size(); ++i) {
    if (rule.table[i] == '{') {
      size_t close = rule.table.find('}', i);
      if (close != std::string::npos) {
        auto key = rule.table.substr(i + 1, close - i - 1);
        auto it = names.find(key);
        if (it != names.end() && groups[static_cast<size_t>(it->second)].data()) {
          out += std::string(groups[static_cast<size_t>(it->second)]);
        } else {
          out += "{" + key + "}";
        }
        i = close;
        continue;
      }
    }
    out += rule.table[i];
  }
  return out;
}

}  // namespace

void build_accesses(Model& model) {
  size_t total = 0;
  for (const auto& f : model.files) total += f.records.accesses.size();
  model.accesses.clear();
  model.accesses.reserve(total);
  for (uint32_t fi = 0; fi < model.files.size(); ++fi) {
    const auto& file = model.files[fi];
    const NamespaceConfig& ns = file.config->ns;
    const auto& recs = file.records.accesses;
    for (uint32_t ri = 0; ri < recs.size(); ++ri) {
      TableAccess a;
      a.file = fi;
      a.record = ri;
      auto r = resolve_name(recs[ri].name, ns);
      a.table = std::move(r.text);
      a.resolved = r.resolved;
      if (recs[ri].kind == Kind::Path) {
        for (const auto& loc : ns.locations) {
          if (!loc.path_re) continue;
          std::string mapped = expand_location(loc, a.table);
          if (!mapped.empty()) {
            a.path_location = a.table;
            a.table = std::move(mapped);
            break;
          }
        }
      }
      model.accesses.push_back(std::move(a));
    }
  }
}

}  // namespace pipelint

#include "parsers/bundles/bundle_parser.h"

#include <map>

#include <yaml-cpp/yaml.h>

#include "parsers/bundles/bundle_jobs.h"

namespace pipelint::bundles {

bool is_bundle_root(std::string_view name) { return name == "databricks.yml" || name == "databricks.yaml"; }

namespace {

struct Loaded {
  std::string abs_path;
  YAML::Node doc;
  bool ok = false;
  FileRecords records;
};

Loaded load(const std::string& path, const Reader& read) {
  Loaded l;
  l.abs_path = path;
  auto text = read(path);
  if (!text) {
    l.records.diagnostics.push_back({1, 1, "", "bundle file could not be read"});
    return l;
  }
  try {
    l.doc = YAML::Load(*text);
    l.ok = true;
  } catch (const YAML::Exception& e) {
    l.records.diagnostics.push_back({static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1),
                                     "SYN001", "YAML syntax error: " + e.msg});
  } catch (const std::exception& e) {
    l.records.diagnostics.push_back({1, 1, "SYN001", std::string("YAML could not be parsed: ") + e.what()});
  }
  return l;
}

std::string scalar(const YAML::Node& n) {
  if (!n || !n.IsScalar()) return "";
  return n.Scalar();
}

}  // namespace

std::vector<BundleFile> parse_bundle(const std::string& root_abs, const Reader& read, const Expander& expand) {
  std::vector<Loaded> files;
  files.push_back(load(root_abs, read));
  try {
    if (files[0].ok && files[0].doc.IsMap()) {
      YAML::Node inc = files[0].doc["include"];
      if (inc && inc.IsSequence())
        for (const auto& p : inc)
          for (const auto& path : expand(scalar(p)))
            if (path != root_abs) files.push_back(load(path, read));
    }
    // variables: defaults from every file, then the default target's values
    Vars vars;
    std::string target;
    for (auto& f : files) {
      if (!f.ok || !f.doc.IsMap()) continue;
      YAML::Node bundle = f.doc["bundle"];
      if (bundle && bundle.IsMap() && bundle["name"]) vars["bundle.name"] = scalar(bundle["name"]);
      YAML::Node v = f.doc["variables"];
      if (v && v.IsMap())
        for (const auto& kv : v) {
          const YAML::Node& def = kv.second;
          std::string value = def.IsMap() ? scalar(def["default"]) : scalar(def);
          if (def.IsMap() && !def["default"]) continue;
          vars["var." + kv.first.as<std::string>()] = value;
        }
    }
    for (auto& f : files) {
      if (!f.ok || !f.doc.IsMap()) continue;
      YAML::Node targets = f.doc["targets"];
      if (!targets || !targets.IsMap()) continue;
      for (const auto& t : targets) {
        const YAML::Node& body = t.second;
        if (!body.IsMap() || scalar(body["default"]) != "true") continue;
        target = t.first.as<std::string>();
        YAML::Node tv = body["variables"];
        if (tv && tv.IsMap())
          for (const auto& kv : tv)
            if (kv.second.IsScalar()) vars["var." + kv.first.as<std::string>()] = kv.second.Scalar();
      }
    }
    if (!target.empty()) vars["bundle.target"] = target;
    // pipelines (for pipeline_task), then jobs, per file
    Pipelines pipelines;
    for (auto& f : files)
      if (f.ok && f.doc.IsMap()) collect_pipelines(f.doc, vars, pipelines);
    for (auto& f : files)
      if (f.ok && f.doc.IsMap()) extract_jobs(f.doc, vars, pipelines, f.records.orchestration);
  } catch (const std::exception& e) {
    files[0].records.diagnostics.push_back({1, 1, "SYN001", std::string("bundle could not be read: ") + e.what()});
  }
  std::vector<BundleFile> out;
  for (auto& f : files) out.push_back({f.abs_path, std::move(f.records)});
  return out;
}

}  // namespace pipelint::bundles

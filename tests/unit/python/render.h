// Test helpers: run the extractor on a snippet and render each access as
// "line:col op [path ]name mode api" (mode "-" when null).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/python/python_extractor.h"

namespace pltest {

inline std::string render(const pipelint::AccessRecord& a) {
  std::string s = std::to_string(a.line) + ":" + std::to_string(a.col) + " " + pipelint::to_string(a.op) + " ";
  if (a.kind == pipelint::Kind::Path) s += "path ";
  s += a.name.placeholder_text() + " " + (a.mode.empty() ? "-" : a.mode) + " " + a.api;
  return s;
}

inline std::vector<std::string> render(const pipelint::FileRecords& r) {
  std::vector<std::string> out;
  for (const auto& a : r.accesses) out.push_back(render(a));
  return out;
}

inline std::vector<std::string> run(std::string_view src, const std::string& path = "jobs/job.py") {
  return render(pipelint::py::analyze(path, src).records);
}

// Several files of one repository, analysed and linked; returns the records of `which`.
struct Repo {
  std::map<std::string, pipelint::py::FileAnalysis> files;
  std::map<std::string, std::string> skipped;  // files only the loader may parse
  std::map<std::string, std::unique_ptr<pipelint::py::FileAnalysis>> loaded;
  std::vector<std::string> load_calls;

  void add(const std::string& path, std::string_view src) { files[path] = pipelint::py::analyze(path, src); }
  void add_skipped(const std::string& path, std::string src) { skipped[path] = std::move(src); }
  void link() {
    std::vector<pipelint::py::FileAnalysis*> ptrs;
    for (auto& [p, f] : files) ptrs.push_back(&f);
    pipelint::py::link(ptrs, [this](const std::string& p) -> pipelint::py::FileAnalysis* {
      load_calls.push_back(p);
      auto it = skipped.find(p);
      if (it == skipped.end()) return nullptr;
      auto& slot = loaded[p];
      if (!slot) slot = std::make_unique<pipelint::py::FileAnalysis>(pipelint::py::analyze(p, it->second));
      return slot.get();
    });
  }
  std::vector<std::string> records(const std::string& path) { return render(files.at(path).records); }
  const pipelint::FileRecords& raw(const std::string& path) { return files.at(path).records; }
};

}  // namespace pltest

namespace pltest {

inline const char* source_name(pipelint::HoleSource s) {
  using pipelint::HoleSource;
  switch (s) {
    case HoleSource::Unknown: return "unknown";
    case HoleSource::Variable: return "variable";
    case HoleSource::Parameter: return "parameter";
    case HoleSource::Widget: return "widget";
    case HoleSource::Env: return "env";
    case HoleSource::SparkConf: return "sparkconf";
    case HoleSource::Template: return "template";
  }
  return "?";
}

// The holes of the first access: "name/source/default" ("-" without default).
inline std::vector<std::string> holes(std::string_view src, size_t index = 0, const std::string& path = "jobs/job.py") {
  auto a = pipelint::py::analyze(path, src);
  std::vector<std::string> out;
  if (index >= a.records.accesses.size()) return {"<no access>"};
  for (const auto& p : a.records.accesses[index].name.parts)
    if (p.hole) out.push_back(p.text + "/" + source_name(p.source) + "/" + p.default_value.value_or("-"));
  return out;
}

}  // namespace pltest

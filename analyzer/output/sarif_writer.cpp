// SARIF 2.1.0 for GitHub code scanning and SARIF viewers (choices in README.md).
#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>

#include "analyzer/output/paths.h"
#include "analyzer/output/sarif_parts.h"
#include "parsers/common/utf8.h"

namespace pipelint {
namespace sarif {
namespace {

constexpr const char* kSrcRoot = "%SRCROOT%";
constexpr size_t kMaxSnippetBytes = 1000;
constexpr const char* kInformationUri = "https://github.com/gridunion/pipelint";

// Options that cannot change results are left out of the recorded arguments, so
// runs that differ only in them (--jobs 1 vs 8, another -o) give identical bytes.
bool result_neutral_option(std::string_view arg, bool& takes_value) {
  takes_value = false;
  for (std::string_view opt : {"-o", "--output", "-j", "--jobs"}) {
    if (arg == opt) return takes_value = true;
    if (arg.size() > opt.size() && arg.substr(0, opt.size()) == opt && arg[opt.size()] == '=') return true;
  }
  return arg == "--no-cache" || arg == "-q" || arg == "--quiet";
}

std::string shell_quote(const std::string& arg) {
  if (!arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@%+") == std::string::npos)
    return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class RunWriter {
 public:
  RunWriter(const Report& r, SourceProvider& src)
      : r_(r), src_(src), root_(r.srcroot.empty() ? r.cwd : r.srcroot) {}

  Json run() {
    Json run;
    std::map<std::string, size_t> rule_index;
    Json rules = driver_rules(r_.findings, rule_index);
    size_t cut = 0;
    const std::vector<const Finding*> selected = select_results(r_.findings, kMaxResults, cut);

    Json driver;
    driver["name"] = "pipelint";
    const std::string version = r_.tool_version.empty() ? "0.0.0" : r_.tool_version;
    driver["version"] = version;
    driver["semanticVersion"] = version;
    driver["informationUri"] = kInformationUri;
    driver["rules"] = std::move(rules);
    run["tool"] = Json{{"driver", std::move(driver)}};
    run["automationDetails"] = Json{{"id", "pipelint/" + (r_.command.empty() ? "check" : r_.command) + "/"}};
    run["invocations"] = Json::array({invocation(cut)});
    if (!root_.empty())
      run["originalUriBaseIds"] = Json{{kSrcRoot, Json{{"uri", file_uri_of_folder(root_)}}}};
    Json results = Json::array();
    for (const Finding* f : selected) results.push_back(result(*f, rule_index));
    run["results"] = std::move(results);
    run["columnKind"] = "unicodeCodePoints";
    return run;
  }

 private:
  Json artifact_location(const std::string& display_path) const {
    const std::string rel = repo_relative_path(display_path, r_.cwd, root_);
    if (!rel.empty() && rel[0] == '/') return Json{{"uri", file_uri_of_file(rel)}};
    return Json{{"uri", percent_encode_path(rel)}, {"uriBaseId", kSrcRoot}};
  }

  Json physical_location(const Location& l) {
    Json region;
    const uint32_t line = std::max<uint32_t>(l.line, 1);
    const uint32_t col = std::max<uint32_t>(l.col, 1);
    region["startLine"] = line;
    region["startColumn"] = col;
    if (l.end_col > col) region["endColumn"] = l.end_col;
    if (std::optional<std::string> text = snippet(l, col)) region["snippet"] = Json{{"text", *text}};
    return Json{{"artifactLocation", artifact_location(l.path)}, {"region", std::move(region)}};
  }

  // The text of the region: [col, end_col) or to the end of the line.
  std::optional<std::string> snippet(const Location& l, uint32_t col) {
    const std::string line = src_.line(l.path, l.line);
    if (line.empty() || line.size() > kMaxSnippetBytes) return std::nullopt;
    const size_t begin = utf8::byte_offset_of_column(line, col);
    if (begin >= line.size()) return std::nullopt;
    const size_t end = l.end_col > col ? utf8::byte_offset_of_column(line, l.end_col) : line.size();
    return line.substr(begin, end - begin);
  }

  const std::vector<std::string>* line_hashes(const std::string& path) {
    auto it = hashes_.find(path);
    if (it == hashes_.end()) {
      const std::string* content = src_.content(path);
      it = hashes_.emplace(path, content ? std::optional(github_line_hashes(*content)) : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  Json result(const Finding& f, const std::map<std::string, size_t>& rule_index) {
    Json j;
    j["ruleId"] = f.rule.empty() ? "unknown" : f.rule;
    j["ruleIndex"] = rule_index.at(f.rule);
    j["level"] = level(f.severity);
    j["message"] = Json{{"text", sentence(f.message)}};
    j["locations"] = Json::array({Json{{"physicalLocation", physical_location(f.loc)}}});
    if (!f.related.empty()) {
      Json related = Json::array();
      for (size_t i = 0; i < f.related.size() && i < kMaxRelatedLocations; ++i)
        related.push_back(Json{{"id", i + 1},
                               {"physicalLocation", physical_location(f.related[i].loc)},
                               {"message", Json{{"text", sentence(f.related[i].message)}}}});
      j["relatedLocations"] = std::move(related);
    }
    if (!f.flow.empty()) j["codeFlows"] = code_flows(f.flow);
    Json fingerprints;
    if (const auto* hashes = line_hashes(f.loc.path); hashes && f.loc.line >= 1 && f.loc.line <= hashes->size())
      fingerprints["primaryLocationLineHash"] = (*hashes)[f.loc.line - 1];
    fingerprints["pipelint/v1"] = finding_fingerprint(f, r_, src_);
    j["partialFingerprints"] = std::move(fingerprints);
    if (r_.has_baseline) j["baselineState"] = baseline_state(f.baseline_state);
    return j;
  }

  Json code_flows(const std::vector<Location>& flow) {
    Json steps = Json::array();
    const size_t n = std::min(flow.size(), kMaxThreadFlowLocations);
    for (size_t i = 0; i < n; ++i) {
      Json loc{{"physicalLocation", physical_location(flow[i])},
               {"message", Json{{"text", "Step " + std::to_string(i + 1) + " of " + std::to_string(flow.size()) + "."}}}};
      steps.push_back(Json{{"location", std::move(loc)}});
    }
    return Json::array({Json{{"threadFlows", Json::array({Json{{"locations", std::move(steps)}}})}}});
  }

  static std::string baseline_state(const std::string& s) {
    return (s == "unchanged" || s == "updated" || s == "absent") ? s : "new";
  }

  Json invocation(size_t cut) {
    Json inv;
    inv["executionSuccessful"] = r_.failures.empty();
    if (!r_.command_line.empty()) {
      Json args = Json::array();
      std::string command_line = shell_quote(std::filesystem::path(r_.command_line[0]).filename().string());
      for (size_t i = 1; i < r_.command_line.size(); ++i) {
        bool takes_value = false;
        if (result_neutral_option(r_.command_line[i], takes_value)) {
          if (takes_value) ++i;
          continue;
        }
        args.push_back(r_.command_line[i]);
        command_line += ' ';
        command_line += shell_quote(r_.command_line[i]);
      }
      inv["commandLine"] = command_line;
      inv["arguments"] = std::move(args);
    }
    Json notes = Json::array();
    for (const FileFailure& fail : r_.failures)
      notes.push_back(Json{{"level", "error"},
                           {"message", Json{{"text", sentence(fail.message)}}},
                           {"locations", Json::array({Json{{"physicalLocation", Json{{"artifactLocation", artifact_location(fail.path)}}}}})},
                           {"descriptor", Json{{"id", "pipelint/file-not-analysed"}}}});
    if (cut > 0)
      notes.push_back(Json{{"level", "warning"},
                           {"message", Json{{"text", std::to_string(cut) + " results were left out: GitHub code scanning accepts at most " +
                                                         std::to_string(kMaxResults) + " results per run, so the most severe were kept."}}},
                           {"descriptor", Json{{"id", "pipelint/results-cut"}}}});
    if (!notes.empty()) inv["toolExecutionNotifications"] = std::move(notes);
    return inv;
  }

  const Report& r_;
  SourceProvider& src_;
  std::string root_;
  std::map<std::string, std::optional<std::vector<std::string>>> hashes_;
};

}  // namespace
}  // namespace sarif

void write_sarif(const Report& r, SourceProvider& src, std::ostream& out) {
  sarif::Json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = sarif::Json::array({sarif::RunWriter(r, src).run()});
  out << doc.dump(2, ' ', false, sarif::Json::error_handler_t::replace) << '\n';
}

}  // namespace pipelint

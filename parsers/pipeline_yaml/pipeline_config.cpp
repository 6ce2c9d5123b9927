#include "parsers/pipeline_yaml/pipeline_config.h"

#include <algorithm>
#include <cctype>

#include <yaml-cpp/yaml.h>

namespace pipelint::pipeline_yaml {

namespace {

struct Step {
  std::string key;  // map key ("" for a bare [..] on the root)
  bool each = false;
  int index = -1;
};

std::vector<Step> parse_path(const std::string& path) {
  std::vector<Step> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t dot = path.find('.', i);
    std::string seg = path.substr(i, dot == std::string::npos ? std::string::npos : dot - i);
    i = dot == std::string::npos ? path.size() : dot + 1;
    Step s;
    size_t br = seg.find('[');
    s.key = seg.substr(0, br);
    out.push_back(s);
    while (br != std::string::npos) {
      size_t close = seg.find(']', br);
      if (close == std::string::npos) break;
      std::string inside = seg.substr(br + 1, close - br - 1);
      Step e;
      if (inside == "*") e.each = true;
      else if (!inside.empty() && std::all_of(inside.begin(), inside.end(), ::isdigit)) e.index = std::stoi(inside);
      out.push_back(e);
      br = seg.find('[', close);
    }
  }
  return out;
}

void walk(const YAML::Node& n, const std::vector<Step>& steps, size_t k, std::vector<YAML::Node>& out, int depth) {
  if (!n || depth > 64) return;
  if (k == steps.size()) {
    if (n.IsScalar()) out.push_back(n);
    if (n.IsSequence())  // a list of names at the end of the path
      for (const auto& e : n)
        if (e.IsScalar()) out.push_back(e);
    return;
  }
  const Step& s = steps[k];
  if (s.each) {
    if (n.IsSequence())
      for (const auto& e : n) walk(e, steps, k + 1, out, depth + 1);
    else if (n.IsMap())
      for (const auto& kv : n) walk(kv.second, steps, k + 1, out, depth + 1);
    return;
  }
  if (s.index >= 0) {
    if (n.IsSequence() && static_cast<size_t>(s.index) < n.size()) walk(n[s.index], steps, k + 1, out, depth + 1);
    return;
  }
  if (s.key.empty()) return walk(n, steps, k + 1, out, depth + 1);
  if (!n.IsMap()) return;
  for (const auto& kv : n)
    if (kv.first.IsScalar() && kv.first.Scalar() == s.key) walk(kv.second, steps, k + 1, out, depth + 1);
}

// ${x} and {x} become Template holes.
NameTemplate name_of(const std::string& text) {
  NameTemplate out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    size_t lit_end = open > i && text[open - 1] == '$' ? open - 1 : open;
    if (lit_end > i) out.append(NameTemplate::literal(text.substr(i, lit_end - i)));
    out.parts.push_back(NamePart{text.substr(open + 1, close - open - 1), true, HoleSource::Template, std::nullopt, -1});
    i = close + 1;
  }
  if (i < text.size()) out.append(NameTemplate::literal(text.substr(i)));
  return out;
}

std::string normal_mode(std::string m) {
  std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (m == "upsert") return "merge";
  return m;
}

}  // namespace

FileRecords extract(std::string_view text, const Spec& spec) {
  FileRecords out;
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    out.diagnostics.push_back({static_cast<uint32_t>(std::max(0, e.mark.line) + 1),
                               static_cast<uint32_t>(std::max(0, e.mark.column) + 1), "SYN001",
                               "YAML syntax error: " + e.msg});
    return out;
  } catch (const std::exception& e) {
    out.diagnostics.push_back({1, 1, "SYN001", std::string("YAML could not be parsed: ") + e.what()});
    return out;
  }
  try {
    std::vector<YAML::Node> modes;
    if (!spec.mode.empty()) walk(doc, parse_path(spec.mode), 0, modes, 0);
    auto emit = [&](const std::vector<std::string>& paths, Op op) {
      size_t nth = 0;
      for (const auto& p : paths) {
        std::vector<YAML::Node> found;
        walk(doc, parse_path(p), 0, found, 0);
        for (const auto& n : found) {
          AccessRecord r;
          r.line = static_cast<uint32_t>(n.Mark().line + 1);
          r.col = static_cast<uint32_t>(n.Mark().column + 1);
          r.op = op;
          r.api = "yaml:" + p;
          r.name = name_of(n.Scalar());
          if (op == Op::Write && !modes.empty())
            r.mode = normal_mode((modes.size() == 1 ? modes[0] : modes[std::min(nth, modes.size() - 1)]).Scalar());
          if (op == Op::Write) ++nth;
          if (!r.name.empty()) out.accesses.push_back(std::move(r));
        }
      }
    };
    emit(spec.reads, Op::Read);
    emit(spec.writes, Op::Write);
  } catch (const std::exception& e) {
    out.diagnostics.push_back({1, 1, "SYN001", std::string("YAML could not be read: ") + e.what()});
  }
  return out;
}

}  // namespace pipelint::pipeline_yaml

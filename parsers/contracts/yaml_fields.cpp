#include "parsers/contracts/yaml_fields.h"

#include <algorithm>

namespace pipelint::contracts {

// Built by appending: GCC 12 misreports `"`" + std::string(..)` as an overlapping memcpy.
std::string quoted(std::string_view s) {
  std::string r;
  r.reserve(s.size() + 2);
  r += '`';
  r += s;
  r += '`';
  return r;
}


IssueSink::IssueSink(std::string_view text, std::vector<ContractIssue>& issues)
    : text_(text), lines_(text), issues_(issues) {}

YamlPos IssueSink::pos(const YAML::Mark& m) const {
  if (m.line < 0) return {1, 1};
  // yaml-cpp counts columns in bytes; findings count code points.
  auto line = static_cast<uint32_t>(m.line) + 1;
  if (line > lines_.line_count()) return {line, static_cast<uint32_t>(m.column < 0 ? 0 : m.column) + 1};
  size_t start = lines_.line_start(line);
  size_t offset = std::min(text_.size(), start + static_cast<size_t>(m.column < 0 ? 0 : m.column));
  auto [l, c] = lines_.position(offset);
  return {l, c};
}

void IssueSink::add(YamlPos p, std::string message) {
  if (!p.known()) p = {1, 1};
  for (const auto& i : issues_)
    if (i.line == p.line && i.col == p.col && i.message == message) return;  // once per problem
  issues_.push_back(ContractIssue{p.line, p.col, std::move(message)});
}

const char* node_kind(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a text value";
    default: return "empty";
  }
}

Fields::Fields(const YAML::Node& map, std::string where, IssueSink& sink) : where_(std::move(where)), sink_(sink) {
  if (!map.IsMap()) return;
  for (const auto& kv : map) {
    YAML::Node k = kv.first;  // a copy: the iterator's pair is a temporary
    if (!k.IsScalar()) {
      sink_.add(k, "keys of " + where_ + " must be plain text, not " + std::string(node_kind(k)));
      continue;
    }
    std::string key = k.Scalar();
    bool dup = std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
    if (dup) {
      sink_.add(k, "duplicate key `" + key + "` in " + where_ + " (the first one applies)");
      continue;
    }
    entries_.push_back(Entry{key, k, kv.second});
  }
}

const YAML::Node* Fields::get(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return &e.value;
  return nullptr;
}

YamlPos Fields::key_pos(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return sink_.pos(e.key_node);
  return {};
}

std::optional<PosString> Fields::text(std::string_view key) const {
  const YAML::Node* v = get(key);
  if (!v || v->IsNull()) return std::nullopt;
  if (!v->IsScalar()) {
    sink_.add(*v, quoted(key) + " of " + where_ + " must be a text value, not " + node_kind(*v));
    return std::nullopt;
  }
  return PosString{v->Scalar(), sink_.pos(*v)};
}

PosBool Fields::boolean(std::string_view key) const {
  const YAML::Node* v = get(key);
  if (!v || v->IsNull()) return {};
  if (v->IsScalar() && v->Tag() != "!") {  // a quoted "true" is text, not a boolean
    std::string s = v->Scalar();
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (s == "true" || s == "yes" || s == "on") return {true, sink_.pos(*v)};
    if (s == "false" || s == "no" || s == "off") return {false, sink_.pos(*v)};
  }
  std::string shown = v->IsScalar() ? "`" + v->Scalar() + "`" : std::string(node_kind(*v));
  sink_.add(*v, quoted(key) + " of " + where_ + " must be true or false, not " + shown);
  return {};
}

std::optional<int> Fields::integer(std::string_view key) const {
  const YAML::Node* v = get(key);
  if (!v || v->IsNull()) return std::nullopt;
  if (v->IsScalar()) {
    const std::string& s = v->Scalar();
    size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    bool digits = s.size() > i && s.size() - i <= 9 &&
                  std::all_of(s.begin() + static_cast<long>(i), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) return std::stoi(s);
  }
  std::string shown = v->IsScalar() ? "`" + v->Scalar() + "`" : std::string(node_kind(*v));
  sink_.add(*v, quoted(key) + " of " + where_ + " must be an integer, not " + shown);
  return std::nullopt;
}

std::vector<YAML::Node> Fields::list(std::string_view key) const {
  std::vector<YAML::Node> items;
  const YAML::Node* v = get(key);
  if (!v || v->IsNull()) return items;
  if (!v->IsSequence()) {
    sink_.add(*v, quoted(key) + " of " + where_ + " must be a list, not " + node_kind(*v));
    return items;
  }
  for (const auto& item : *v) items.push_back(item);
  return items;
}

std::optional<YAML::Node> Fields::mapping(std::string_view key) const {
  const YAML::Node* v = get(key);
  if (!v || v->IsNull()) return std::nullopt;
  if (!v->IsMap()) {
    sink_.add(*v, quoted(key) + " of " + where_ + " must be a mapping, not " + node_kind(*v));
    return std::nullopt;
  }
  return *v;
}

}  // namespace pipelint::contracts

#include "analyzer/config/config_tree.h"

namespace pipelint::cfg {

Node Node::list_of(const std::vector<std::string>& v) {
  Node n;
  n.type = Type::List;
  for (const auto& s : v) n.items.push_back(scalar_of(s));
  return n;
}

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

Node* Node::find(std::string_view key) {
  for (auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

Node& Node::set(const std::string& key, Node value) {
  if (Node* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  entries.emplace_back(key, std::move(value));
  return entries.back().second;
}

void Node::erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->first == key) {
      entries.erase(it);
      return;
    }
  }
}

bool same_value(const Node& a, const Node& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
    case Node::Type::Null: return true;
    case Node::Type::Scalar: return a.scalar == b.scalar;
    case Node::Type::Json: return a.json == b.json;
    case Node::Type::List:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!same_value(a.items[i], b.items[i])) return false;
      return true;
    case Node::Type::Map:
      if (a.entries.size() != b.entries.size()) return false;
      for (const auto& [k, v] : a.entries) {
        const Node* other = b.find(k);
        if (!other || !same_value(v, *other)) return false;
      }
      return true;
  }
  return false;
}

std::vector<std::string> split_key_path(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t dot = path.find('.', start);
    if (dot == std::string_view::npos) dot = path.size();
    out.emplace_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  return out;
}

const Node* find_path(const Node& root, const std::vector<std::string>& path) {
  const Node* cur = &root;
  for (const auto& key : path) {
    if (cur->type != Node::Type::Map) return nullptr;
    cur = cur->find(key);
    if (!cur) return nullptr;
  }
  return cur;
}

}  // namespace pipelint::cfg

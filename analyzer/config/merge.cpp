#include "analyzer/config/merge.h"

#include <set>
#include <utility>

#include "analyzer/config/schema.h"

namespace pipelint::cfg {
namespace {

const Schema* child_schema(const Schema& s, const std::string& key) {
  if (s.shape == Shape::Map) return s.field(key);
  if (s.shape == Shape::MapOf) return s.item;
  return nullptr;
}

const Schema* schema_at(const std::vector<std::string>& path) {
  const Schema* s = &root_schema();
  for (const auto& seg : path) {
    s = child_schema(*s, seg);
    if (!s) return nullptr;
  }
  return s;
}

void merge_maps(Node& base, const Node& child, const Schema& s) {
  for (const auto& [key, value] : child.entries) {
    const Schema* fs = child_schema(s, key);
    Node* existing = base.find(key);
    if (fs && fs->mergeable() && existing && existing->type == Node::Type::Map &&
        value.type == Node::Type::Map) {
      merge_maps(*existing, value, *fs);
      existing->key_line = value.key_line;
      existing->key_col = value.key_col;
    } else {
      base.set(key, value);
    }
  }
}

// Puts `value` (or nothing) at `path` in `root`, creating maps on the way.
void restore_path(Node& root, const std::vector<std::string>& path, const Node* value) {
  Node* cur = &root;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    Node* next = cur->find(path[i]);
    if (!next) {
      if (!value) return;
      next = &cur->set(path[i], Node::map());
    }
    if (next->type != Node::Type::Map) return;
    cur = next;
  }
  if (value) cur->set(path.back(), *value);
  else cur->erase(path.back());
}

class LockReporter {
 public:
  LockReporter(const Lock& lock, const std::string& file, std::vector<ConfigIssue>& issues,
               std::set<std::pair<uint32_t, uint32_t>>& reported)
      : lock_(lock), file_(file), issues_(issues), reported_(reported) {}

  // Reports where the child changed the value at the lock's path.
  void report(const Node* parent_value, const Node& child_root) {
    const Node* c = &child_root;
    std::string path;
    for (const auto& seg : lock_.path) {
      const Node* next = c->type == Node::Type::Map ? c->find(seg) : nullptr;
      if (!next) {
        // The child replaced an enclosing entry as a whole and so dropped the key.
        if (c != &child_root) at(*c, path);
        return;
      }
      c = next;
      path = path.empty() ? seg : path + "." + seg;
    }
    diff(parent_value, *c, schema_at(lock_.path), path);
  }

 private:
  void diff(const Node* p, const Node& c, const Schema* s, const std::string& path) {
    bool maps = p && p->type == Node::Type::Map && c.type == Node::Type::Map && s &&
                (s->shape == Shape::Map || s->shape == Shape::MapOf);
    if (!maps) {
      at(c, path);
      return;
    }
    bool any = false;
    for (const auto& [key, cv] : c.entries) {
      const Node* pv = p->find(key);
      if (pv && same_value(*pv, cv)) continue;
      diff(pv, cv, child_schema(*s, key), path + "." + key);
      any = true;
    }
    if (!any && s->replace && p->entries.size() != c.entries.size()) at(c, path);
  }

  void at(const Node& c, const std::string& path) {
    uint32_t line = c.key_line ? c.key_line : c.line;
    uint32_t col = c.key_line ? c.key_col : c.col;
    if (!reported_.insert({line, col}).second) return;
    issues_.push_back(ConfigIssue{
        "CFG001", file_, line ? line : 1, col ? col : 1,
        "'" + path + "' is locked by " + lock_.file + " (locked: " + lock_.text +
            "); the value set there stays in force"});
  }

  const Lock& lock_;
  const std::string& file_;
  std::vector<ConfigIssue>& issues_;
  std::set<std::pair<uint32_t, uint32_t>>& reported_;
};

}  // namespace

Node default_tree() {
  Node root = Node::map();
  root.set("version", Node::scalar_of("1"));
  Node& ns = root.set("namespace", Node::map());
  ns.set("layers", Node::list_of({"bronze", "silver", "gold"}));
  ns.set("require_qualified", Node::scalar_of("true"));
  root.set("rules", Node::map()).set("select", Node::list_of({"ALL"}));
  return root;
}

Node merge_configs(const Node& parent, const Node& child, const std::vector<Lock>& locks,
                   const std::string& child_file, std::vector<ConfigIssue>& issues) {
  Node merged = parent;
  merged.erase("extends");
  Node child_rest = child;
  child_rest.erase("locked");
  merge_maps(merged, child_rest, root_schema());

  if (const Node* own = child.find("locked")) {
    Node all = Node::map();
    all.type = Node::Type::List;
    std::set<std::string> seen;
    if (const Node* inherited = parent.find("locked"))
      for (const auto& item : inherited->items)
        if (seen.insert(item.scalar).second) all.items.push_back(item);
    for (const auto& item : own->items)
      if (seen.insert(item.scalar).second) all.items.push_back(item);
    merged.set("locked", std::move(all));
  }

  std::set<std::pair<uint32_t, uint32_t>> reported;
  for (const auto& lock : locks) {
    if (lock.path.empty() || lock.path[0] == "extends" || lock.path[0] == "locked") continue;
    const Node* before = find_path(parent, lock.path);
    const Node* after = find_path(merged, lock.path);
    if (!before && !after) continue;
    if (before && after && same_value(*before, *after)) continue;
    LockReporter(lock, child_file, issues, reported).report(before, child);
    if (before) {
      Node keep = *before;  // `before` points into `parent`, which is not modified
      restore_path(merged, lock.path, &keep);
    } else {
      restore_path(merged, lock.path, nullptr);
    }
  }
  return merged;
}

}  // namespace pipelint::cfg

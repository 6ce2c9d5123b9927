#include "analyzer/config/validate.h"

#include <algorithm>
#include <optional>
#include <set>

#include <re2/re2.h>

#include "analyzer/config/schema.h"
#include "analyzer/config/suggest.h"

namespace pipelint::cfg {
namespace {

constexpr size_t kNodeBudget = 200000;  // bounds alias expansion ("billion laughs")
constexpr int kJsonDepth = 64;

bool is_plain(const YAML::Node& n) { return n.Tag() != "!"; }

std::optional<bool> parse_bool(const std::string& s) {
  static const std::set<std::string> yes{"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
  static const std::set<std::string> no{"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
  if (yes.count(s)) return true;
  if (no.count(s)) return false;
  return std::nullopt;
}

std::optional<long long> parse_int(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) return std::nullopt;
  long long v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return s[0] == '-' ? -v : v;
}

std::string kind_of(const YAML::Node& n) {
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a mapping";
  if (n.IsNull()) return "empty (null)";
  if (is_plain(n)) {
    if (parse_bool(n.Scalar())) return "a boolean";
    if (parse_int(n.Scalar())) return "a number";
  }
  return "a string";
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string where(const std::string& path) {
  return path.empty() ? "at the top level" : "in " + quote(path);
}

class Validator {
 public:
  Validator(const std::string& file, std::vector<ConfigIssue>& issues) : file_(file), issues_(issues) {}

  std::optional<Node> value(const YAML::Node& n, const Schema& s, const std::string& path) {
    if (!spend(n)) return std::nullopt;
    switch (s.shape) {
      case Shape::List: return list(n, s, path);
      case Shape::Map: return map(n, s, path);
      case Shape::MapOf: return map_of(n, s, path);
      case Shape::JsonMap: return json_map(n, path);
      default: return scalar(n, s, path);
    }
  }

  void check_locked_paths(const Node& locked) {
    for (const auto& item : locked.items) check_locked_path(item);
  }

  void check_location_templates(const Node& locations) {
    for (const auto& loc : locations.items) {
      const Node* path = loc.find("path");
      const Node* table = loc.find("table");
      if (!path || !table) continue;
      RE2 re(path->scalar, RE2::Quiet);
      if (!re.ok()) continue;
      const auto& groups = re.NamedCapturingGroups();
      const std::string& t = table->scalar;
      for (size_t open = t.find('{'); open != std::string::npos; open = t.find('{', open + 1)) {
        size_t close = t.find('}', open);
        if (close == std::string::npos) break;
        std::string name = t.substr(open + 1, close - open - 1);
        if (!groups.count(name))
          add(table->line, table->col,
              "table template " + quote(t) + " uses {" + name +
                  "}, which is not a named group of its path regex");
      }
    }
  }

 private:
  bool spend(const YAML::Node& n) {
    if (budget_ == 0) return false;
    if (--budget_ == 0) {
      add(n.Mark(), "configuration too large (more than " + std::to_string(kNodeBudget) +
                        " values, or aliases that expand to that many)");
      return false;
    }
    return true;
  }

  void add(uint32_t line, uint32_t col, std::string msg) {
    issues_.push_back(ConfigIssue{"CFG002", file_, line ? line : 1, col ? col : 1, std::move(msg)});
  }
  void add(const YAML::Mark& m, std::string msg) {
    add(m.line >= 0 ? static_cast<uint32_t>(m.line) + 1 : 1,
        m.column >= 0 ? static_cast<uint32_t>(m.column) + 1 : 1, std::move(msg));
  }

  static Node positioned(Node node, const YAML::Node& n) {
    const YAML::Mark m = n.Mark();
    node.line = m.line >= 0 ? static_cast<uint32_t>(m.line) + 1 : 0;
    node.col = m.column >= 0 ? static_cast<uint32_t>(m.column) + 1 : 0;
    return node;
  }

  void wrong_type(const YAML::Node& n, Shape expected, const std::string& path) {
    add(n.Mark(), quote(path) + " must be " + describe(expected) + ", not " + kind_of(n));
  }

  std::optional<Node> scalar(const YAML::Node& n, const Schema& s, const std::string& path) {
    if (!n.IsScalar()) {
      wrong_type(n, s.shape, path);
      return std::nullopt;
    }
    std::string text = n.Scalar();
    switch (s.shape) {
      case Shape::Bool: {
        auto b = is_plain(n) ? parse_bool(text) : std::nullopt;
        if (!b) { wrong_type(n, s.shape, path); return std::nullopt; }
        text = *b ? "true" : "false";
        break;
      }
      case Shape::Int: {
        auto v = is_plain(n) ? parse_int(text) : std::nullopt;
        if (!v) { wrong_type(n, s.shape, path); return std::nullopt; }
        text = std::to_string(*v);
        if (path == "version" && *v != 1) {
          add(n.Mark(), "unsupported version " + text + ": this pipelint reads version 1");
          return std::nullopt;
        }
        break;
      }
      case Shape::Severity: {
        std::string lower;
        for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto sev = parse_severity(lower);
        if (!sev) {
          std::string hint = closest_match(text, {"error", "warning", "note"});
          add(n.Mark(), "unknown severity " + quote(text) + " for " + quote(path) +
                            " (expected error, warning or note)" +
                            (hint.empty() ? "" : "; did you mean " + quote(hint) + "?"));
          return std::nullopt;
        }
        text = to_string(*sev);
        break;
      }
      case Shape::RuleId:
        if (!is_rule_selector(text)) {
          bad_rule_id(n.Mark(), text, path);
          return std::nullopt;
        }
        break;
      case Shape::Regex: {
        RE2 re(text, RE2::Quiet);
        if (!re.ok()) {
          add(n.Mark(), "invalid regular expression in " + quote(path) + ": " + re.error());
          return std::nullopt;
        }
        break;
      }
      default:
        break;
    }
    return positioned(Node::scalar_of(std::move(text)), n);
  }

  void bad_rule_id(const YAML::Mark& m, const std::string& text, const std::string& path) {
    std::string upper;
    for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string hint = is_rule_selector(upper) ? "; did you mean " + quote(upper) + "?" : "";
    add(m, quote(text) + " in " + quote(path) +
               " is not a rule id or prefix (like OWN001, NS or ALL)" + hint);
  }

  std::optional<Node> list(const YAML::Node& n, const Schema& s, const std::string& path) {
    if (!n.IsSequence()) {
      wrong_type(n, s.shape, path);
      return std::nullopt;
    }
    Node out = positioned(Node{}, n);
    out.type = Node::Type::List;
    bool usable = true;
    size_t i = 0;
    for (const auto& item : n) {
      auto v = value(item, *s.item, path + "[" + std::to_string(i++) + "]");
      if (v) out.items.push_back(std::move(*v));
      else usable = false;  // a list with a bad item is dropped whole: the parent's stays
    }
    if (!usable) return std::nullopt;
    return out;
  }

  // Iterates a mapping's entries, reporting non-scalar and duplicate keys.
  template <typename Fn>
  void entries(const YAML::Node& n, const std::string& path, Fn&& fn) {
    std::set<std::string> seen;
    for (auto it = n.begin(); it != n.end(); ++it) {
      // Copies: the iterator hands out a temporary pair of node handles.
      const YAML::Node key = it->first;
      const YAML::Node value = it->second;
      if (!key.IsScalar()) {
        add(key.Mark(), "keys " + where(path) + " must be plain strings");
        continue;
      }
      const std::string& k = key.Scalar();
      if (!seen.insert(k).second) {
        add(key.Mark(), "duplicate key " + quote(k) + " " + where(path) + " (the first one applies)");
        continue;
      }
      fn(key, value);
    }
  }

  static void set_key_position(Node& v, const YAML::Node& key) {
    const YAML::Mark m = key.Mark();
    v.key_line = m.line >= 0 ? static_cast<uint32_t>(m.line) + 1 : 0;
    v.key_col = m.column >= 0 ? static_cast<uint32_t>(m.column) + 1 : 0;
  }

  std::optional<Node> map(const YAML::Node& n, const Schema& s, const std::string& path) {
    if (!n.IsMap()) {
      wrong_type(n, s.shape, path);
      return std::nullopt;
    }
    Node out = positioned(Node::map(), n);
    std::vector<std::string> names;
    for (const auto& f : s.fields) names.push_back(f.first);
    bool usable = true;
    entries(n, path, [&](const YAML::Node& key, const YAML::Node& val) {
      const std::string& k = key.Scalar();
      const Schema* fs = s.field(k);
      if (!fs) {
        std::string hint = closest_match(k, names);
        add(key.Mark(), "unknown key " + quote(k) + " " + where(path) +
                            (hint.empty() ? "" : "; did you mean " + quote(hint) + "?"));
        return;
      }
      if (val.IsNull()) {
        if (std::count(s.required.begin(), s.required.end(), k)) {
          add(key.Mark(), quote(join(path, k)) + " must be " + describe(fs->shape) + ", not empty");
          usable = false;
        }
        return;  // an empty value counts as not set
      }
      auto v = value(val, *fs, join(path, k));
      if (!v) {
        if (std::count(s.required.begin(), s.required.end(), k)) usable = false;
        return;
      }
      set_key_position(*v, key);
      out.entries.emplace_back(k, std::move(*v));
    });
    for (const auto& r : s.required) {
      if (!n[r]) {
        add(n.Mark(), quote(path) + " needs " + quote(r));
        usable = false;
      }
    }
    if (!usable) return std::nullopt;
    if (path.empty()) {
      if (const Node* locked = out.find("locked")) check_locked_paths(*locked);
    }
    if (path == "namespace") {
      if (const Node* locs = out.find("locations")) check_location_templates(*locs);
    }
    return out;
  }

  std::optional<Node> map_of(const YAML::Node& n, const Schema& s, const std::string& path) {
    if (!n.IsMap()) {
      wrong_type(n, s.shape, path);
      return std::nullopt;
    }
    Node out = positioned(Node::map(), n);
    entries(n, path, [&](const YAML::Node& key, const YAML::Node& val) {
      const std::string& k = key.Scalar();
      if (s.rule_id_keys && !is_rule_selector(k)) {
        bad_rule_id(key.Mark(), k, path);
        return;
      }
      if (val.IsNull() && s.item->shape == Shape::Map && s.item->required.empty()) {
        Node empty = positioned(Node::map(), key);  // a team declared without details
        set_key_position(empty, key);
        out.entries.emplace_back(k, std::move(empty));
        return;
      }
      if (val.IsNull()) {
        add(key.Mark(), quote(join(path, k)) + " must be " + describe(s.item->shape) + ", not empty");
        return;
      }
      auto v = value(val, *s.item, join(path, k));
      if (!v) return;
      set_key_position(*v, key);
      out.entries.emplace_back(k, std::move(*v));
    });
    return out;
  }

  std::optional<Node> json_map(const YAML::Node& n, const std::string& path) {
    if (!n.IsMap()) {
      wrong_type(n, Shape::JsonMap, path);
      return std::nullopt;
    }
    bool ok = true;
    Node out = positioned(Node{}, n);
    out.type = Node::Type::Json;
    out.json = to_json(n, 0, ok);
    if (!ok) return std::nullopt;
    return out;
  }

  nlohmann::json to_json(const YAML::Node& n, int depth, bool& ok) {
    if (!ok) return nullptr;
    if (depth > kJsonDepth) {
      add(n.Mark(), "value nested deeper than " + std::to_string(kJsonDepth) + " levels");
      ok = false;
      return nullptr;
    }
    if (depth > 0 && !spend(n)) {
      ok = false;
      return nullptr;
    }
    if (n.IsMap()) {
      nlohmann::json obj = nlohmann::json::object();
      for (auto it = n.begin(); it != n.end() && ok; ++it) {
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        if (!key.IsScalar()) {
          add(key.Mark(), "option keys must be plain strings");
          ok = false;
          break;
        }
        obj[key.Scalar()] = to_json(value, depth + 1, ok);
      }
      return obj;
    }
    if (n.IsSequence()) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& item : n) {
        if (!ok) break;
        arr.push_back(to_json(item, depth + 1, ok));
      }
      return arr;
    }
    if (!n.IsScalar()) return nullptr;
    const std::string& s = n.Scalar();
    if (!is_plain(n)) return s;
    if (s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (auto b = parse_bool(s)) return *b;
    if (auto i = parse_int(s)) return *i;
    if (!s.empty() && s.find_first_not_of("+-0123456789.eE") == std::string::npos) {
      try {
        size_t used = 0;
        double d = std::stod(s, &used);
        if (used == s.size()) return d;
      } catch (const std::exception&) {
      }
    }
    return s;
  }

  void check_locked_path(const Node& item) {
    const Schema* s = &root_schema();
    std::string so_far;
    for (const auto& seg : split_key_path(item.scalar)) {
      if (seg.empty()) {
        add(item.line, item.col, "locked key " + quote(item.scalar) + " has an empty part");
        return;
      }
      if (s->shape == Shape::Map) {
        const Schema* f = s->field(seg);
        if (!f) {
          std::vector<std::string> names;
          for (const auto& fld : s->fields) names.push_back(fld.first);
          std::string hint = closest_match(seg, names);
          add(item.line, item.col,
              "locked key " + quote(item.scalar) + ": unknown key " + quote(seg) + " " + where(so_far) +
                  (hint.empty() ? "" : "; did you mean " + quote(hint) + "?"));
          return;
        }
        s = f;
      } else if (s->shape == Shape::MapOf) {
        if (s->rule_id_keys && !is_rule_selector(seg)) {
          add(item.line, item.col,
              "locked key " + quote(item.scalar) + ": " + quote(seg) + " is not a rule id");
          return;
        }
        s = s->item;
      } else {
        add(item.line, item.col,
            "locked key " + quote(item.scalar) + ": " + quote(so_far) +
                " is not a mapping, so only all of it can be locked");
        return;
      }
      so_far = join(so_far, seg);
    }
  }

  const std::string& file_;
  std::vector<ConfigIssue>& issues_;
  size_t budget_ = kNodeBudget;
};

}  // namespace

Node validate_document(const YAML::Node& doc, const std::string& file, std::vector<ConfigIssue>& issues) {
  if (!doc || doc.IsNull()) return Node::map();
  Validator v(file, issues);
  if (!doc.IsMap()) {
    const YAML::Mark m = doc.Mark();
    issues.push_back(ConfigIssue{"CFG002", file, m.line >= 0 ? static_cast<uint32_t>(m.line) + 1 : 1,
                                 m.column >= 0 ? static_cast<uint32_t>(m.column) + 1 : 1,
                                 "a pipelint.yaml must be a mapping of keys, not " + kind_of(doc), true});
    return Node::map();
  }
  auto tree = v.value(doc, root_schema(), "");
  return tree ? std::move(*tree) : Node::map();
}

}  // namespace pipelint::cfg

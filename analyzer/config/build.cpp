#include "analyzer/config/build.h"

#include <re2/re2.h>

namespace pipelint::cfg {
namespace {

std::vector<std::string> strings(const Node* n) {
  std::vector<std::string> out;
  if (n && n->type == Node::Type::List)
    for (const auto& item : n->items) out.push_back(item.scalar);
  return out;
}

std::string text(const Node* n) { return n && n->type == Node::Type::Scalar ? n->scalar : ""; }

template <typename T>
void set_if(const Node& map, const char* key, T& field, T (*convert)(const Node*)) {
  if (const Node* n = map.find(key)) field = convert(n);
}

std::shared_ptr<const re2::RE2> compile(const std::string& pattern) {
  auto re = std::make_shared<re2::RE2>(pattern, re2::RE2::Quiet);
  if (!re->ok()) return nullptr;  // validation has reported it; unreachable for a validated tree
  return re;
}

RuleSelection selection(const Node& map) {
  RuleSelection out;
  out.select = strings(map.find("select"));
  out.ignore = strings(map.find("ignore"));
  if (const Node* sev = map.find("severity")) {
    for (const auto& [id, value] : sev->entries)
      if (auto s = parse_severity(value.scalar)) out.severity[id] = *s;
  }
  return out;
}

void build_namespace(const Node& n, NamespaceConfig& ns) {
  if (const Node* patterns = n.find("patterns")) {
    ns.patterns.clear();
    for (const auto& p : patterns->items) ns.patterns.push_back({p.scalar, compile(p.scalar)});
  }
  set_if(n, "layers", ns.layers, strings);
  if (const Node* rq = n.find("require_qualified")) ns.require_qualified = rq->scalar == "true";
  if (const Node* vars = n.find("variables")) {
    ns.variables.clear();
    for (const auto& [k, v] : vars->entries) ns.variables[k] = v.scalar;
  }
  set_if(n, "external", ns.external, strings);
  if (const Node* locs = n.find("locations")) {
    ns.locations.clear();
    for (const auto& loc : locs->items) {
      std::string path = text(loc.find("path"));
      ns.locations.push_back({path, compile(path), text(loc.find("table"))});
    }
  }
}

TeamConfig team(const std::string& id, const Node& n) {
  TeamConfig t;
  t.id = id;
  t.name = text(n.find("name"));
  t.contact = text(n.find("contact"));
  t.cost_center = text(n.find("cost_center"));
  t.owns = strings(n.find("owns"));
  t.repos = strings(n.find("repos"));
  t.paths = strings(n.find("paths"));
  t.publishes = strings(n.find("publishes"));
  return t;
}

}  // namespace

void build_config(const Node& tree, Config& out) {
  if (const Node* v = tree.find("version")) out.version = std::stoi(v->scalar);
  if (const Node* ext = tree.find("extends")) out.extends = ext->scalar;
  out.team = text(tree.find("team"));
  if (const Node* ns = tree.find("namespace")) build_namespace(*ns, out.ns);
  if (const Node* teams = tree.find("teams"))
    for (const auto& [id, entry] : teams->entries) out.teams[id] = team(id, entry);
  if (const Node* contracts = tree.find("contracts"))
    out.contract_paths = strings(contracts->find("paths"));
  if (const Node* pipelines = tree.find("pipelines")) {
    if (const Node* yaml = pipelines->find("yaml")) {
      for (const auto& spec : yaml->items)
        out.pipelines_yaml.push_back({text(spec.find("files")), strings(spec.find("reads")),
                                      strings(spec.find("writes")), text(spec.find("mode"))});
    }
  }
  if (const Node* rules = tree.find("rules")) {
    out.rules = selection(*rules);
    if (const Node* options = rules->find("options"))
      for (const auto& [id, value] : options->entries) out.rule_options[id] = value.json;
  }
  if (const Node* overrides = tree.find("overrides")) {
    for (const auto& o : overrides->items)
      out.overrides.push_back({strings(o.find("paths")), selection(o)});
  }
  out.locked = strings(tree.find("locked"));
}

}  // namespace pipelint::cfg

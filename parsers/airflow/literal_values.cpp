// Fallback string evaluation: literals, f-strings, concatenation, %-free
// module-level constants and bound loop variables.
#include "parsers/airflow/airflow_extractor.h"
#include "parsers/airflow/ts_nodes.h"

namespace pipelint::airflow {

LiteralValues::LiteralValues(TSNode root, std::string_view src) : src_(src) {
  uint32_t n = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode s = ts_node_named_child(root, i);
    if (!is(s, "expression_statement") || ts_node_named_child_count(s) == 0) continue;
    TSNode a = ts_node_named_child(s, 0);
    if (is(a, "assignment") && is(child(a, "left"), "identifier") && !ts_node_is_null(child(a, "right")))
      constants_.emplace_back(std::string(text_of(child(a, "left"), src)), child(a, "right"));
  }
}

NameTemplate LiteralValues::eval(TSNode n, const Bindings& b, int depth) {
  if (ts_node_is_null(n) || depth > 32) return NameTemplate::hole("?");
  if (is(n, "string")) {
    NameTemplate out;
    bool raw = false;
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode p = ts_node_named_child(n, i);
      if (is(p, "string_start")) {
        for (char ch : text_of(p, src_)) raw |= ch == 'r' || ch == 'R';
      } else if (is(p, "string_content")) {
        out.append(NameTemplate::literal(std::string(text_of(p, src_)), ts_node_start_byte(p)));
      } else if (is(p, "escape_sequence")) {
        std::string_view e = text_of(p, src_);
        std::string v = raw ? std::string(e) : e == "\\n" ? "\n" : e == "\\t" ? "\t" : std::string(e.substr(1));
        out.append(NameTemplate::literal(v));
      } else if (is(p, "interpolation")) {
        TSNode expr = child(p, "expression");
        out.append(eval(expr, b, depth + 1));
      }
    }
    if (out.parts.empty()) out.parts.push_back(NamePart{"", false, HoleSource::Unknown, std::nullopt, -1});
    return out;
  }
  if (is(n, "concatenated_string") || (is(n, "binary_operator") && text_of(child(n, "operator"), src_) == "+")) {
    NameTemplate out;
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; ++i) {
      TSNode p = ts_node_named_child(n, i);
      if (is(p, "string") || !is(n, "concatenated_string")) {
        if (ts_node_eq(p, child(n, "operator"))) continue;
        out.append(eval(p, b, depth + 1));
      }
    }
    return out;
  }
  if (is(n, "parenthesized_expression") && ts_node_named_child_count(n) > 0)
    return eval(ts_node_named_child(n, 0), b, depth + 1);
  if (is(n, "integer") || is(n, "float") || is(n, "true") || is(n, "false") || is(n, "none"))
    return NameTemplate::literal(std::string(text_of(n, src_)));
  if (is(n, "identifier")) {
    std::string_view name = text_of(n, src_);
    for (auto it = b.rbegin(); it != b.rend(); ++it)
      if (it->first == name) return NameTemplate::literal(it->second);
    if (leaf_) return leaf_(n);
    for (const auto& [k, v] : constants_)
      if (k == name) return eval(v, b, depth + 1);
    return NameTemplate::hole(std::string(name), HoleSource::Variable);
  }
  // str(x) of a value we know
  if (is(n, "call") && callee_name(n, src_) == "str" && is(child(n, "function"), "identifier")) {
    CallArgs a = call_args(n, src_);
    if (a.pos.size() == 1) return eval(a.pos[0], b, depth + 1);
  }
  if (leaf_) return leaf_(n);
  return NameTemplate::hole("?");
}

NameTemplate LiteralValues::string_at(TSNode n, TSNode, const Bindings& b) { return eval(n, b, 0); }

std::optional<std::vector<std::string>> LiteralValues::list_at(TSNode n, TSNode, const Bindings& b) {
  for (int guard = 0; is(n, "identifier") && guard < 8; ++guard) {
    TSNode next{};
    for (const auto& [k, v] : constants_)
      if (k == text_of(n, src_)) next = v;
    if (ts_node_is_null(next)) return std::nullopt;
    n = next;
  }
  if (!is(n, "list") && !is(n, "tuple")) return std::nullopt;
  std::vector<std::string> out;
  uint32_t k = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < k; ++i) {
    TSNode e = ts_node_named_child(n, i);
    if (is(e, "comment")) continue;
    NameTemplate t = eval(e, b, 0);
    if (t.has_holes()) return std::nullopt;
    out.push_back(t.placeholder_text());
  }
  return out;
}

}  // namespace pipelint::airflow

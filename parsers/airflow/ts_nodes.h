// Small tree-sitter accessors shared by the Airflow walker.
#pragma once
#include <tree_sitter/api.h>

#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

extern "C" const TSLanguage* tree_sitter_python();

namespace pipelint::airflow {

inline bool is(TSNode n, const char* type) {
  return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), type) == 0;
}

inline std::string_view text_of(TSNode n, std::string_view src) {
  if (ts_node_is_null(n)) return {};
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  if (b > src.size() || a > b) return {};
  return src.substr(a, b - a);
}

inline TSNode child(TSNode n, const char* field_name) {
  return ts_node_child_by_field_name(n, field_name, static_cast<uint32_t>(std::strlen(field_name)));
}

// Arguments of a call: positional expressions and keyword name -> value.
struct CallArgs {
  std::vector<TSNode> pos;
  std::vector<std::pair<std::string, TSNode>> kw;
  std::vector<TSNode> splats;  // **kwargs
  TSNode kwarg(std::string_view name) const {
    for (const auto& [k, v] : kw)
      if (k == name) return v;
    return TSNode{};
  }
  bool has(std::string_view name) const { return !ts_node_is_null(kwarg(name)); }
};

inline CallArgs call_args(TSNode call, std::string_view src) {
  CallArgs out;
  TSNode args = child(call, "arguments");
  if (ts_node_is_null(args)) return out;
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n && i < 256; ++i) {
    TSNode a = ts_node_named_child(args, i);
    if (is(a, "keyword_argument")) {
      out.kw.emplace_back(std::string(text_of(child(a, "name"), src)), child(a, "value"));
    } else if (is(a, "dictionary_splat")) {
      out.splats.push_back(ts_node_named_child(a, 0));
    } else if (!is(a, "comment") && !is(a, "list_splat")) {
      out.pos.push_back(a);
    }
  }
  return out;
}

// The last name of a callee: `BashOperator`, `models.DAG` -> DAG.
inline std::string_view callee_name(TSNode call, std::string_view src) {
  TSNode fn = child(call, "function");
  if (is(fn, "identifier")) return text_of(fn, src);
  if (is(fn, "attribute")) return text_of(child(fn, "attribute"), src);
  return {};
}

}  // namespace pipelint::airflow

// tree-sitter helpers: cached symbol ids of the node types we look at, and
// small node accessors.
#pragma once
#include <tree_sitter/api.h>

#include <string_view>

extern "C" const TSLanguage* tree_sitter_python();

namespace pipelint::py {

struct Syms {
  TSSymbol module, function_definition, class_definition, decorated_definition, decorator, block,
      for_statement, for_in_clause, list_comprehension, generator_expression, set_comprehension,
      dictionary_comprehension, assignment, augmented_assignment, named_expression,
      import_statement, import_from_statement, aliased_import, dotted_name, relative_import,
      wildcard_import, import_prefix, call, attribute, identifier, string, string_start,
      string_content, string_end, interpolation, escape_sequence, escape_interpolation,
      concatenated_string, binary_operator, parenthesized_expression, list, tuple, dictionary,
      pair, subscript, conditional_expression, boolean_operator, integer, float_, true_, false_,
      none, argument_list, keyword_argument, list_splat, dictionary_splat, parameters,
      default_parameter, typed_parameter, typed_default_parameter, pattern_list, tuple_pattern,
      list_pattern, expression_list, comment, error, lambda, type, with_statement;
  TSFieldId f_name, f_body, f_left, f_right, f_value, f_function, f_arguments, f_object,
      f_attribute, f_parameters, f_definition, f_module_name, f_alias, f_expression,
      f_operator, f_consequence, f_alternative, f_condition, f_subscript, f_key;
  static const Syms& get();
};

inline std::string_view node_text(TSNode n, std::string_view src) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  if (b > src.size() || a > b) return {};
  return src.substr(a, b - a);
}

inline TSNode field(TSNode n, TSFieldId f) { return ts_node_child_by_field_id(n, f); }

}  // namespace pipelint::py

#include "parsers/python/ts_util.h"

#include <cstring>

namespace pipelint::py {

namespace {

TSSymbol sym(const TSLanguage* l, const char* name, bool named = true) {
  return ts_language_symbol_for_name(l, name, static_cast<uint32_t>(std::strlen(name)), named);
}
TSFieldId fld(const TSLanguage* l, const char* name) {
  return ts_language_field_id_for_name(l, name, static_cast<uint32_t>(std::strlen(name)));
}

Syms make() {
  const TSLanguage* l = tree_sitter_python();
  Syms s{};
  s.module = sym(l, "module");
  s.function_definition = sym(l, "function_definition");
  s.class_definition = sym(l, "class_definition");
  s.decorated_definition = sym(l, "decorated_definition");
  s.decorator = sym(l, "decorator");
  s.block = sym(l, "block");
  s.for_statement = sym(l, "for_statement");
  s.for_in_clause = sym(l, "for_in_clause");
  s.list_comprehension = sym(l, "list_comprehension");
  s.generator_expression = sym(l, "generator_expression");
  s.set_comprehension = sym(l, "set_comprehension");
  s.dictionary_comprehension = sym(l, "dictionary_comprehension");
  s.assignment = sym(l, "assignment");
  s.augmented_assignment = sym(l, "augmented_assignment");
  s.named_expression = sym(l, "named_expression");
  s.import_statement = sym(l, "import_statement");
  s.import_from_statement = sym(l, "import_from_statement");
  s.aliased_import = sym(l, "aliased_import");
  s.dotted_name = sym(l, "dotted_name");
  s.relative_import = sym(l, "relative_import");
  s.wildcard_import = sym(l, "wildcard_import");
  s.import_prefix = sym(l, "import_prefix");
  s.call = sym(l, "call");
  s.attribute = sym(l, "attribute");
  s.identifier = sym(l, "identifier");
  s.string = sym(l, "string");
  s.string_start = sym(l, "string_start");
  s.string_content = sym(l, "string_content");
  s.string_end = sym(l, "string_end");
  s.interpolation = sym(l, "interpolation");
  s.escape_sequence = sym(l, "escape_sequence");
  s.escape_interpolation = sym(l, "escape_interpolation");
  s.concatenated_string = sym(l, "concatenated_string");
  s.binary_operator = sym(l, "binary_operator");
  s.parenthesized_expression = sym(l, "parenthesized_expression");
  s.list = sym(l, "list");
  s.tuple = sym(l, "tuple");
  s.dictionary = sym(l, "dictionary");
  s.pair = sym(l, "pair");
  s.subscript = sym(l, "subscript");
  s.conditional_expression = sym(l, "conditional_expression");
  s.boolean_operator = sym(l, "boolean_operator");
  s.integer = sym(l, "integer");
  s.float_ = sym(l, "float");
  s.true_ = sym(l, "true");
  s.false_ = sym(l, "false");
  s.none = sym(l, "none");
  s.argument_list = sym(l, "argument_list");
  s.keyword_argument = sym(l, "keyword_argument");
  s.list_splat = sym(l, "list_splat");
  s.dictionary_splat = sym(l, "dictionary_splat");
  s.parameters = sym(l, "parameters");
  s.default_parameter = sym(l, "default_parameter");
  s.typed_parameter = sym(l, "typed_parameter");
  s.typed_default_parameter = sym(l, "typed_default_parameter");
  s.pattern_list = sym(l, "pattern_list");
  s.tuple_pattern = sym(l, "tuple_pattern");
  s.list_pattern = sym(l, "list_pattern");
  s.expression_list = sym(l, "expression_list");
  s.comment = sym(l, "comment");
  s.error = sym(l, "ERROR");
  s.lambda = sym(l, "lambda");
  s.type = sym(l, "type");
  s.with_statement = sym(l, "with_statement");
  s.f_name = fld(l, "name");
  s.f_body = fld(l, "body");
  s.f_left = fld(l, "left");
  s.f_right = fld(l, "right");
  s.f_value = fld(l, "value");
  s.f_function = fld(l, "function");
  s.f_arguments = fld(l, "arguments");
  s.f_object = fld(l, "object");
  s.f_attribute = fld(l, "attribute");
  s.f_parameters = fld(l, "parameters");
  s.f_definition = fld(l, "definition");
  s.f_module_name = fld(l, "module_name");
  s.f_alias = fld(l, "alias");
  s.f_expression = fld(l, "expression");
  s.f_operator = fld(l, "operator");
  s.f_consequence = fld(l, "consequence");
  s.f_alternative = fld(l, "alternative");
  s.f_condition = fld(l, "condition");
  s.f_subscript = fld(l, "subscript");
  s.f_key = fld(l, "key");
  return s;
}

}  // namespace

const Syms& Syms::get() {
  static const Syms s = make();
  return s;
}

}  // namespace pipelint::py

// Comparing a column's old and new type: is the change a widening that every
// reader still accepts (int -> bigint, float -> double, decimal(10,2) ->
// decimal(12,2), varchar(10) -> varchar(20)), or does it break them?
#pragma once
#include <string>
#include <string_view>

namespace pipelint {

enum class TypeVerdict {
  Same,       // equal up to case, spacing and aliases (INT = integer)
  Widening,   // every old value is representable in the new type
  Narrowing,  // same family, smaller range or precision
  Changed,    // a different type altogether
};

struct TypeComparison {
  TypeVerdict verdict = TypeVerdict::Same;
  std::string old_type;  // normalised spelling, for messages
  std::string new_type;
};

// Physical (engine) types: Spark / Databricks SQL names and the usual SQL aliases.
TypeComparison compare_physical_types(std::string_view old_type, std::string_view new_type);
// ODCS logical types: integer -> number and date -> timestamp widen.
TypeComparison compare_logical_types(std::string_view old_type, std::string_view new_type);

const char* to_string(TypeVerdict v);

}  // namespace pipelint

// The byte scan that decides whether a file needs a full parse.
#include <cstring>
#include <string_view>

#include "parsers/python/python_extractor.h"

namespace pipelint::py {

bool may_contain_access(std::string_view bytes) {
  // Markers of a Spark/DLT/Glue access, of SQL handed to Spark, or of a
  // notebook. A constants-only module (imported by Spark code) is parsed on
  // demand through link()'s loader instead.
  static constexpr std::string_view markers[] = {
      "spark", "Spark", ".table(", "saveAsTable", "insertInto", "DeltaTable", "dlt", "dp.",
      ".sql(", "Databricks notebook source", "widgets", "glueContext", ".load(", ".save(",
      "writeTo", "toTable", "readStream", "dynamic_frame"};
  for (auto m : markers)
    if (memmem(bytes.data(), bytes.size(), m.data(), m.size())) return true;
  return false;
}

}  // namespace pipelint::py

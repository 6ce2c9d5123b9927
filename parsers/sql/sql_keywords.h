// The Spark SQL words the scanner reacts to. Every other word is an identifier
// as far as table extraction is concerned.
#pragma once
#include <cstdint>
#include <string_view>

namespace pipelint::sql {

#define PIPELINT_SQL_KEYWORDS(X)                                                         \
  X(ADD) X(ALL) X(ALTER) X(ANALYZE) X(AND) X(ANTI) X(AS) X(AVRO) X(BINARYFILE) X(BY)     \
  X(CACHE) X(CATALOG) X(CHECK) X(CLEAR) X(CLONE) X(CLUSTER) X(COMMENT) X(CONSTRAINT)    \
  X(COPY) X(CREATE) X(CSV) X(DATA) X(DATABASE) X(DEEP) X(DEFAULT) X(DELETE) X(DELTA)    \
  X(DENY) X(DESC) X(DESCRIBE) X(DIRECTORY) X(DISTINCT) X(DISTRIBUTE) X(DROP)            \
  X(EVOLUTION) X(EXCEPT) X(EXISTS) X(EXPLAIN) X(EXTERNAL) X(EXTRACT) X(FOREIGN) X(FROM) \
  X(FSCK) X(FUNCTION) X(GENERATED) X(GLOBAL) X(GRANT) X(GROUP) X(HAVING) X(IDENTIFIER)  \
  X(IF) X(INCREMENTAL) X(INPATH) X(INSERT) X(INTERSECT) X(INTO) X(IS) X(JOIN) X(JSON) X(LATERAL)       \
  X(LAZY) X(LIKE) X(LIMIT) X(LIST) X(LIVE) X(LOAD) X(LOCAL) X(MASK) X(MATERIALIZED)     \
  X(MERGE) X(MINUS) X(MSCK) X(NAME) X(NOT) X(NULL_) X(OFFSET) X(ON) X(OPTIMIZE)         \
  X(OPTIONS) X(OR) X(ORC) X(ORDER) X(OVERLAY) X(OVERWRITE) X(PARQUET) X(PARTITION)      \
  X(POSITION) X(PRIMARY) X(QUALIFY) X(RECURSIVE) X(REFERENCES) X(REFRESH) X(REPAIR)    \
  X(REPLACE) X(RESET) X(RESTORE) X(REVOKE) X(SCHEMA) X(SELECT) X(SET) X(SHALLOW)        \
  X(SHOW) X(SORT) X(STREAM) X(STREAMING) X(SUBSTR) X(SUBSTRING) X(TABLE) X(TEMP)        \
  X(TEMPORARY) X(TEXT) X(THEN) X(TRIM) X(TRUNCATE) X(UNCACHE) X(UNION) X(UNIQUE)        \
  X(UPDATE) X(USE) X(USING) X(VACUUM) X(VALUES) X(VAR) X(VARIABLE) X(VIEW) X(WHEN) X(WHERE) X(WINDOW)      \
  X(WITH)

enum class Kw : uint16_t {
  None,
#define PIPELINT_SQL_KW_ENUM(k) k,
  PIPELINT_SQL_KEYWORDS(PIPELINT_SQL_KW_ENUM)
#undef PIPELINT_SQL_KW_ENUM
};

// The keyword a word spells (case-insensitive), or Kw::None.
Kw keyword_of(std::string_view word);

}  // namespace pipelint::sql

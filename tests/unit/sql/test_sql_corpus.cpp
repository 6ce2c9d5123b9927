#include <catch2/catch.hpp>

#include "sql_corpus.h"
#include "sql_test_support.h"

using namespace pipelint::sql;
using namespace pipelint::sql::testing;

TEST_CASE("accuracy corpus: every statement gives exactly its expected accesses", "[sql][corpus]") {
  auto cases = load_corpus(corpus_path(PIPELINT_SOURCE_DIR));
  REQUIRE(cases.size() >= 250);
  size_t wrong = 0;
  for (const auto& c : cases) {
    auto r = extract(c.sql);
    auto got = accesses(r);
    if (got == c.expected && !r.error) continue;
    ++wrong;
    std::string report = c.title + "\n" + c.sql + "\n  got:";
    for (const auto& g : got) report += "\n    " + g;
    if (r.error) report += "\n    error at " + std::to_string(r.error->offset) + ": " + r.error->message;
    report += "\n  expected:";
    for (const auto& e : c.expected) report += "\n    " + e;
    FAIL_CHECK(report);
  }
  CHECK(wrong == 0);
}

TEST_CASE("accuracy corpus: every case has SQL and the file covers every statement kind", "[sql][corpus]") {
  auto cases = load_corpus(corpus_path(PIPELINT_SOURCE_DIR));
  size_t with_writes = 0, with_paths = 0, with_holes = 0, with_none = 0;
  for (const auto& c : cases) {
    CHECK_FALSE(c.sql.empty());
    for (const auto& e : c.expected) {
      with_writes += e.rfind("write", 0) == 0;
      with_paths += e.find(" path ") != std::string::npos;
      with_holes += e.find('{') != std::string::npos;
    }
    with_none += c.expected.empty();
  }
  CHECK(with_writes >= 80);
  CHECK(with_paths >= 15);
  CHECK(with_holes >= 15);
  CHECK(with_none >= 30);
}

// Loads tests/unit/sql/data/corpus.sql: cases start with "-- ==== title", the
// "-- expect: ..." lines give the accesses in text order, the other lines are SQL.
// Header-only so the benchmark in tests/bench/sql reads the same file.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace pipelint::sql::testing {

struct CorpusCase {
  std::string title;
  std::string sql;
  std::vector<std::string> expected;  // "read table a.b.c", ...; empty for "none"
};

inline std::vector<CorpusCase> load_corpus(const std::string& path) {
  std::ifstream in(path);
  std::vector<CorpusCase> cases;
  std::string line;
  const std::string head = "-- ==== ", expect = "-- expect: ";
  while (std::getline(in, line)) {
    if (line.rfind(head, 0) == 0) {
      cases.push_back(CorpusCase{line.substr(head.size()), "", {}});
    } else if (cases.empty()) {
      continue;  // file header
    } else if (line.rfind(expect, 0) == 0) {
      std::string e = line.substr(expect.size());
      if (e != "none") cases.back().expected.push_back(e);
    } else if (!line.empty() || !cases.back().sql.empty()) {
      cases.back().sql += line + "\n";
    }
  }
  for (auto& c : cases)
    while (!c.sql.empty() && (c.sql.back() == '\n' || c.sql.back() == ' ')) c.sql.pop_back();
  return cases;
}

inline std::string corpus_path(const std::string& source_dir) {
  return source_dir + "/tests/unit/sql/data/corpus.sql";
}

}  // namespace pipelint::sql::testing

// Measures pipelint::sql::extract on the accuracy corpus (MB/s, statements/s),
// or dumps the table names found per case for compare_peer.mjs.
//   bench_sql [--corpus FILE] [--seconds S]     timing
//   bench_sql [--corpus FILE] --dump            one JSON object per case per line
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "parsers/sql/sql_extractor.h"
#include "parsers/sql/sql_tokenizer.h"
#include "tests/unit/sql/sql_corpus.h"

using namespace pipelint;
using namespace pipelint::sql;

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  return out + "\"";
}

size_t count_statements(const std::string& sql) {
  auto tokens = tokenize(sql);
  size_t n = 0;
  bool open = false;  // a statement has tokens since the last ';'
  for (const auto& t : tokens.list) {
    bool semi = t.kind == Tok::Punct && t.ch == ';';
    if (semi && open) ++n;
    open = !semi;
  }
  return n + (open ? 1 : 0);
}

void dump(const std::vector<testing::CorpusCase>& cases) {
  for (const auto& c : cases) {
    auto r = extract(c.sql);
    std::string line = "{\"title\":" + json_string(c.title) + ",\"tables\":[";
    for (size_t i = 0; i < r.accesses.size(); ++i) {
      const auto& a = r.accesses[i];
      std::string name = a.kind == Kind::Path ? "path:" : "";
      name += a.name.placeholder_text();
      if (i) line += ',';
      line += json_string(name);
    }
    line += "]}";
    std::puts(line.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = testing::corpus_path(PIPELINT_SOURCE_DIR);
  double seconds = 2.0;
  bool dump_only = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--corpus") && i + 1 < argc) corpus = argv[++i];
    else if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = std::stod(argv[++i]);
    else if (!std::strcmp(argv[i], "--dump")) dump_only = true;
  }
  auto cases = testing::load_corpus(corpus);
  if (cases.empty()) {
    std::fprintf(stderr, "no cases in %s\n", corpus.c_str());
    return 2;
  }
  if (dump_only) {
    dump(cases);
    return 0;
  }
  size_t bytes = 0, statements = 0;
  for (const auto& c : cases) bytes += c.sql.size(), statements += count_statements(c.sql);

  size_t rounds = 0, checksum = 0;
  auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  do {
    for (const auto& c : cases) checksum += extract(c.sql).accesses.size();
    ++rounds;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (elapsed < seconds);

  double mb = static_cast<double>(bytes) * rounds / 1e6;
  std::printf("cases %zu, statements %zu, bytes %zu, rounds %zu, accesses/round %zu\n", cases.size(), statements,
              bytes, rounds, checksum / rounds);
  std::printf("time %.3f s: %.1f MB/s, %.0f statements/s, %.2f us/statement\n", elapsed, mb / elapsed,
              static_cast<double>(statements) * rounds / elapsed, elapsed * 1e6 / (static_cast<double>(statements) * rounds));
  return 0;
}

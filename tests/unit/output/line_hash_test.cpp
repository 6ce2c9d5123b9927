// Expected values come from the reference algorithm: github/codeql-action
// src/fingerprints.ts hash(), run under Node.js 20 during development with Long
// replaced by BigInt masked to 64 bits, reading each input with
// fs.createReadStream(file, "utf8") as the action does. They are hard-coded so
// the test needs no Node.js.
#include <catch2/catch.hpp>

#include "analyzer/output/report.h"

using pipelint::github_line_hashes;
using Hashes = std::vector<std::string>;

TEST_CASE("line hashes of small files match the codeql-action upload") {
  // Every file gets a hash for the line after its last newline (and an empty file one line).
  CHECK(github_line_hashes("") == Hashes{"c129715d7a2bc9a3:1"});
  CHECK(github_line_hashes("a") == Hashes{"53b5d4aabe50d64:1"});  // no leading zero padding
  CHECK(github_line_hashes("a\n") == Hashes{"243cbaa4685aab12:1", "c129715d7a2bc9a3:1"});
  CHECK(github_line_hashes("x = 1\ny = 2\n") ==
        Hashes{"5ceeb771b3aff0bd:1", "ab1f8ed3e7dc41c1:1", "c129715d7a2bc9a3:1"});
  CHECK(github_line_hashes("x = 1\ny = 2") == Hashes{"8c15f3a73c04ab7f:1", "f0a9ef6ffbbb4263:1"});
}

TEST_CASE("CRLF and lone CR hash like LF; spaces and tabs are ignored") {
  CHECK(github_line_hashes("x = 1\r\ny = 2\r\n") == github_line_hashes("x = 1\ny = 2\n"));
  CHECK(github_line_hashes("a\rb\r\rc") ==
        Hashes{"4850bf53658d4e53:1", "b0367d257df6d03c:1", "1c206f60a702cfe8:1", "188ff2f224477a1e:1"});
  CHECK(github_line_hashes("x\t=  1\ny=2\n") == github_line_hashes("x = 1\ny = 2\n"));
  // Look-alike: a different character is a different hash.
  CHECK(github_line_hashes("x = 1\ny = 3\n")[0] != github_line_hashes("x = 1\ny = 2\n")[0]);
  // Indentation is not part of the hash, but the following lines are.
  CHECK(github_line_hashes("same\nsame\n  same\n") ==
        Hashes{"55dfc028cbd34ba7:1", "54dd522503d971eb:1", "930af01a65e2307f:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("non-ASCII text is hashed as UTF-16 code units, invalid bytes as U+FFFD") {
  // BOM, é, an emoji (surrogate pair), then 0xFF, a truncated E0 80 sequence and a surrogate encoding.
  const std::string text = "\xef\xbb\xbfh\xc3\xa9llo \xf0\x9f\x98\x80\n\xff\xe0\x80z\xed\xa0\x80\n";
  CHECK(github_line_hashes(text) == Hashes{"69feabcf505805db:1", "e3cc9f148ddd91f5:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("the hash covers a 100-character window and counts repeated hashes") {
  std::string repeated;
  for (int i = 0; i < 120; ++i) repeated += "x\n";
  const Hashes h = github_line_hashes(repeated);
  REQUIRE(h.size() == 121);
  CHECK(h[0] == "c0fe7b2700d6c254:1");
  CHECK(h[1] == "c0fe7b2700d6c254:2");
  CHECK(h[69] == "c0fe7b2700d6c254:70");
  CHECK(h[70] == "c0fe7b2700d6c254:71");
  CHECK(h[71] == "c0fe7b2700fbb0cd:1");  // the window now reaches the end-of-file marker
  CHECK(h[119] == "828973aa50c68d6d:1");

  std::string lines;
  for (int i = 0; i < 150; ++i) lines += "df = spark.table(\"prod.silver.meter_readings_" + std::to_string(i) + "\")\n";
  const Hashes g = github_line_hashes(lines);
  REQUIRE(g.size() == 151);
  CHECK(g[0] == "966ad2f955da371e:1");
  CHECK(g[1] == "d794341b687589c4:1");
  CHECK(g[49] == "a2b781e7fdd0e472:1");
  CHECK(g[70] == "351d8af6357bbef:1");
  CHECK(g[149] == "e9f6b9a80b32814c:1");
}

TEST_CASE("a line's hash survives edits more than 100 characters below it") {
  std::string head = "spark.table(\"de_prod.silver.meter_readings\")\n";
  std::string filler;
  for (int i = 0; i < 20; ++i) filler += "y = compute_something(" + std::to_string(i) + ")\n";
  const Hashes before = github_line_hashes(head + filler + "tail_a()\n");
  const Hashes after = github_line_hashes(head + filler + "tail_b()\n");
  CHECK(before[0] == after[0]);
  CHECK(before.back() == after.back());
  CHECK(before[21] != after[21]);  // the edited line itself changes
}

TEST_CASE("line hashing survives binary input and a huge single line") {
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary += static_cast<char>(i * 7);
  const Hashes h = github_line_hashes(binary);
  CHECK_FALSE(h.empty());
  for (const auto& s : h) CHECK(s.find(':') != std::string::npos);
  const Hashes big = github_line_hashes(std::string(5'000'000, 'a'));
  CHECK(big.size() == 1);
}

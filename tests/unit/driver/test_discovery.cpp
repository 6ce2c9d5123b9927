#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "analyzer/driver/discovery.h"
#include "analyzer/driver/gitignore.h"
#include "analyzer/driver/source_checks.h"

namespace fs = std::filesystem;
using namespace pipelint;

namespace {

struct TempTree {
  fs::path root;
  TempTree() {
    root = fs::temp_directory_path() / ("pipelint-disc-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(root);
  }
  ~TempTree() {
    std::error_code ec;
    fs::permissions(root / "locked", fs::perms::owner_all, ec);
    fs::remove_all(root, ec);
  }
  void write(const std::string& rel, const std::string& content = "x = 1\n") {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << content;
  }
  std::vector<std::string> found(const std::vector<std::string>& excludes = {}) {
    auto d = discover_files({root.string()}, excludes, root.string());
    std::vector<std::string> out;
    for (auto& f : d.files) out.push_back(display_path(f.abs_path, root.string()));
    return out;
  }
};

}  // namespace

TEST_CASE("discovery finds Python, SQL and YAML files recursively, sorted") {
  TempTree t;
  t.write("jobs/b.py");
  t.write("jobs/a.py");
  t.write("sql/daily.sql", "select 1");
  t.write("README.md", "# no");
  t.write("conf/x.yaml", "a: 1");
  t.write("notes.txt", "no");
  CHECK(t.found() == std::vector<std::string>{"conf/x.yaml", "jobs/a.py", "jobs/b.py", "sql/daily.sql"});
}

TEST_CASE("discovery respects .gitignore, nested .gitignore, negation and hidden folders") {
  TempTree t;
  t.write(".gitignore", "build/\n*.gen.py\n!keep.gen.py\n");
  t.write("build/out.py");
  t.write("jobs/x.gen.py");
  t.write("jobs/keep.gen.py");
  t.write("jobs/.gitignore", "/local.py\n");
  t.write("jobs/local.py");
  t.write("jobs/sub/local.py");  // anchored pattern: only jobs/local.py is ignored
  t.write(".venv/lib/site.py");
  t.write("jobs/real.py");
  CHECK(t.found() == std::vector<std::string>{"jobs/keep.gen.py", "jobs/real.py", "jobs/sub/local.py"});
}

TEST_CASE("--exclude globs skip files and folders") {
  TempTree t;
  t.write("notebooks/sandbox/try.py");
  t.write("notebooks/prod/job.py");
  t.write("tests/test_job.py");
  CHECK(t.found({"notebooks/sandbox", "test_*.py"}) == std::vector<std::string>{"notebooks/prod/job.py"});
}

TEST_CASE("a file named explicitly is analysed even if ignored or of another type") {
  TempTree t;
  t.write(".gitignore", "*.py\n");
  t.write("job.py");
  auto d = discover_files({(t.root / "job.py").string()}, {}, t.root.string());
  REQUIRE(d.files.size() == 1);
  CHECK(display_path(d.files[0].abs_path, t.root.string()) == "job.py");
}

TEST_CASE("symlink loops and missing paths become notes, not hangs") {
  TempTree t;
  t.write("a/job.py");
  fs::create_directory_symlink(t.root / "a", t.root / "a" / "loop");
  auto d = discover_files({t.root.string(), (t.root / "missing").string()}, {}, t.root.string());
  REQUIRE(d.files.size() == 1);
  bool loop_note = false, missing_note = false;
  for (auto& n : d.notes) {
    if (n.message.find("loop") != std::string::npos) loop_note = true;
    if (n.message.find("no such") != std::string::npos) missing_note = true;
  }
  CHECK(loop_note);
  CHECK(missing_note);
}

TEST_CASE("unreadable folders become notes") {
  if (::geteuid() == 0) {
    // root reads everything; the permission check cannot be exercised
    SUCCEED("running as root");
    return;
  }
  TempTree t;
  t.write("locked/job.py");
  fs::permissions(t.root / "locked", fs::perms::none);
  auto d = discover_files({t.root.string()}, {}, t.root.string());
  CHECK(d.files.empty());
  CHECK(!d.notes.empty());
}

TEST_CASE("gitignore rules: dir-only patterns do not match files") {
  IgnoreRules r;
  r.add_file_content("", "logs/\n# comment\n\n");
  CHECK(r.ignored("logs", true));
  CHECK_FALSE(r.ignored("logs", false));
  CHECK(r.ignored("a/logs", true));
}

TEST_CASE("byte checks: binary, invalid UTF-8, size cap") {
  CHECK_FALSE(check_bytes("x = 'é'\n").diagnostic);
  auto bin = check_bytes(std::string("x = 1\nab\0cd", 12));
  REQUIRE(bin.diagnostic);
  CHECK(bin.fatal);
  CHECK(bin.diagnostic->line == 2);
  auto bad = check_bytes("ok = 1\nname = '\xff'\n");
  REQUIRE(bad.diagnostic);
  CHECK_FALSE(bad.fatal);
  CHECK(bad.diagnostic->line == 2);
  CHECK(first_invalid_utf8("\xC0\x80") == 0);          // overlong
  CHECK(first_invalid_utf8("\xED\xA0\x80") == 0);      // surrogate
  CHECK(first_invalid_utf8("a\xF0\x9F\x98\x80") == std::string_view::npos);
  auto big = check_bytes(std::string(kMaxFileBytes + 1, 'a'));
  CHECK(big.fatal);
}

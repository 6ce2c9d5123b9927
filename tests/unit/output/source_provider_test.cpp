#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "fixture.h"

using namespace pipelint;
using pipelint::test::ScratchDir;

TEST_CASE("source provider reads lines relative to the working directory") {
  ScratchDir dir;
  dir.write("jobs/load.py", "import x\r\nspark.table(\"a\")\r\n\r\nlast");
  SourceProvider src(dir.str());
  CHECK(src.line("jobs/load.py", 1) == "import x");  // CRLF: the CR is dropped
  CHECK(src.line("jobs/load.py", 2) == "spark.table(\"a\")");
  CHECK(src.line("jobs/load.py", 3) == "");
  CHECK(src.line("jobs/load.py", 4) == "last");
  CHECK(src.line("jobs/load.py", 5) == "");
  CHECK(src.line("jobs/load.py", 0) == "");
  CHECK(src.line((dir.path() / "jobs/load.py").string(), 4) == "last");  // absolute path
}

TEST_CASE("source provider returns nullptr for missing, binary and non-regular files") {
  ScratchDir dir;
  dir.write("data.parquet", std::string("PAR1\0\0\x01", 7));
  dir.write("ok.py", "x = 1\n");
  std::filesystem::create_directories(dir.path() / "folder");
  SourceProvider src(dir.str());
  CHECK(src.content("missing.py") == nullptr);
  CHECK(src.content("data.parquet") == nullptr);
  CHECK(src.content("folder") == nullptr);
  CHECK(src.content("") == nullptr);
  CHECK(src.line("data.parquet", 1) == "");
  REQUIRE(src.content("ok.py") != nullptr);
  CHECK(*src.content("ok.py") == "x = 1\n");
}

TEST_CASE("source provider never blocks on a FIFO") {
  ScratchDir dir;
  REQUIRE(::mkfifo((dir.path() / "pipe.py").c_str(), 0600) == 0);
  SourceProvider src(dir.str());
  CHECK(src.content("pipe.py") == nullptr);
}

TEST_CASE("an override replaces the file on disk, also after a first read") {
  ScratchDir dir;
  dir.write("jobs/x.py", "on disk\n");
  SourceProvider src(dir.str());
  CHECK(src.line("jobs/x.py", 1) == "on disk");
  src.set_override("jobs/x.py", "from the editor\nsecond\n");
  CHECK(src.line("jobs/x.py", 1) == "from the editor");
  CHECK(src.line("jobs/x.py", 2) == "second");
  src.set_override("unsaved.py", "new\n");
  CHECK(src.line("unsaved.py", 1) == "new");
}

// ConfigLoader::discover: the nearest pipelint.yaml upward from a folder.
#include <catch2/catch.hpp>

#include "tests/unit/config/temp_dir.h"

using namespace pipelint;
using pipelint::test::TempDir;

TEST_CASE("discovery finds the nearest configuration in the folder or its ancestors") {
  TempDir dir;
  std::string root_cfg = dir.write("platform/pipelint.yaml", "team: platform\n");
  std::string nested_cfg = dir.write("platform/teams/billing/.pipelint.yaml", "team: billing\n");
  std::filesystem::create_directories(dir.path("platform/teams/billing/jobs/daily"));
  std::filesystem::create_directories(dir.path("platform/teams/ml/jobs"));
  std::filesystem::create_directories(dir.path("elsewhere/deep"));

  CHECK(ConfigLoader::discover(dir.path("platform")) == root_cfg);
  CHECK(ConfigLoader::discover(dir.path("platform/teams/ml/jobs")) == root_cfg);
  CHECK(ConfigLoader::discover(dir.path("platform/teams/billing/jobs/daily")) == nested_cfg);
  CHECK(ConfigLoader::discover(dir.path("platform/teams/billing/jobs/daily/")) == nested_cfg);
  CHECK(ConfigLoader::discover(dir.path("platform/teams/billing")) == nested_cfg);

  // pipelint.yaml wins over .pipelint.yaml in the same folder
  std::string plain = dir.write("platform/teams/billing/pipelint.yaml", "team: billing2\n");
  CHECK(ConfigLoader::discover(dir.path("platform/teams/billing/jobs")) == plain);

  // a file path starts from its folder
  std::string job = dir.write("platform/teams/ml/jobs/train.py", "print(1)\n");
  CHECK(ConfigLoader::discover(job) == root_cfg);

  // a folder named pipelint.yaml is not a configuration
  std::filesystem::create_directories(dir.path("elsewhere/deep/pipelint.yaml"));
  std::string found = ConfigLoader::discover(dir.path("elsewhere/deep"));
  CHECK(found.find(dir.root().string()) == std::string::npos);
}

TEST_CASE("discovery stops at the filesystem root") {
  std::string found = ConfigLoader::discover("/");
  CHECK((found.empty() || found == "/pipelint.yaml" || found == "/.pipelint.yaml"));
}

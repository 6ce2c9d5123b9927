// The driver's audit mode (docs/audit.md): the platform configuration as a
// fallback, failed repositories, progress; and the audit's summary.md.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unistd.h>

#include "analyzer/driver/analyze.h"
#include "analyzer/model/graph/platform_graph.h"
#include "analyzer/output/audit_summary.h"

namespace fs = std::filesystem;
using namespace pipelint;

namespace {

const char* kPlatform = R"(version: 1
namespace:
  patterns: ['^(?P<env>prod)_(?P<country>de|fr)\.(?P<layer>bronze|silver|gold)_(?P<domain>[a-z]+)\.(?P<table>[a-z_]+)$']
  layers: [bronze, silver, gold]
teams:
  de:
    owns: ['prod_de.*.*']
    repos: [de-repo]
  fr:
    owns: ['prod_fr.*.*']
    repos: [fr-repo]
)";

struct Platform {
  fs::path root;
  Platform() {
    root = fs::temp_directory_path() / ("pipelint-audit-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    write("platform/pipelint.yaml", kPlatform);
    // A configuration above the repositories: not theirs in an audit.
    write("repos/pipelint.yaml", "version: 1\nteam: intruder\n");
    write("repos/de-repo/pipelint.yaml", "version: 1\nextends: ../../platform/pipelint.yaml\nteam: de\n");
    write("repos/de-repo/jobs/readings.py",
          "spark.table('prod_de.bronze_metering.raw').write.saveAsTable('prod_de.silver_metering.readings')\n");
    // No pipelint.yaml: the platform file applies; the registry's `repos` gives the team.
    write("repos/fr-repo/jobs/invoices.py",
          "spark.table('prod_de.silver_metering.readings').write.saveAsTable('prod_fr.gold_billing.invoices')\n");
  }
  ~Platform() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
  AnalyzeOptions options(std::vector<std::string> repos) const {
    AnalyzeOptions o;
    for (const auto& r : repos) o.paths.push_back((root / "repos" / r).string());
    o.config_path = (root / "platform/pipelint.yaml").string();
    o.audit = true;
    o.jobs = 2;
    o.cwd = root.string();
    return o;
  }
};

const FileEntry* file(const Model& m, const std::string& display) {
  for (const auto& f : m.files)
    if (f.display_path == display) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("audit: the platform configuration applies where a repository has none") {
  Platform p;
  Analysis a = analyze_paths(p.options({"de-repo", "fr-repo"}));
  REQUIRE(a.error.empty());
  CHECK(a.repositories == 2);
  CHECK(a.failed_repositories.empty());
  const FileEntry* de = file(a.model, "repos/de-repo/jobs/readings.py");
  const FileEntry* fr = file(a.model, "repos/fr-repo/jobs/invoices.py");
  REQUIRE(de);
  REQUIRE(fr);
  CHECK(de->team == "de");
  CHECK(fr->team == "fr");
  CHECK(fs::path(fr->config->path).filename() == "pipelint.yaml");
  CHECK(fs::path(fr->config->path).parent_path().filename() == "platform");
  CHECK(fr->repo_root == (p.root / "repos/fr-repo").string());
}

TEST_CASE("audit: a repository with a broken pipelint.yaml is left out, the others are analysed") {
  Platform p;
  p.write("repos/de-repo/pipelint.yaml", "version: 1\nteam: [de\n");
  Analysis a = analyze_paths(p.options({"de-repo", "fr-repo", "missing-repo"}));
  REQUIRE(a.error.empty());
  REQUIRE(a.failed_repositories.size() == 2);
  CHECK(a.failed_repositories[0].path == "repos/de-repo");
  CHECK(a.failed_repositories[0].message.find("repos/de-repo/pipelint.yaml:") == 0);
  CHECK(a.failed_repositories[0].message.find("invalid YAML") != std::string::npos);
  CHECK(a.failed_repositories[1].path.ends_with("missing-repo"));
  CHECK(file(a.model, "repos/de-repo/jobs/readings.py") == nullptr);
  CHECK(file(a.model, "repos/fr-repo/jobs/invoices.py") != nullptr);
  CHECK(a.repositories == 1);
  CHECK(a.failures.empty());  // the missing root is a failed repository, not a file note
  bool reported = false;  // the broken file itself is still a CFG002 at its line
  for (const auto& issue : a.model.config_issues) reported = reported || issue.file.ends_with("de-repo/pipelint.yaml");
  CHECK(reported);
}

TEST_CASE("audit: an unusable platform configuration is fatal") {
  Platform p;
  p.write("platform/pipelint.yaml", "namespace: [\n");
  Analysis a = analyze_paths(p.options({"de-repo"}));
  CHECK(a.error.find("platform configuration") != std::string::npos);
}

TEST_CASE("audit: progress reaches every file and repository, from the parser threads") {
  Platform p;
  for (int i = 0; i < 40; ++i) p.write("repos/fr-repo/utils/u" + std::to_string(i) + ".py", "x = 1\n");
  AnalyzeOptions o = p.options({"de-repo", "fr-repo"});
  std::mutex mu;
  AnalyzeProgress last;
  std::atomic<size_t> calls{0};
  o.progress = [&](const AnalyzeProgress& pr) {
    ++calls;
    std::lock_guard<std::mutex> lock(mu);
    CHECK(pr.files_done <= pr.files_total);
    if (pr.files_done >= last.files_done) last = pr;
  };
  Analysis a = analyze_paths(o);
  REQUIRE(a.error.empty());
  CHECK(calls >= 42);
  CHECK(last.files_total == 43);  // 42 Python files and de-repo's pipelint.yaml
  CHECK(last.files_done == last.files_total);
  CHECK(last.repos_total == 2);
  CHECK(last.repos_done == 2);
}

TEST_CASE("audit summary: findings, tables per team and cross-team edges") {
  Platform p;
  Analysis a = analyze_paths(p.options({"de-repo", "fr-repo"}));
  REQUIRE(a.error.empty());
  const PlatformGraph& g = platform_graph(a.model);
  Report r;
  r.cwd = p.root.string();
  Finding f;
  f.rule = "DEP002";
  f.severity = Severity::Error;
  f.loc.path = "repos/fr-repo/jobs/invoices.py";
  r.findings.push_back(f);
  std::ostringstream out;
  write_audit_summary({a.model, g, r, {{"repos/x", "broken"}}, a.repositories, {}}, out);
  const std::string md = out.str();
  CHECK(md.find("| repositories | 2 analysed, 1 failed |") != std::string::npos);
  CHECK(md.find("| fr | 1 | 0 | 0 | DEP002 |") != std::string::npos);
  CHECK(md.find("| fr | de | 1 | 1 | 1 | `repos/fr-repo/jobs/invoices.py:1` reads `prod_de.silver_metering.readings` |") !=
        std::string::npos);
  CHECK(md.find("- `repos/x`: broken") != std::string::npos);
  CHECK(md.find("## Timings") == std::string::npos);
}

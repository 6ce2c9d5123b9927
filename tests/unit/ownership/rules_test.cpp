// OWN001-OWN005, NS003 and the suppression step, each with a firing case and a look-alike.
#include <catch2/catch.hpp>

#include "model_builder.h"
#include "rules/engine/engine.h"

using namespace pipelint;
using namespace pipelint::test;

TEST_CASE("OWN001: another team's table; the owner's and the writer's own tables are fine") {
  ModelBuilder b;
  auto analytics = gridunion_config("commercial-analytics");
  b.file("analytics-commercial", "notebooks/fix.py", analytics,
         {{10, Op::Write, lit("prod_de.silver_metering.readings")},          // fires
          {11, Op::Write, lit("prod_eu.gold_commercial.readings_fixed")},    // own table
          {12, Op::Write, with_hole("catalog", ".silver_billing.x")},        // some other team, whatever {catalog} is
          {13, Op::Write, with_hole("catalog", ".gold_commercial.x")},       // could be its own
          {14, Op::Write, lit("system.access.audit")}});                     // external
  b.file("de-metering-pipelines", "jobs/silver.py", gridunion_config("nordgrid-de"),
         {{5, Op::Write, lit("prod_de.silver_metering.readings")}});
  auto findings = run_rules(b.build(), only({"OWN001"}));
  CHECK(where(findings, "OWN001") == std::vector<std::string>{"repos/analytics-commercial/notebooks/fix.py:10",
                                                              "repos/analytics-commercial/notebooks/fix.py:12"});
  const Finding* f = find(findings, "OWN001");
  REQUIRE(f);
  CHECK(f->message.find("owned by nordgrid-de (#nordgrid-data)") != std::string::npos);
  CHECK(f->message.find("from code of commercial-analytics") != std::string::npos);
  CHECK(f->message.find("write to a table your team owns") != std::string::npos);
  CHECK(f->severity == Severity::Error);
}

TEST_CASE("OWN002: a written table no pattern matches; names outside the namespace are NS001's") {
  ModelBuilder b;
  b.file("nl-dutchgrid-etl", "etl/tariffs.py", gridunion_config("nordgrid-de"),
         {{3, Op::Write, lit("prod_nl.silver_billing.tarieven")},  // fires
          {4, Op::Read, lit("prod_nl.silver_billing.other")},      // a read: not OWN002
          {5, Op::Write, lit("prod_de.silver_billing.x")},         // owned
          {6, Op::Write, lit("prod_de.silverbilling.x")}});        // typo: NS001, not OWN002
  auto findings = run_rules(b.build(), only({"OWN002"}));
  CHECK(where(findings, "OWN002") == std::vector<std::string>{"repos/nl-dutchgrid-etl/etl/tariffs.py:3"});
}

TEST_CASE("OWN003: a file of no team, once at line 1; a repository listed in repos is owned") {
  ModelBuilder b;
  b.file("hackathon", "notebooks/a.py", gridunion_config(), {{7, Op::Read, lit("prod_de.gold_billing.x")}});
  b.file("fr-electra-ingest", "jobs/b.py", gridunion_config(), {});
  auto no_registry = std::make_shared<Config>();
  b.file("elsewhere", "c.py", no_registry, {});
  auto findings = run_rules(b.build(), only({"OWN003"}));
  CHECK(where(findings, "OWN003") == std::vector<std::string>{"repos/hackathon/notebooks/a.py:1"});
}

TEST_CASE("OWN004: once per table with several owners, at its first write") {
  ModelBuilder b;
  b.file("a", "first.py", gridunion_config("platform"),
         {{3, Op::Read, lit("prod_lu.silver_shared.x")}, {4, Op::Write, lit("prod_lu.silver_shared.x")}});
  b.file("b", "second.py", gridunion_config("shared-billing"), {{9, Op::Write, lit("prod_lu.silver_shared.x")}});
  b.file("c", "third.py", gridunion_config("platform"), {{2, Op::Write, lit("prod_lu.silver_core.x")}});
  auto findings = run_rules(b.build(), only({"OWN004", "OWN001"}));
  CHECK(where(findings, "OWN004") == std::vector<std::string>{"repos/a/first.py:4"});
  CHECK(where(findings, "OWN001").empty());  // each writer is one of the owners
  CHECK(find(findings, "OWN004")->message.find("platform (`*_lu.silver_*.*`) and shared-billing") != std::string::npos);
}

TEST_CASE("OWN005: an unpublished table of another team; published and own tables are fine") {
  ModelBuilder b;
  b.file("analytics-commercial", "jobs/r.py", gridunion_config("commercial-analytics"),
         {{1, Op::Read, lit("prod_de.silver_billing.invoices")},  // fires
          {2, Op::Read, lit("prod_de.gold_billing.invoices")},    // published
          {3, Op::Read, lit("prod_eu.gold_commercial.x")},        // own
          {4, Op::Read, lit("prod_nl.silver_billing.x")}});       // no owner: not OWN005
  auto findings = run_rules(b.build(), only({"OWN005"}));
  CHECK(where(findings, "OWN005") == std::vector<std::string>{"repos/analytics-commercial/jobs/r.py:1"});
  CHECK(find(findings, "OWN005")->message.find("publishes `*_de.gold_billing.*`") != std::string::npos);
}

TEST_CASE("NS003: dev code writing prod; the code's env from path, variables or the other tables") {
  ModelBuilder b;
  auto cfg = gridunion_config("nordgrid-de");
  b.file("de", "jobs/dev/rebuild.py", cfg,
         {{3, Op::Read, lit("dev_de.bronze_metering.raw")},       // same env
          {4, Op::Write, lit("prod_de.silver_metering.readings")},  // fires (error)
          {5, Op::Write, lit("dev_de.silver_metering.readings")}});
  auto prod_cfg = gridunion_config("nordgrid-de");
  prod_cfg->ns.variables["env"] = "prod";
  b.file("de", "jobs/daily.py", prod_cfg, {{8, Op::Read, lit("dev_de.silver_metering.x")}});  // fires (warning)
  b.file("de", "jobs/mixed.py", cfg,  // no folder, no variable: two prod tables outvote one test table
         {{1, Op::Read, lit("prod_de.silver_metering.a")}, {2, Op::Read, lit("prod_de.silver_metering.b")},
          {3, Op::Write, lit("test_de.silver_metering.c")}});
  b.file("de", "jobs/tie.py", cfg,  // one prod, one dev: no majority, no finding
         {{1, Op::Read, lit("prod_de.silver_metering.a")}, {2, Op::Write, lit("dev_de.silver_metering.c")}});
  auto findings = run_rules(b.build(), only({"NS003"}));
  CHECK(where(findings, "NS003") == std::vector<std::string>{"repos/de/jobs/daily.py:8", "repos/de/jobs/dev/rebuild.py:4",
                                                             "repos/de/jobs/mixed.py:3"});
  for (const auto& f : findings) {
    if (f.loc.line == 4) {
      CHECK(f.severity == Severity::Error);
      CHECK(f.message.find("use `dev_de.silver_metering.readings`") != std::string::npos);
    }
    if (f.loc.line == 8) CHECK(f.severity == Severity::Warning);
  }
}

TEST_CASE("suppressions mark findings; unused ones are SUP001, expired ones SUP002") {
  auto sup = [](uint32_t line, uint32_t target, std::vector<std::string> rules, std::string until = "",
                std::string reason = "why") {
    Suppression s;
    s.line = line;
    s.col = 1;
    s.target_line = target;
    s.rules = std::move(rules);
    s.until = until;
    s.reason = reason;
    return s;
  };
  ModelBuilder b;
  b.file("analytics-commercial", "x.py", gridunion_config("commercial-analytics"),
         {{2, Op::Write, lit("prod_de.silver_metering.a")},   // suppressed by the comment above (prefix OWN)
          {4, Op::Write, lit("prod_de.silver_metering.b")},   // expired suppression: still reported
          {6, Op::Write, lit("prod_eu.gold_commercial.c")},   // nothing to suppress: SUP001
          {8, Op::Write, lit("prod_de.silver_metering.d")}},  // future date: suppressed
         {sup(1, 2, {"OWN"}), sup(3, 4, {"OWN001"}, "2026-05-31"), sup(5, 6, {"OWN001", "XYZ999"}),
          sup(7, 8, {"OWN001"}, "2026-06-01", "")});
  Model& m = b.build();
  auto findings = run_rules(m, only({"OWN001", "SUP"}));
  CHECK(where(findings, "OWN001") == std::vector<std::string>{"repos/analytics-commercial/x.py:4"});
  CHECK(where(findings, "OWN001", true).size() == 3);
  CHECK(where(findings, "SUP002") == std::vector<std::string>{"repos/analytics-commercial/x.py:3"});
  CHECK(where(findings, "SUP001") == std::vector<std::string>{"repos/analytics-commercial/x.py:5"});
  CHECK(find(findings, "SUP001")->message.find("no rule is named `XYZ999`") != std::string::npos);

  auto strict = only({"OWN001", "SUP"});
  strict.require_reason = true;
  auto with_reason = run_rules(m, strict);
  CHECK(where(with_reason, "SUP001") == std::vector<std::string>{"repos/analytics-commercial/x.py:5",
                                                                 "repos/analytics-commercial/x.py:7"});
  // Not selected: SUP findings go through selection like any other.
  CHECK(where(run_rules(m, only({"OWN001"})), "SUP001").empty());
  // A day later the last one has expired too.
  CHECK(where(run_rules(m, only({"OWN001", "SUP"}, "2026-06-02")), "SUP002").size() == 2);
}

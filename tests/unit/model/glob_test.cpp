// glob_match over file paths ('/') and table names ('.').
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "analyzer/model/glob.h"

using pipelint::glob_match;
using pipelint::table_glob_match;

TEST_CASE("path globs: a team folder with **") {
  CHECK(glob_match("teams/billing_de/**", "teams/billing_de/jobs/load.py"));
  CHECK(glob_match("teams/billing_de/**", "teams/billing_de/x.sql"));
  CHECK_FALSE(glob_match("teams/billing_de/**", "teams/billing_fr/jobs/load.py"));
  CHECK_FALSE(glob_match("teams/billing_de/**", "teams/billing_de_old/x.py"));
  CHECK_FALSE(glob_match("teams/billing_de/**", "other/teams/billing_de/x.py"));
  CHECK(glob_match("notebooks/sandbox/**", "notebooks/sandbox/a/b/c.py"));
  CHECK_FALSE(glob_match("notebooks/sandbox/**", "notebooks/sandboxes/a.py"));
}

TEST_CASE("path globs: * stays within one folder, **/ spans any number including none") {
  CHECK(glob_match("*.py", "load.py"));
  CHECK_FALSE(glob_match("*.py", "jobs/load.py"));
  CHECK_FALSE(glob_match("*.py", "load.pyc"));
  CHECK(glob_match("**/*.py", "load.py"));
  CHECK(glob_match("**/*.py", "jobs/daily/load.py"));
  CHECK_FALSE(glob_match("**/*.py", "jobs/daily/load.sql"));
  CHECK(glob_match("conf/pipelines/*.yaml", "conf/pipelines/meter_readings.yaml"));
  CHECK_FALSE(glob_match("conf/pipelines/*.yaml", "conf/pipelines/de/meter_readings.yaml"));
  CHECK_FALSE(glob_match("conf/pipelines/*.yaml", "conf/pipelines/meter_readings.yml"));
  CHECK(glob_match("contracts/**/*.yaml", "contracts/billing.yaml"));
  CHECK(glob_match("contracts/**/*.yaml", "contracts/de/silver/billing.yaml"));
  CHECK(glob_match("a/**/b", "a/b"));
  CHECK(glob_match("a/**/b", "a/x/y/b"));
  CHECK_FALSE(glob_match("a/**/b", "a/xb"));
}

TEST_CASE("path globs: ** mixed with * backtracks correctly") {
  // ** must be able to take more after a later * has started matching
  CHECK(glob_match("**b*", "xb/yb"));
  CHECK(glob_match("src/**/test_*.py", "src/a/test_x/b/test_y.py"));
  CHECK_FALSE(glob_match("src/**/test_*.py", "src/a/test_x/b/y.py"));
  CHECK(glob_match("**/jobs/*_de.py", "teams/x/jobs/jobs/load_de.py"));
  CHECK_FALSE(glob_match("**/jobs/*_de.py", "teams/x/jobs/sub/load_de.py"));
  CHECK(glob_match("a**z", "a/b/c/z"));
  CHECK(glob_match("*/**", "a/b"));
  CHECK_FALSE(glob_match("*/*", "a/b/c"));
  // literal head and tail must not overlap in the text
  CHECK_FALSE(glob_match("ab*ba", "aba"));
  CHECK(glob_match("ab*ba", "abba"));
  CHECK_FALSE(glob_match("a/**", "a"));
  CHECK_FALSE(glob_match("a/**/b", "ab"));
  CHECK(glob_match("**/b", "b"));
  CHECK_FALSE(glob_match("**/b", "ab"));
}

TEST_CASE("path globs: ?, sets, escapes and degenerate patterns") {
  CHECK(glob_match("job_?.py", "job_1.py"));
  CHECK_FALSE(glob_match("job_?.py", "job_12.py"));
  CHECK_FALSE(glob_match("a?b", "a/b"));
  CHECK(glob_match("job_[0-9].py", "job_7.py"));
  CHECK_FALSE(glob_match("job_[0-9].py", "job_x.py"));
  CHECK(glob_match("job_[!0-9].py", "job_x.py"));
  CHECK_FALSE(glob_match("job_[!0-9].py", "job_7.py"));
  CHECK(glob_match("[]x]", "]"));
  CHECK_FALSE(glob_match("a[/]b", "a/b"));
  CHECK(glob_match("file[1", "file[1"));  // unterminated set: literal '['
  CHECK(glob_match("\\*.py", "*.py"));
  CHECK_FALSE(glob_match("\\*.py", "x.py"));
  CHECK(glob_match("", ""));
  CHECK_FALSE(glob_match("", "a"));
  CHECK(glob_match("**", ""));
  CHECK(glob_match("*", ""));
  CHECK_FALSE(glob_match("?", ""));
}

TEST_CASE("path globs: pathological patterns stay linear") {
  std::string text(5000, 'a');
  std::string pattern;
  for (int i = 0; i < 30; ++i) pattern += "*a";
  pattern += "b";
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(glob_match(pattern, text));
  CHECK(glob_match(pattern.substr(0, pattern.size() - 1), text));
  CHECK_FALSE(glob_match("**a**a**a**a**a**b", std::string(3000, 'a')));
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  CHECK(ms.count() < 500);
}

TEST_CASE("table globs: '.' separates catalog, schema and table") {
  CHECK(table_glob_match("*_de.silver_billing.*", "prod_de.silver_billing.readings"));
  CHECK(table_glob_match("*_de.silver_billing.*", "dev_de.silver_billing.invoices"));
  CHECK_FALSE(table_glob_match("*_de.silver_billing.*", "prod_fr.silver_billing.readings"));
  CHECK_FALSE(table_glob_match("*_de.silver_billing.*", "prod_de.gold_billing.readings"));
  CHECK_FALSE(table_glob_match("*_de.silver_billing.*", "prod_de.silver_billing_v2.readings"));
  CHECK_FALSE(table_glob_match("*_de.silver_billing.*", "x.prod_de.silver_billing"));

  CHECK(table_glob_match("prod_??.gold_*.*", "prod_nl.gold_forecast.demand_daily"));
  CHECK_FALSE(table_glob_match("prod_??.gold_*.*", "prod_nld.gold_forecast.demand_daily"));
  CHECK_FALSE(table_glob_match("prod_??.gold_*.*", "test_nl.gold_forecast.demand_daily"));
  CHECK_FALSE(table_glob_match("prod_??.gold_*.*", "prod_nl.silver_forecast.demand_daily"));
}

TEST_CASE("table globs: a trailing '*' part covers every table below the prefix") {
  CHECK(table_glob_match("system.*", "system.billing.usage"));
  CHECK(table_glob_match("system.*", "system.information_schema.tables"));
  CHECK(table_glob_match("samples.*", "samples.nyctaxi.trips"));
  CHECK_FALSE(table_glob_match("system.*", "systems.billing.usage"));
  CHECK_FALSE(table_glob_match("system.*", "prod_de.system.usage"));
  CHECK_FALSE(table_glob_match("system.*", "system"));
  CHECK_FALSE(table_glob_match("system.*", "system."));
  // '*' elsewhere still stays within its part
  CHECK_FALSE(table_glob_match("*.gold_billing.invoices", "a.b.gold_billing.invoices"));
  CHECK(table_glob_match("*.gold_billing.invoices", "prod_de.gold_billing.invoices"));
  // an escaped star is literal
  CHECK_FALSE(table_glob_match("system.\\*", "system.billing"));
}

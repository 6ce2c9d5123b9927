// The longest gap between scheduled runs (analyzer/model/schedule_interval.h).
#include <catch2/catch.hpp>

#include "analyzer/model/schedule_interval.h"

using namespace pipelint;

namespace {
constexpr int64_t kMin = 60, kH = 3600, kD = 86400;

DagRecord dag(std::string schedule, std::string kind, std::string source = "airflow") {
  DagRecord d;
  d.schedule = std::move(schedule);
  d.schedule_kind = std::move(kind);
  d.source = std::move(source);
  return d;
}
}  // namespace

TEST_CASE("cron: steps, fixed times, weekdays", "[schedule]") {
  CHECK(cron_interval_seconds("*/15 * * * *") == 15 * kMin);
  CHECK(cron_interval_seconds("0 * * * *") == kH);
  CHECK(cron_interval_seconds("0 3 * * *") == kD);
  CHECK(cron_interval_seconds("0 6 * * 1") == 7 * kD);
  CHECK(cron_interval_seconds("* * * * *") == kMin);
  CHECK(cron_interval_seconds("30 1 * * *") == kD);
}

TEST_CASE("cron: lists and ranges give the longest gap of the week", "[schedule]") {
  CHECK(cron_interval_seconds("0 6,18 * * *") == 12 * kH);
  CHECK(cron_interval_seconds("0 2,4 * * *") == 22 * kH);
  CHECK(cron_interval_seconds("0 6 * * 1-5") == 3 * kD);  // Friday 06:00 to Monday 06:00
  CHECK(cron_interval_seconds("0 6 * * MON-FRI") == 3 * kD);
  CHECK(cron_interval_seconds("0 8-18/2 * * *") == 14 * kH);
  CHECK(cron_interval_seconds("0 0 * * 0,7") == 7 * kD);  // 0 and 7 are both Sunday
}

TEST_CASE("cron: days of the month and months", "[schedule]") {
  CHECK(cron_interval_seconds("0 0 1 * *") == 31 * kD);
  CHECK(cron_interval_seconds("0 0 1 1 *") == 366 * kD);
  CHECK(cron_interval_seconds("0 0 1,15 * *") == 17 * kD);  // the 15th to the 1st of a 31-day month
  // both day fields restricted: either matches (every Monday and the 1st)
  CHECK(cron_interval_seconds("0 0 1 * 1") == 7 * kD);
}

TEST_CASE("Quartz cron of bundles", "[schedule]") {
  CHECK(cron_interval_seconds("0 30 3 * * ?", true) == kD);
  CHECK(cron_interval_seconds("0 0/15 * * * ?", true) == 15 * kMin);
  CHECK(cron_interval_seconds("0 0 6 ? * MON-FRI", true) == 3 * kD);
  CHECK(cron_interval_seconds("0 0 6 ? * 2", true) == 7 * kD);  // 2 = Monday in Quartz
  CHECK(cron_interval_seconds("0 0 12 * * ? *", true) == kD);
  CHECK(cron_interval_seconds("*/30 * * * * ?", true) == 30);
}

TEST_CASE("cron that cannot be estimated", "[schedule]") {
  CHECK_FALSE(cron_interval_seconds(""));
  CHECK_FALSE(cron_interval_seconds("0 3 * *"));
  CHECK_FALSE(cron_interval_seconds("61 * * * *"));
  CHECK_FALSE(cron_interval_seconds("0 0 30 2 *"));       // never fires
  CHECK_FALSE(cron_interval_seconds("0 0 L * ?", true));   // wrong field count for Quartz
  CHECK_FALSE(cron_interval_seconds("0 0 0 L * ?", true));
  CHECK_FALSE(cron_interval_seconds("0 0 0 ? * 6#3", true));
  CHECK_FALSE(cron_interval_seconds("0 0 0 * * ? 2030", true));
  CHECK_FALSE(cron_interval_seconds("0 */0 * * *"));
  CHECK_FALSE(cron_interval_seconds("0 5-3 * * *"));
  CHECK_FALSE(cron_interval_seconds("{{ var }} * * * *"));
}

TEST_CASE("Airflow presets, timedelta and bundle periodic triggers", "[schedule]") {
  CHECK(preset_interval_seconds("@hourly") == kH);
  CHECK(preset_interval_seconds("@daily") == kD);
  CHECK(preset_interval_seconds("@midnight") == kD);
  CHECK(preset_interval_seconds("@weekly") == 7 * kD);
  CHECK(preset_interval_seconds("@monthly") == 31 * kD);
  CHECK(preset_interval_seconds("@yearly") == 366 * kD);
  CHECK_FALSE(preset_interval_seconds("@once"));
  CHECK_FALSE(preset_interval_seconds("@continuous"));

  CHECK(timedelta_interval_seconds("timedelta(hours=1)") == kH);
  CHECK(timedelta_interval_seconds("timedelta(minutes=30)") == 30 * kMin);
  CHECK(timedelta_interval_seconds("datetime.timedelta(days=1, hours=2)") == 26 * kH);
  CHECK(timedelta_interval_seconds("timedelta(1)") == kD);
  CHECK(timedelta_interval_seconds("timedelta(hours=1.5)") == 90 * kMin);
  CHECK(timedelta_interval_seconds("relativedelta(months=1)") == 31 * kD);
  CHECK_FALSE(timedelta_interval_seconds("timedelta(hours=N)"));
  CHECK_FALSE(timedelta_interval_seconds("timedelta(months=1)"));
  CHECK_FALSE(timedelta_interval_seconds("timedelta()"));
  CHECK_FALSE(timedelta_interval_seconds("timedelta(hours=1"));

  CHECK(periodic_interval_seconds("4 HOURS") == 4 * kH);
  CHECK(periodic_interval_seconds("1 WEEKS") == 7 * kD);
  CHECK_FALSE(periodic_interval_seconds(" DAYS"));
}

TEST_CASE("schedule_interval_seconds by schedule kind", "[schedule]") {
  CHECK(schedule_interval_seconds(dag("0 2 * * *", "cron")) == kD);
  CHECK(schedule_interval_seconds(dag("0 30 3 * * ?", "cron", "bundle")) == kD);
  CHECK(schedule_interval_seconds(dag("0 * * * * 30", "cron")) == kH);  // croniter: seconds last
  CHECK(schedule_interval_seconds(dag("@hourly", "preset")) == kH);
  CHECK(schedule_interval_seconds(dag("timedelta(hours=6)", "timedelta")) == 6 * kH);
  CHECK(schedule_interval_seconds(dag("2 DAYS", "periodic", "bundle")) == 2 * kD);
  for (const char* kind : {"datasets", "table_update", "none", "unset", "unknown", "file_arrival"})
    CHECK_FALSE(schedule_interval_seconds(dag("x", kind)));
}

TEST_CASE("durations in messages", "[schedule]") {
  CHECK(duration_text(2 * kH) == "2 h");
  CHECK(duration_text(26 * kH) == "26 h");
  CHECK(duration_text(90 * kMin) == "1 h 30 min");
  CHECK(duration_text(15 * kMin) == "15 min");
  CHECK(duration_text(7 * kD) == "7 d");
  CHECK(duration_text(72 * kH) == "72 h");
}

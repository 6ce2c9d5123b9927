// How long a DAG or bundle job may go without running: the longest gap between
// two consecutive scheduled runs (OBS004). A cron expression is expanded over a
// calendar (two weeks when only minutes, hours and weekdays are restricted, eight
// years when days of the month or months are), so "0 6 * * 1-5" gives the
// weekend's 72 h, not 24 h. Time zones and daylight saving are ignored.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parsers/common/records.h"

namespace pipelint {

// Unix cron (5 fields: minute hour day-of-month month day-of-week) or Quartz
// cron (6-7 fields: second minute hour day-of-month month day-of-week [year],
// `?` for "no value", days of the week 1-7 = SUN-SAT). Lists, ranges, steps and
// month/day names are understood; Quartz `L`, `W`, `#` and a restricted year
// are not (nullopt), nor is an expression that never fires. A 6-field
// expression without `quartz` is croniter's (seconds last).
std::optional<int64_t> cron_interval_seconds(std::string_view expr, bool quartz = false);

// Airflow presets: @hourly, @daily/@midnight, @weekly, @monthly, @quarterly,
// @yearly/@annually (as their cron expressions). @once, @continuous: nullopt.
std::optional<int64_t> preset_interval_seconds(std::string_view preset);

// `timedelta(hours=1)`, `datetime.timedelta(days=1, minutes=30)`, `timedelta(1)`
// (days), `relativedelta(months=1)` (a month counts 31 days), as written.
std::optional<int64_t> timedelta_interval_seconds(std::string_view text);

// A bundle's `trigger.periodic` as the parser keeps it: "4 HOURS", "1 DAYS", "2 WEEKS".
std::optional<int64_t> periodic_interval_seconds(std::string_view text);

// The interval of a DAG/job from its schedule_kind; nullopt when it cannot be
// known: no schedule, manual, Dataset/Asset- or table-triggered, file arrival.
std::optional<int64_t> schedule_interval_seconds(const DagRecord& dag);

// "15 min", "1 h", "26 h", "3 d" — the unit that states it exactly, hours up to 72.
std::string duration_text(int64_t seconds);

}  // namespace pipelint

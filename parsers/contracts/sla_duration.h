// Time values of SLA properties (`latency: 2, unit: h`) in seconds, so that a
// change from 1 h to 120 min is recognised as no change at all.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pipelint {

struct DurationResult {
  std::optional<int64_t> seconds;
  std::string error;  // why it could not be read, when seconds is empty
};

// `value` is the SLA's value as written, `unit` its unit ("" when absent).
// Accepted: a non-negative number with a unit (s, sec, min, h, hr, d, day, w,
// wk, mo, month, y, yr, year and their plurals, case-insensitive), a number with
// the unit attached ("30min"), or an ISO 8601 duration without a unit ("PT2H").
// `m` is refused as ambiguous (minutes or months?).
DurationResult parse_duration(std::string_view value, std::string_view unit);

// Seconds in the largest unit that divides them: "90min", "2h", "3d".
std::string format_duration(int64_t seconds);

}  // namespace pipelint

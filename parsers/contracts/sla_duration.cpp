#include "parsers/contracts/sla_duration.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace pipelint {
namespace {

constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400;
constexpr int64_t kWeek = 7 * kDay, kMonth = 30 * kDay, kYear = 365 * kDay;
constexpr double kMaxSeconds = 1e15;  // beyond any meaningful SLA; keeps int64 arithmetic safe

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<int64_t> unit_seconds(std::string_view unit) {
  std::string u = lower(trim(unit));
  if (u == "s" || u == "sec" || u == "secs" || u == "second" || u == "seconds") return 1;
  if (u == "min" || u == "mins" || u == "minute" || u == "minutes") return kMinute;
  if (u == "h" || u == "hr" || u == "hrs" || u == "hour" || u == "hours") return kHour;
  if (u == "d" || u == "day" || u == "days") return kDay;
  if (u == "w" || u == "wk" || u == "wks" || u == "week" || u == "weeks") return kWeek;
  if (u == "mo" || u == "mon" || u == "month" || u == "months") return kMonth;
  if (u == "y" || u == "yr" || u == "yrs" || u == "year" || u == "years") return kYear;
  return std::nullopt;
}

// A plain non-negative decimal number: digits with at most one '.'.
std::optional<double> number(std::string_view s) {
  if (s.empty() || s.size() > 32) return std::nullopt;
  bool dot = false, digit = false;
  for (char c : s) {
    if (c == '.' && !dot) dot = true;
    else if (c >= '0' && c <= '9') digit = true;
    else return std::nullopt;
  }
  if (!digit) return std::nullopt;
  return std::strtod(std::string(s).c_str(), nullptr);
}

DurationResult from(double amount, int64_t per_unit) {
  double secs = amount * static_cast<double>(per_unit);
  if (secs > kMaxSeconds) return {std::nullopt, "duration too large"};
  return {static_cast<int64_t>(std::llround(secs)), ""};
}

// ISO 8601: P[nY][nM][nW][nD][T[nH][nM][nS]], integer or decimal amounts.
std::optional<int64_t> iso8601(std::string_view s) {
  if (s.size() < 3 || (s[0] != 'P' && s[0] != 'p')) return std::nullopt;
  double total = 0;
  bool time = false, any = false;
  size_t i = 1;
  while (i < s.size()) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
    if (c == 'T') {
      if (time) return std::nullopt;
      time = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
    auto n = number(s.substr(i, j - i));
    if (!n || j >= s.size()) return std::nullopt;
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(s[j])));
    int64_t per = 0;
    if (!time && u == 'Y') per = kYear;
    else if (!time && u == 'M') per = kMonth;
    else if (!time && u == 'W') per = kWeek;
    else if (!time && u == 'D') per = kDay;
    else if (time && u == 'H') per = kHour;
    else if (time && u == 'M') per = kMinute;
    else if (time && u == 'S') per = 1;
    else return std::nullopt;
    total += *n * static_cast<double>(per);
    if (total > kMaxSeconds) return std::nullopt;
    any = true;
    i = j + 1;
  }
  if (!any) return std::nullopt;
  return static_cast<int64_t>(std::llround(total));
}

}  // namespace

DurationResult parse_duration(std::string_view value, std::string_view unit) {
  value = trim(value);
  unit = trim(unit);
  if (value.empty()) return {std::nullopt, "has no value"};
  if (!unit.empty()) {
    if (lower(unit) == "m")
      return {std::nullopt, "unit `m` is ambiguous: write `min` for minutes or `mo` for months"};
    auto per = unit_seconds(unit);
    if (!per)
      return {std::nullopt, "unknown unit `" + std::string(unit) +
                                "` (use s, min, h, d, w, mo or y, or their full names)"};
    auto n = number(value);
    if (!n) return {std::nullopt, "value `" + std::string(value) + "` is not a non-negative number"};
    return from(*n, *per);
  }
  if (auto iso = iso8601(value)) return {*iso, ""};
  size_t k = 0;
  while (k < value.size() && (std::isdigit(static_cast<unsigned char>(value[k])) || value[k] == '.')) ++k;
  if (k > 0 && k < value.size()) {
    auto n = number(value.substr(0, k));
    std::string_view u = trim(value.substr(k));
    if (n && lower(u) == "m")
      return {std::nullopt, "unit `m` is ambiguous: write `min` for minutes or `mo` for months"};
    if (n) {
      if (auto per = unit_seconds(u)) return from(*n, *per);
    }
  }
  if (number(value))
    return {std::nullopt, "has no `unit` (write e.g. `unit: h`)"};
  return {std::nullopt, "value `" + std::string(value) +
                            "` is not a duration (write a number and a `unit`, or ISO 8601 like PT2H)"};
}

std::string format_duration(int64_t seconds) {
  struct U { int64_t secs; const char* name; };
  static const U units[] = {{kYear, "y"}, {kWeek, "w"}, {kDay, "d"}, {kHour, "h"}, {kMinute, "min"}};
  if (seconds == 0) return "0s";
  for (const auto& u : units)
    if (seconds % u.secs == 0) return std::to_string(seconds / u.secs) + u.name;
  return std::to_string(seconds) + "s";
}

}  // namespace pipelint

#include "analyzer/model/schedule_interval.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace pipelint {
namespace {

constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::vector<std::string> fields_of(std::string_view expr) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : expr) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// One cron field: its allowed values and the names it accepts (index + base).
struct FieldSpec {
  int lo, hi;
  const char* const* names = nullptr;  // 3-letter names, value = index + name_base
  int name_count = 0, name_base = 0;
};

const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
const char* const kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::optional<int> value_of(const std::string& token, const FieldSpec& spec) {
  if (token.empty()) return std::nullopt;
  if (std::all_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (token.size() > 4) return std::nullopt;
    int v = std::atoi(token.c_str());
    if (v < spec.lo || v > spec.hi) return std::nullopt;
    return v;
  }
  std::string l = lower(token);
  for (int i = 0; i < spec.name_count; ++i)
    if (l == spec.names[i]) return i + spec.name_base;
  return std::nullopt;
}

// The set of values a field allows (bit v for value v); nullopt when it is not
// understood. `*` and `?` allow everything.
std::optional<std::bitset<64>> parse_field(const std::string& field, const FieldSpec& spec) {
  std::bitset<64> bits;
  for (const std::string& item : split(field, ',')) {
    std::string range = item;
    int step = 1;
    if (size_t slash = item.find('/'); slash != std::string::npos) {
      range = item.substr(0, slash);
      std::string s = item.substr(slash + 1);
      if (s.empty() || s.size() > 4 ||
          !std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return std::nullopt;
      step = std::atoi(s.c_str());
      if (step <= 0) return std::nullopt;
    }
    int a, b;
    if (range == "*" || range == "?") {
      a = spec.lo;
      b = spec.hi;
    } else if (size_t dash = range.find('-'); dash != std::string::npos) {
      auto va = value_of(range.substr(0, dash), spec), vb = value_of(range.substr(dash + 1), spec);
      if (!va || !vb || *vb < *va) return std::nullopt;
      a = *va;
      b = *vb;
    } else {
      auto v = value_of(range, spec);
      if (!v) return std::nullopt;
      a = *v;
      b = item.find('/') != std::string::npos ? spec.hi : *v;  // "5/15": from 5 to the end
    }
    for (int v = a; v <= b; v += step) bits.set(static_cast<size_t>(v));
  }
  if (bits.none()) return std::nullopt;
  return bits;
}

// Vixie cron: a day field written with a leading `*` does not restrict.
bool restricts(const std::string& field) { return !field.empty() && field[0] != '*' && field[0] != '?'; }

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

struct Cron {
  std::bitset<64> sec, min, hour, dom, month, dow;  // dow: 0 = Sunday
  bool dom_restricted = false, dow_restricted = false;
};

// Longest gap between consecutive runs over a calendar starting Monday 2024-01-01.
std::optional<int64_t> longest_gap(const Cron& c) {
  std::vector<int64_t> times;  // seconds of the day at which it runs
  for (int h = 0; h < 24; ++h)
    if (c.hour[h])
      for (int m = 0; m < 60; ++m)
        if (c.min[m])
          for (int s = 0; s < 60; ++s)
            if (c.sec[s]) times.push_back(h * kHour + m * kMinute + s);
  if (times.empty()) return std::nullopt;
  int64_t within_day = 0;
  for (size_t i = 1; i < times.size(); ++i) within_day = std::max(within_day, times[i] - times[i - 1]);

  bool calendar = c.dom_restricted || (c.month.count() < 12);
  int horizon = calendar ? 8 * 366 : 14;
  int y = 2024, mo = 1, d = 1, weekday = 1;  // 2024-01-01 is a Monday
  std::optional<int64_t> last_run;
  int64_t longest = 0;
  size_t runs = 0;
  for (int day = 0; day < horizon; ++day) {
    bool dom_ok = c.dom[d], dow_ok = c.dow[weekday];
    bool day_ok = c.dom_restricted && c.dow_restricted ? (dom_ok || dow_ok) : (dom_ok && dow_ok);
    if (c.month[mo] && day_ok) {
      int64_t base = static_cast<int64_t>(day) * kDay;
      if (last_run) longest = std::max(longest, base + times.front() - *last_run);
      longest = std::max(longest, within_day);
      last_run = base + times.back();
      runs += times.size();
    }
    weekday = (weekday + 1) % 7;
    if (++d > days_in_month(y, mo)) {
      d = 1;
      if (++mo > 12) {
        mo = 1;
        ++y;
      }
    }
  }
  if (runs < 2 || longest <= 0) return std::nullopt;
  return longest;
}

}  // namespace

std::optional<int64_t> cron_interval_seconds(std::string_view expr, bool quartz) {
  std::vector<std::string> f = fields_of(expr);
  std::string sec = "0", min, hour, dom, month, dow;
  if (quartz) {
    if (f.size() != 6 && f.size() != 7) return std::nullopt;
    if (f.size() == 7 && f[6] != "*" && f[6] != "?") return std::nullopt;
    sec = f[0], min = f[1], hour = f[2], dom = f[3], month = f[4], dow = f[5];
  } else if (f.size() == 5 || f.size() == 6) {
    min = f[0], hour = f[1], dom = f[2], month = f[3], dow = f[4];
    if (f.size() == 6) sec = f[5];  // croniter: seconds come last
  } else {
    return std::nullopt;
  }
  static const FieldSpec kSec{0, 59}, kMin{0, 59}, kHourSpec{0, 23}, kDom{1, 31};
  static const FieldSpec kMonth{1, 12, kMonths, 12, 1};
  static const FieldSpec kDowUnix{0, 7, kDays, 7, 0}, kDowQuartz{1, 7, kDays, 7, 1};
  Cron c;
  auto s = parse_field(sec, kSec), mi = parse_field(min, kMin), h = parse_field(hour, kHourSpec);
  auto dm = parse_field(dom, kDom), mo = parse_field(month, kMonth);
  auto dw = parse_field(dow, quartz ? kDowQuartz : kDowUnix);
  if (!s || !mi || !h || !dm || !mo || !dw) return std::nullopt;
  c.sec = *s, c.min = *mi, c.hour = *h, c.dom = *dm, c.month = *mo;
  for (int v = 0; v < 8; ++v)
    if ((*dw)[v]) c.dow.set(quartz ? static_cast<size_t>(v - 1) : static_cast<size_t>(v % 7));
  c.dom_restricted = restricts(dom);
  c.dow_restricted = restricts(dow);
  return longest_gap(c);
}

std::optional<int64_t> preset_interval_seconds(std::string_view preset) {
  std::string p = lower(trim(preset));
  if (p == "@hourly") return kHour;
  if (p == "@daily" || p == "@midnight") return kDay;
  if (p == "@weekly") return 7 * kDay;
  if (p == "@monthly") return cron_interval_seconds("0 0 1 * *");
  if (p == "@quarterly") return cron_interval_seconds("0 0 1 */3 *");
  if (p == "@yearly" || p == "@annually") return cron_interval_seconds("0 0 1 1 *");
  return std::nullopt;
}

std::optional<int64_t> timedelta_interval_seconds(std::string_view text) {
  size_t open = text.find('('), close = text.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close <= open) return std::nullopt;
  std::string callee = trim(text.substr(0, open));
  bool relative = callee.size() >= 13 && callee.compare(callee.size() - 13, 13, "relativedelta") == 0;
  if (!relative && (callee.size() < 9 || callee.compare(callee.size() - 9, 9, "timedelta") != 0)) return std::nullopt;
  static const std::array<std::pair<const char*, double>, 7> kUnits{{{"weeks", 7.0 * kDay},
                                                                      {"days", 1.0 * kDay},
                                                                      {"hours", 1.0 * kHour},
                                                                      {"minutes", 1.0 * kMinute},
                                                                      {"seconds", 1.0},
                                                                      {"months", 31.0 * kDay},
                                                                      {"years", 366.0 * kDay}}};
  double total = 0;
  std::vector<std::string> args = split(text.substr(open + 1, close - open - 1), ',');
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = trim(args[i]);
    if (arg.empty()) continue;
    std::string key = relative ? "" : "days", value = arg;
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      key = trim(arg.substr(0, eq));
      value = trim(arg.substr(eq + 1));
    } else if (i > 0) {
      return std::nullopt;  // only the first positional argument (days) is understood
    }
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (value.empty() || end != value.c_str() + value.size()) return std::nullopt;
    auto unit = std::find_if(kUnits.begin(), kUnits.end(), [&](const auto& u) { return key == u.first; });
    if (unit == kUnits.end() || (!relative && (key == "months" || key == "years"))) return std::nullopt;
    total += v * unit->second;
  }
  if (total < 1 || total > 1e12) return std::nullopt;
  return static_cast<int64_t>(total);
}

std::optional<int64_t> periodic_interval_seconds(std::string_view text) {
  std::vector<std::string> f = fields_of(text);
  if (f.size() != 2 || f[0].size() > 6 ||
      !std::all_of(f[0].begin(), f[0].end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  int64_t n = std::atoll(f[0].c_str());
  std::string unit = lower(f[1]);
  int64_t per = unit == "minutes" ? kMinute : unit == "hours" ? kHour : unit == "days" ? kDay : unit == "weeks" ? 7 * kDay : 0;
  if (n <= 0 || per == 0) return std::nullopt;
  return n * per;
}

std::optional<int64_t> schedule_interval_seconds(const DagRecord& dag) {
  const std::string& k = dag.schedule_kind;
  if (k == "cron") return cron_interval_seconds(dag.schedule, dag.source == "bundle");
  if (k == "preset") return preset_interval_seconds(dag.schedule);
  if (k == "timedelta") return timedelta_interval_seconds(dag.schedule);
  if (k == "periodic") return periodic_interval_seconds(dag.schedule);
  return std::nullopt;
}

std::string duration_text(int64_t seconds) {
  if (seconds <= 0) return "0 s";
  if (seconds % kDay == 0 && seconds > 72 * kHour) return std::to_string(seconds / kDay) + " d";
  std::string out;
  auto part = [&](int64_t n, const char* unit) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    out += std::to_string(n) + " " + unit;
  };
  part(seconds / kHour, "h");
  part(seconds % kHour / kMinute, "min");
  part(seconds % kMinute, "s");
  return out;
}

}  // namespace pipelint

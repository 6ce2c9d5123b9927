#include "parsers/contracts/semver.h"

#include <cctype>
#include <limits>

namespace pipelint {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A numeric identifier: digits, no leading zero unless it is "0".
std::optional<uint64_t> numeric(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  if (s.size() > 1 && s[0] == '0') return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (!is_digit(c)) return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

// Dot-separated identifiers of [0-9A-Za-z-], none empty; numeric ones without leading zeros.
bool valid_identifiers(std::string_view s, bool numeric_leading_zero_allowed) {
  if (s.empty()) return false;
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    std::string_view id = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (id.empty()) return false;
    bool all_digits = true;
    for (char c : id) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
      if (!is_digit(c)) all_digits = false;
    }
    if (all_digits && !numeric_leading_zero_allowed && id.size() > 1 && id[0] == '0') return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

}  // namespace

std::optional<SemVer> parse_semver(std::string_view text) {
  std::string_view core = text;
  std::string_view pre;
  size_t plus = core.find('+');
  if (plus != std::string_view::npos) {
    if (!valid_identifiers(core.substr(plus + 1), true)) return std::nullopt;
    core = core.substr(0, plus);
  }
  size_t dash = core.find('-');
  if (dash != std::string_view::npos) {
    pre = core.substr(dash + 1);
    if (!valid_identifiers(pre, false)) return std::nullopt;
    core = core.substr(0, dash);
  }
  size_t d1 = core.find('.');
  if (d1 == std::string_view::npos) return std::nullopt;
  size_t d2 = core.find('.', d1 + 1);
  if (d2 == std::string_view::npos) return std::nullopt;
  auto ma = numeric(core.substr(0, d1));
  auto mi = numeric(core.substr(d1 + 1, d2 - d1 - 1));
  auto pa = numeric(core.substr(d2 + 1));
  if (!ma || !mi || !pa) return std::nullopt;
  return SemVer{*ma, *mi, *pa, std::string(pre)};
}

bool is_major_bump(const SemVer& older, const SemVer& newer) {
  if (newer.major != older.major) return newer.major > older.major;
  return older.major == 0 && newer.minor > older.minor;
}

}  // namespace pipelint

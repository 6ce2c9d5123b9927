// Semantic versions (semver.org 2.0.0) of contracts: CTR001 checks the form,
// CTR002 asks whether a change bumped the major version.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pipelint {

struct SemVer {
  uint64_t major = 0;
  uint64_t minor = 0;
  uint64_t patch = 0;
  std::string prerelease;  // after '-', "" when none (build metadata after '+' is dropped)
};

// MAJOR.MINOR.PATCH[-prerelease][+build], no leading zeros; nullopt otherwise.
std::optional<SemVer> parse_semver(std::string_view text);

// True when `newer` has a higher major version than `older`; for 0.x versions
// (where semver allows anything to change) a minor bump counts as major.
bool is_major_bump(const SemVer& older, const SemVer& newer);

}  // namespace pipelint

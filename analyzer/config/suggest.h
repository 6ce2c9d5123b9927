// "Did you mean ...?" for misspelt keys and values.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pipelint::cfg {

// The candidate closest to `word` (case-insensitive edit distance of at most
// a third of its length, at least 1) or the first it abbreviates, or "" when
// none is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace pipelint::cfg

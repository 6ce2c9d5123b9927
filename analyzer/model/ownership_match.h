// Matching the registry's table globs (`owns`, `publishes`) against resolved
// table names, including partly known ones, fast enough for a whole platform.
//
// Partial names are matched "on what is known": a placeholder `{x}` stands for
// any text inside its segment, so a glob matches a partial name when SOME value of
// the placeholders would make it match (`*_de.silver_billing.*` could match
// `{catalog}.silver_billing.readings`; `*.gold_commercial.*` could not match
// `{catalog}.silver_billing.readings`). The rules then only conclude what holds for
// every value: a write is another team's only when no candidate owner is the
// writer's team.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pipelint {

// Does `glob` (table_glob_match syntax) match `name` for some value of the
// {placeholders} in `name`? Without placeholders this is table_glob_match.
bool name_could_match(std::string_view glob, std::string_view name);

// table_glob_match, without allocating for globs of literals and '*' only.
bool fast_table_glob_match(std::string_view glob, std::string_view name);

// Many globs, each with a value (a team's index); answers "which values have a
// glob that matches this name". Fully known names are looked up through an index
// on the literal suffix of the catalog or schema segment of each glob (a name's
// segment must end with it), so the cost per name does not grow with the number
// of teams; names with placeholders are compared with every glob.
class GlobIndex {
 public:
  void add(const std::string& glob, uint32_t value);
  // Appends (value, glob) for every glob that matches (could match) `name`,
  // ordered by the order the globs were added.
  void matches(std::string_view name, std::vector<std::pair<uint32_t, const std::string*>>& out) const;

 private:
  struct Entry {
    std::string glob;
    uint32_t value;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using SuffixMap = std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>>;

  std::vector<Entry> entries_;
  SuffixMap by_suffix_[2];         // segment 0 (catalog) or 1 (schema) → entry indices
  std::vector<uint32_t> general_;  // globs with no literal segment suffix to index on
};

}  // namespace pipelint

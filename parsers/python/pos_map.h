// Byte offset -> 1-based (line, column in code points) for a file whose bytes
// are gone: keeps line starts and a copy of the few non-ASCII lines only.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pipelint::py {

class PosMap {
 public:
  PosMap() = default;
  explicit PosMap(std::string_view text);
  std::pair<uint32_t, uint32_t> position(size_t offset) const;

 private:
  std::vector<uint32_t> starts_{0};
  std::unordered_map<uint32_t, std::string> non_ascii_lines_;  // 0-based line -> bytes
  size_t size_ = 0;
};

}  // namespace pipelint::py

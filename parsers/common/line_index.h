// Maps byte offsets of a file to 1-based line and column (column in code points).
#pragma once
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace pipelint {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // 1-based line and column (code points) of a byte offset (clamped to the text).
  std::pair<uint32_t, uint32_t> position(size_t offset) const;
  // Byte offset of the start of a 1-based line.
  size_t line_start(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

}  // namespace pipelint

#include "parsers/python/pos_map.h"

#include <algorithm>

namespace pipelint::py {

PosMap::PosMap(std::string_view text) : size_(text.size()) {
  bool ascii = true;
  size_t line_start = 0;
  auto close_line = [&](size_t end) {
    if (!ascii)
      non_ascii_lines_.emplace(static_cast<uint32_t>(starts_.size() - 1),
                               std::string(text.substr(line_start, end - line_start)));
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) ascii = false;
    if (c == '\n') {
      close_line(i);
      starts_.push_back(static_cast<uint32_t>(i + 1));
      line_start = i + 1;
      ascii = true;
    }
  }
  close_line(text.size());
}

std::pair<uint32_t, uint32_t> PosMap::position(size_t offset) const {
  offset = std::min(offset, size_);
  auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<uint32_t>(offset));
  uint32_t line = static_cast<uint32_t>(it - starts_.begin());  // 1-based
  size_t start = starts_[line - 1];
  auto na = non_ascii_lines_.find(line - 1);
  if (na == non_ascii_lines_.end()) return {line, static_cast<uint32_t>(offset - start + 1)};
  uint32_t col = 1;
  const std::string& bytes = na->second;
  for (size_t i = 0; i < offset - start && i < bytes.size(); ++i)
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++col;
  return {line, col};
}

}  // namespace pipelint::py

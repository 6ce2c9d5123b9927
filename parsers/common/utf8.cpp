#include "parsers/common/utf8.h"

namespace pipelint::utf8 {

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  decode(text, [&](char32_t cp) {
    const bool control = (cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
    append(out, control ? kReplacement : cp);
  });
  return out;
}

size_t byte_offset_of_column(std::string_view text, uint32_t col) {
  uint32_t current = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (current >= col) return i;
    // Count a code point at each byte that is not a continuation byte.
    const auto next = static_cast<unsigned char>(i + 1 < text.size() ? text[i + 1] : 0);
    if (i + 1 >= text.size() || (next & 0xC0) != 0x80) ++current;
  }
  return text.size();
}

}  // namespace pipelint::utf8

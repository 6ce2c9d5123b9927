// UTF-8 decoding and encoding shared by the parsers and the writers. Invalid sequences decode to U+FFFD the
// way the WHATWG Encoding Standard (and so Node.js) does: one replacement per
// maximal ill-formed subpart.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace pipelint::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Calls emit(code_point) for every code point of `text`.
template <typename Emit>
void decode(std::string_view text, Emit&& emit) {
  char32_t cp = 0;
  int needed = 0, seen = 0;
  unsigned char lower = 0x80, upper = 0xBF;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (needed == 0) {
      ++i;
      if (b <= 0x7F) {
        emit(static_cast<char32_t>(b));
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1, cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2, cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3, cp = b & 0x07;
      } else {
        emit(kReplacement);
      }
      continue;
    }
    if (b < lower || b > upper) {  // the byte starts something new: do not consume it
      needed = seen = 0, cp = 0, lower = 0x80, upper = 0xBF;
      emit(kReplacement);
      continue;
    }
    ++i;
    lower = 0x80, upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    if (++seen == needed) {
      emit(cp);
      needed = seen = 0, cp = 0;
    }
  }
  if (needed != 0) emit(kReplacement);
}

void append(std::string& out, char32_t cp);

// Valid UTF-8 with invalid sequences replaced and control characters other than
// tab replaced by U+FFFD (so source text cannot inject terminal escapes).
std::string printable(std::string_view text);

// Byte offset where 1-based code point column `col` starts (text.size() past the end).
size_t byte_offset_of_column(std::string_view text, uint32_t col);

}  // namespace pipelint::utf8

#include "analyzer/driver/source_checks.h"

#include <cstring>
#include <string>

#include "parsers/common/line_index.h"

namespace pipelint {

size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
    else return i;
    if (i + len > n) return i;
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

ByteCheck check_bytes(std::string_view bytes) {
  ByteCheck out;
  if (bytes.size() > kMaxFileBytes) {
    out.fatal = true;
    out.diagnostic = Diagnostic{1, 1, "SYN001",
                                "file is " + std::to_string(bytes.size() >> 20) + " MiB, over the " +
                                    std::to_string(kMaxFileBytes >> 20) + " MiB limit: not analysed"};
    return out;
  }
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    size_t off = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
    auto [line, col] = LineIndex(bytes).position(off);
    out.fatal = true;
    out.diagnostic = Diagnostic{line, col, "SYN001", "binary content (NUL byte): file not analysed"};
    return out;
  }
  size_t bad = first_invalid_utf8(bytes);
  if (bad != std::string_view::npos) {
    auto [line, col] = LineIndex(bytes).position(bad);
    out.diagnostic = Diagnostic{line, col, "SYN001",
                                "invalid UTF-8 at byte " + std::to_string(bad) +
                                    ": names on this line may be wrong; the rest of the file is analysed"};
  }
  return out;
}

}  // namespace pipelint

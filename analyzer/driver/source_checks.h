// Checks on a file's bytes before any parser sees them (SPEC 6: bad input).
#pragma once
#include <optional>
#include <string_view>

#include "parsers/common/records.h"

namespace pipelint {

constexpr size_t kMaxFileBytes = 16u << 20;  // larger files are skipped with a finding

// A SYN001 diagnostic when the bytes cannot be analysed at all (binary, too large);
// `fatal` says whether to skip the file.
struct ByteCheck {
  std::optional<Diagnostic> diagnostic;
  bool fatal = false;
};
ByteCheck check_bytes(std::string_view bytes);

// Offset of the first byte that is not valid UTF-8, or npos.
size_t first_invalid_utf8(std::string_view bytes);

}  // namespace pipelint

#include "parsers/contracts/contract_text.h"

#include <cstring>
#include <string>

#include "parsers/common/line_index.h"
#include "parsers/contracts/contract_loader.h"

namespace pipelint::contracts {
namespace {

// Length of the valid UTF-8 sequence at `i`, or 0.
size_t utf8_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) { len = 3; lo = 0xA0; }
  else if (c >= 0xE1 && c <= 0xEC) len = 3;
  else if (c == 0xED) { len = 3; hi = 0x9F; }
  else if (c >= 0xEE && c <= 0xEF) len = 3;
  else if (c == 0xF0) { len = 4; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else if (c == 0xF4) { len = 4; hi = 0x8F; }
  else return 0;
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return len;
}

}  // namespace

std::string_view strip_bom(std::string_view bytes) {
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) bytes.remove_prefix(3);
  return bytes;
}

std::optional<ContractIssue> check_contract_bytes(std::string_view bytes) {
  if (bytes.size() > kMaxContractBytes)
    return ContractIssue{1, 1, "file too large for a data contract (" + std::to_string(bytes.size() >> 20) +
                                   " MiB; the limit is " + std::to_string(kMaxContractBytes >> 20) + " MiB)"};
  for (size_t i = 0; i < bytes.size();) {
    if (bytes[i] == '\0') {
      auto [line, col] = LineIndex(bytes).position(i);
      return ContractIssue{line, col, "binary file: NUL byte, not YAML text"};
    }
    size_t len = utf8_sequence(bytes, i);
    if (len == 0) {
      auto [line, col] = LineIndex(bytes).position(i);
      return ContractIssue{line, col, "invalid UTF-8 at byte " + std::to_string(i) + ": YAML must be UTF-8 text"};
    }
    i += len;
  }
  return std::nullopt;
}

}  // namespace pipelint::contracts

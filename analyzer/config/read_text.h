// Reading a configuration file's bytes, refusing what is not YAML text.
#pragma once
#include <cstdint>
#include <string>

namespace pipelint::cfg {

struct ConfigText {
  std::string text;    // without a UTF-8 byte-order mark
  std::string error;   // "" when usable
  uint32_t line = 1;   // where the problem is, for invalid bytes
  uint32_t col = 1;
};

constexpr size_t kMaxConfigBytes = 8u << 20;

// Reads `path`; a missing/unreadable file, a directory, a file over
// kMaxConfigBytes, NUL bytes or invalid UTF-8 set `error`.
ConfigText read_config_text(const std::string& path);

}  // namespace pipelint::cfg

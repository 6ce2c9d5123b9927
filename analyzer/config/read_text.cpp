#include "analyzer/config/read_text.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace pipelint::cfg {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if it is invalid.
size_t utf8_length(const std::string& s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  static const uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

void locate(ConfigText& out, size_t offset) {
  out.line = 1;
  out.col = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (out.text[i] == '\n') { ++out.line; out.col = 1; }
    else if ((static_cast<unsigned char>(out.text[i]) & 0xC0) != 0x80) ++out.col;
  }
}

}  // namespace

ConfigText read_config_text(const std::string& path) {
  namespace fs = std::filesystem;
  ConfigText out;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    out.error = "cannot read the configuration: it is a directory";
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.error = std::string("cannot read the configuration: ") + std::strerror(errno);
    return out;
  }
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.text.append(buf, static_cast<size_t>(in.gcount()));
    if (out.text.size() > kMaxConfigBytes) {
      out.error = "configuration file larger than " + std::to_string(kMaxConfigBytes >> 20) + " MiB";
      out.text.clear();
      return out;
    }
  }
  if (in.bad()) {
    out.error = "cannot read the configuration: read error";
    return out;
  }
  if (out.text.compare(0, 3, "\xEF\xBB\xBF") == 0) out.text.erase(0, 3);
  for (size_t i = 0; i < out.text.size();) {
    if (out.text[i] == '\0') {
      locate(out, i);
      out.error = "not a text file: it contains NUL bytes";
      return out;
    }
    size_t n = utf8_length(out.text, i);
    if (n == 0) {
      locate(out, i);
      out.error = "not valid UTF-8 text";
      return out;
    }
    i += n;
  }
  return out;
}

}  // namespace pipelint::cfg

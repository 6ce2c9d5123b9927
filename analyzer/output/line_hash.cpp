// GitHub's primaryLocationLineHash, as computed by the codeql-action upload
// (src/fingerprints.ts): for every line, a polynomial rolling hash (base 37,
// 64-bit wraparound) over the next 100 UTF-16 code units of the file with spaces
// and tabs removed and CR / CRLF turned into LF, starting at the line's first
// such unit. A sentinel 65535 marks the end of the file and zeros pad the window.
// The hash is printed as unsigned hex, then ":" and how many lines so far had it.
#include <array>
#include <unordered_map>

#include <fmt/format.h>

#include "analyzer/output/report.h"
#include "parsers/common/utf8.h"

namespace pipelint {
namespace {

constexpr size_t kWindow = 100;
constexpr uint64_t kBase = 37;
constexpr uint32_t kEndOfFile = 65535;

class LineHasher {
 public:
  LineHasher() {
    line_at_.fill(kNoLine);
    for (size_t i = 0; i < kWindow; ++i) base_pow_window_ *= kBase;
  }

  void add_code_point(char32_t cp) {
    if (cp >= 0x10000) {  // the action hashes UTF-16 code units: a surrogate pair
      cp -= 0x10000;
      add_unit(0xD800 + (cp >> 10));
      add_unit(0xDC00 + (cp & 0x3FF));
    } else {
      add_unit(cp);
    }
  }

  std::vector<std::string> finish() {
    add_unit(kEndOfFile);
    for (size_t i = 0; i < kWindow; ++i) {
      if (line_at_[index_] != kNoLine) emit();
      roll(0);
    }
    return std::move(hashes_);
  }

 private:
  static constexpr uint64_t kNoLine = 0;

  void add_unit(uint32_t unit) {
    if (unit == ' ' || unit == '\t' || (prev_cr_ && unit == '\n')) {
      prev_cr_ = false;
      return;
    }
    prev_cr_ = unit == '\r';
    if (prev_cr_) unit = '\n';
    if (line_at_[index_] != kNoLine) emit();
    if (line_start_) {
      line_start_ = false;
      line_at_[index_] = ++line_;
    }
    if (unit == '\n') line_start_ = true;
    roll(unit);
  }

  void roll(uint32_t unit) {
    const uint32_t leaving = window_[index_];
    window_[index_] = unit;
    hash_ = kBase * hash_ + unit - base_pow_window_ * leaving;  // mod 2^64 like Long.js
    index_ = (index_ + 1) % kWindow;
  }

  // Called when the window that started at a line's first unit is complete.
  void emit() {
    const uint32_t occurrence = ++occurrences_[hash_];
    const uint64_t line = line_at_[index_];
    if (hashes_.size() < line) hashes_.resize(line);
    hashes_[line - 1] = fmt::format("{:x}:{}", hash_, occurrence);
    line_at_[index_] = kNoLine;
  }

  std::array<uint32_t, kWindow> window_{};
  std::array<uint64_t, kWindow> line_at_{};  // line starting at this window slot
  uint64_t base_pow_window_ = 1;
  uint64_t hash_ = 0;
  size_t index_ = 0;
  uint64_t line_ = 0;
  bool line_start_ = true;
  bool prev_cr_ = false;
  std::unordered_map<uint64_t, uint32_t> occurrences_;
  std::vector<std::string> hashes_;
};

}  // namespace

std::vector<std::string> github_line_hashes(const std::string& content) {
  LineHasher hasher;
  utf8::decode(content, [&](char32_t cp) { hasher.add_code_point(cp); });
  return hasher.finish();
}

}  // namespace pipelint

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "analyzer/output/report.h"

namespace pipelint {
namespace {

// Larger files are not shown or hashed; nothing we analyse comes near this.
constexpr uintmax_t kMaxSourceBytes = 256u * 1024 * 1024;
// A NUL byte in the first block means a binary file: no excerpt, no line hash.
constexpr size_t kBinarySniffBytes = 8192;

bool read_text_file(const std::filesystem::path& p, std::string& out) {
  std::error_code ec;
  // Only regular files: a FIFO or device would block or never end.
  if (!std::filesystem::is_regular_file(p, ec) || ec) return false;
  const uintmax_t size = std::filesystem::file_size(p, ec);
  if (ec || size > kMaxSourceBytes) return false;
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(static_cast<size_t>(size), '\0');
  in.read(out.data(), static_cast<std::streamsize>(size));
  out.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return false;
  const size_t sniff = std::min(out.size(), kBinarySniffBytes);
  return std::find(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(sniff), '\0') ==
         out.begin() + static_cast<std::ptrdiff_t>(sniff);
}

}  // namespace

const std::string* SourceProvider::content(const std::string& path) {
  if (auto it = overrides_.find(path); it != overrides_.end()) return &it->second;
  if (auto it = cache_.find(path); it != cache_.end()) return &it->second;
  if (missing_.count(path)) return nullptr;
  std::filesystem::path p(path);
  if (p.is_relative() && !cwd_.empty()) p = std::filesystem::path(cwd_) / p;
  std::string text;
  if (path.empty() || !read_text_file(p, text)) {
    missing_[path] = true;
    return nullptr;
  }
  return &cache_.emplace(path, std::move(text)).first->second;
}

// Lines end at "\n"; a "\r" before it is dropped (CRLF files), as the parsers count.
std::string SourceProvider::line(const std::string& path, uint32_t line) {
  const std::string* text = content(path);
  if (!text || line == 0) return "";
  auto it = line_starts_.find(path);
  if (it == line_starts_.end()) {
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < text->size(); ++i)
      if ((*text)[i] == '\n') starts.push_back(i + 1);
    it = line_starts_.emplace(path, std::move(starts)).first;
  }
  const std::vector<size_t>& starts = it->second;
  if (line > starts.size()) return "";
  const size_t begin = starts[line - 1];
  size_t end = line < starts.size() ? starts[line] - 1 : text->size();
  if (begin >= text->size() && line > 1) return "";
  if (end > begin && (*text)[end - 1] == '\r') --end;
  return text->substr(begin, end - begin);
}

}  // namespace pipelint

#include "analyzer/cli/progress.h"

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace pipelint::cli {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string with_commas(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string progress_line(size_t files_done, size_t files_total, size_t repos_done, size_t repos_total,
                          size_t width) {
  size_t filled = files_total == 0 ? width : std::min(width, files_done * width / files_total);
  // Appends only: GCC 12 reports a false -Wrestrict on "literal" + std::string.
  std::string line;
  line.append(1, '[').append(filled, '#').append(width - filled, '.').append("]  ");
  line.append(with_commas(files_done)).append(1, '/').append(with_commas(files_total)).append(" files  ");
  line.append(with_commas(repos_done)).append(1, '/').append(with_commas(repos_total));
  line.append(repos_total == 1 ? " repository" : " repositories");
  return line;
}

ProgressBar::ProgressBar(bool enabled) : active_(enabled && isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(size_t files_done, size_t files_total, size_t repos_done, size_t repos_total) {
  if (!active_) return;
  std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another thread is drawing
  auto now = std::chrono::steady_clock::now();
  bool last = files_done == files_total;
  if (!last && now - last_ < kRedrawInterval) return;
  last_ = now;
  draw(progress_line(files_done, files_total, repos_done, repos_total, 30));
}

void ProgressBar::stage(const std::string& label) {
  if (!active_) return;
  std::lock_guard<std::mutex> lock(mu_);
  std::string line = label;
  draw(line.append("..."));
}

void ProgressBar::clear() {
  if (!active_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (last_width_ == 0) return;
  std::fprintf(stderr, "\r%s\r", std::string(last_width_, ' ').c_str());
  std::fflush(stderr);
  last_width_ = 0;
}

// Caller holds mu_. Pads with spaces over a longer previous line.
void ProgressBar::draw(const std::string& line) {
  std::string text(1, '\r');
  text.append(line);
  if (line.size() < last_width_) text.append(last_width_ - line.size(), ' ');
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
  last_width_ = line.size();
}

}  // namespace pipelint::cli

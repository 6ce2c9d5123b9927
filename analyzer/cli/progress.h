// A one-line progress bar on stderr for long runs (pipelint audit): files parsed
// out of the total and repositories done. Drawn only when stderr is a terminal.
// update() may be called from many threads at once: a call that finds another
// drawing, or comes within the redraw interval, returns at once.
#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace pipelint::cli {

class ProgressBar {
 public:
  // Draws when `enabled` and stderr is a terminal.
  explicit ProgressBar(bool enabled);
  ~ProgressBar();  // clears the line if something was drawn
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  bool active() const { return active_; }
  void update(size_t files_done, size_t files_total, size_t repos_done, size_t repos_total);
  // The phase after the parse ("linking", "rules", "writing"): a short label.
  void stage(const std::string& label);
  void clear();

 private:
  void draw(const std::string& line);

  bool active_ = false;
  std::mutex mu_;
  std::chrono::steady_clock::time_point last_{};
  size_t last_width_ = 0;
};

// "[#########...........]  412/1,000 files  3/10 repositories"; width = bar cells.
std::string progress_line(size_t files_done, size_t files_total, size_t repos_done, size_t repos_total,
                          size_t width);

}  // namespace pipelint::cli

// bench_bare_parse: the parsing floor. Reads every .py file under a folder,
// parses it with tree-sitter-python on N threads, frees each tree, and prints
// files, bytes, wall milliseconds, files/s and MB/s. File reading is included
// in the wall time because pipelint has to read the files too.
//
// Usage: bench_bare_parse DIR [--jobs N] [--repeat R]
#include <tree_sitter/api.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string dir;
  unsigned jobs = 1;
  unsigned repeat = 1;
};

bool parse_uint(std::string_view text, unsigned& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out > 0;
}

bool parse_args(int argc, char** argv, Options& opt) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if ((arg == "--jobs" || arg == "-j") && i + 1 < argc) {
      if (!parse_uint(argv[++i], opt.jobs)) return false;
    } else if (arg == "--repeat" && i + 1 < argc) {
      if (!parse_uint(argv[++i], opt.repeat)) return false;
    } else if (!arg.empty() && arg[0] != '-' && opt.dir.empty()) {
      opt.dir = std::string(arg);
    } else {
      return false;
    }
  }
  return !opt.dir.empty();
}

// Sorted so that every run hands the threads the same sequence of files.
std::vector<fs::path> python_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && it->path().extension() == ".py") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Totals {
  std::atomic<size_t> bytes{0};
  std::atomic<size_t> parsed{0};
  std::atomic<size_t> with_errors{0};
};

void worker(const std::vector<fs::path>& files, std::atomic<size_t>& next, Totals& totals) {
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_python());
  std::string content;
  for (size_t i = next.fetch_add(1); i < files.size(); i = next.fetch_add(1)) {
    std::ifstream in(files[i], std::ios::binary);
    if (!in) continue;
    content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    // tree-sitter takes a 32-bit length; such a file is not source code.
    if (content.size() > std::numeric_limits<uint32_t>::max()) continue;
    TSTree* tree = ts_parser_parse_string(parser, nullptr, content.data(),
                                          static_cast<uint32_t>(content.size()));
    if (tree) {
      if (ts_node_has_error(ts_tree_root_node(tree))) totals.with_errors.fetch_add(1);
      ts_tree_delete(tree);
    }
    totals.bytes.fetch_add(content.size());
    totals.parsed.fetch_add(1);
  }
  ts_parser_delete(parser);
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!parse_args(argc, argv, opt)) {
    std::fprintf(stderr, "usage: bench_bare_parse DIR [--jobs N] [--repeat R]\n");
    return 2;
  }
  std::error_code ec;
  if (!fs::is_directory(opt.dir, ec)) {
    std::fprintf(stderr, "bench_bare_parse: not a folder: %s\n", opt.dir.c_str());
    return 2;
  }
  const std::vector<fs::path> files = python_files(opt.dir);

  double best_ms = -1;
  Totals last;
  for (unsigned round = 0; round < opt.repeat; ++round) {
    Totals totals;
    std::atomic<size_t> next{0};
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < opt.jobs; ++t)
      threads.emplace_back(worker, std::cref(files), std::ref(next), std::ref(totals));
    for (auto& t : threads) t.join();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (best_ms < 0 || ms < best_ms) best_ms = ms;
    last.bytes = totals.bytes.load();
    last.parsed = totals.parsed.load();
    last.with_errors = totals.with_errors.load();
  }

  const double seconds = best_ms / 1000.0;
  const double mb = static_cast<double>(last.bytes.load()) / (1024.0 * 1024.0);
  std::printf("files %zu\nbytes %zu\nwith_errors %zu\njobs %u\nms %.1f\nfiles_per_s %.0f\nmb_per_s %.2f\n",
              last.parsed.load(), last.bytes.load(), last.with_errors.load(), opt.jobs, best_ms,
              seconds > 0 ? static_cast<double>(last.parsed.load()) / seconds : 0.0,
              seconds > 0 ? mb / seconds : 0.0);
  return 0;
}

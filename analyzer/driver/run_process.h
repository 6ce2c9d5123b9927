// Runs a program without a shell and captures what it writes to stdout
// (contract_base.cpp runs git this way).
#pragma once
#include <string>
#include <vector>

namespace pipelint {

struct ProcessResult {
  bool started = false;  // false when the program could not be run (not installed)
  int exit_code = -1;    // the exit status; -1 when it was killed by a signal
  std::string out;       // everything written to stdout
  std::string err;       // the first KiB of stderr, for error messages
};

// argv[0] is looked up in PATH. stdin is /dev/null.
ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace pipelint

// How paths are shown to the user.
#pragma once
#include <string>

namespace pipelint {

// The display form of a path: relative to `cwd` (forward slashes) when it is
// under it, else the normalised path as given.
std::string display_path(const std::string& path, const std::string& cwd);

}  // namespace pipelint

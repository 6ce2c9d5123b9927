// Finds the files to analyse under the given paths: recursive, respecting
// .gitignore files, hidden folders and --exclude globs; a file named explicitly
// is always analysed. Symlinked folders are followed once (loops are reported).
#pragma once
#include <string>
#include <vector>

#include "analyzer/model/paths.h"
#include "analyzer/output/report.h"

namespace pipelint {

enum class FileType { Python, Sql, Yaml };

struct DiscoveredFile {
  std::string abs_path;
  FileType type = FileType::Python;
};

struct Discovery {
  std::vector<DiscoveredFile> files;   // sorted by abs_path, no duplicates
  std::vector<FileFailure> notes;      // folders or files that could not be walked or read
};

// `excludes` are globs matched against paths relative to each root (and file names).
Discovery discover_files(const std::vector<std::string>& paths, const std::vector<std::string>& excludes,
                         const std::string& cwd);


// Which analysed file type a name has, if any.
bool file_type_of(const std::string& name, FileType& type);

}  // namespace pipelint

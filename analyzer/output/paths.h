// Paths and URIs for the writers.
#pragma once
#include <string>

namespace pipelint {

// Percent-encodes everything but unreserved characters and "/" (RFC 3986), so a
// path with spaces, "%", "#" or a ":" in its first segment is a valid relative URI.
std::string percent_encode_path(const std::string& path);

// "file:///abs/dir/" for an absolute folder (trailing slash as SARIF requires
// for uriBaseIds).
std::string file_uri_of_folder(const std::string& abs_dir);
std::string file_uri_of_file(const std::string& abs_path);

}  // namespace pipelint

// Escaping helpers of the catalog page, exposed for the tests.
#pragma once
#include <string>

namespace pipelint {

// Text for HTML content and quoted attribute values; invalid UTF-8 and control
// characters become U+FFFD.
std::string catalog_html_escape(const std::string& raw);

// JSON text safe inside <script type="application/json">: '<', '>', '&',
// U+2028 and U+2029 written as \u escapes (same JSON value).
std::string script_safe_json(const std::string& json);

}  // namespace pipelint

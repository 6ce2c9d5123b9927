// Inline suppression comments (SPEC 3):
//   # pipelint: ignore[OWN001,NS] until=2027-03-31 reason      (Python, notebooks, YAML)
//   -- pipelint: ignore[NS002] reason                          (SQL)
// A comment that trails code applies to its own line; a comment on a line of its
// own applies to the next line that is not itself only a comment. Only real
// comments count: a '#' inside a Python or YAML string is text. SQL comments inside
// Python triple-quoted strings (embedded SQL) and `# MAGIC -- ...` lines of %sql
// notebook cells count too.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pipelint {

struct Suppression {
  uint32_t line = 0;         // where the comment is (1-based)
  uint32_t col = 0;          // column of the comment marker (1-based, code points)
  uint32_t target_line = 0;  // the line whose findings it suppresses
  std::vector<std::string> rules;  // ids or prefixes as written, upper-cased ("OWN001", "NS", "ALL")
  std::string until;         // "YYYY-MM-DD" as written; "" when not given
  bool until_valid = true;   // false when until= is not a real calendar date
  std::string reason;        // free text after the ids and until=; "" when none
};

enum class CommentSyntax : uint8_t { Python, Yaml, Sql };

// Picks the syntax from the file name: .sql → Sql, .yaml/.yml → Yaml, else Python.
CommentSyntax comment_syntax_for(std::string_view path);

// Every suppression comment in `text`, in order. Linear in the size of the text;
// any bytes are accepted (binary, invalid UTF-8, NUL).
std::vector<Suppression> scan_suppressions(std::string_view text, CommentSyntax syntax);

// Is `date` a valid calendar date written YYYY-MM-DD?
bool is_iso_date(std::string_view date);

}  // namespace pipelint

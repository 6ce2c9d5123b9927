// The value lattice of name resolution (DESIGN-NOTES "Resolving names").
// A string value is a sequence of parts: literal text, a named hole, a
// reference to a parameter of the enclosing helper (bound at call sites), or a
// reference to a name imported from another module (bound in link()).
// Lists and dicts of such strings support loops, join and subscripts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parsers/common/records.h"

namespace pipelint::py {

struct VPart {
  enum class K : uint8_t { Text, Hole, Param, Import };
  K k = K::Text;
  std::string text;  // literal text, hole name, parameter name, or imported name
  HoleSource src = HoleSource::Unknown;
  std::optional<std::string> def;  // default for holes and parameters
  int64_t off = -1;                // byte offset in `origin`'s source of text[0] (1:1 text only)
  const void* origin = nullptr;    // the ModuleData whose source `off` points into
  int ref = -1;                    // parameter index (Param) or import id (Import)
  // The part was substituted into a template ({x} in an f-string, a .format
  // field, a %s): every character maps to `off`, where the substitution is written.
  bool anchored = false;

  bool same_value(const VPart& o) const {
    return k == o.k && text == o.text && src == o.src && def == o.def && ref == o.ref;
  }
};

struct VStr {
  std::vector<VPart> parts;

  static VStr text(std::string s, int64_t off = -1, const void* origin = nullptr);
  static VStr hole(std::string name, HoleSource src = HoleSource::Unknown,
                   std::optional<std::string> def = std::nullopt);
  void append(const VStr& o);
  void append_part(const VPart& p);
  bool known() const;  // only text
  bool has(VPart::K k) const;
  std::string known_text() const;  // text parts concatenated (holes as {name})
  bool same_value(const VStr& o) const;
  void strip_offsets();
  // Positions every part at one source offset (a substitution's `{` or `%`).
  void anchor_at(int64_t off, const void* origin);
};

struct Val {
  enum class T : uint8_t { Str, List, Dict } t = T::Str;
  VStr s;
  std::vector<Val> items;         // List elements, or Dict values
  std::vector<std::string> keys;  // Dict keys (known strings only)

  static Val str(VStr v) { Val x; x.s = std::move(v); return x; }
  static Val unknown(std::string name, HoleSource src = HoleSource::Variable) {
    return str(VStr::hole(std::move(name), src));
  }
  bool is_str() const { return t == T::Str; }
  bool same_value(const Val& o) const;
  // As a string: a list/dict becomes a hole named `name`.
  VStr as_str(const std::string& name) const;
  void strip_offsets();
};

// Python %-formatting and str.format over known templates. `args` are the
// positional arguments; `kwargs` the named ones (names in `kw_names`).
VStr percent_format(const VStr& fmt, const std::vector<Val>& args, const Val* dict);
VStr brace_format(const VStr& fmt, const std::vector<Val>& args,
                  const std::vector<std::string>& kw_names, const std::vector<Val>& kw_vals);
VStr join_values(const VStr& sep, const std::vector<Val>& items);

// Conversion to the record type (Param and Import parts become holes).
NameTemplate to_template(const VStr& v);

}  // namespace pipelint::py

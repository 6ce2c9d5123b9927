#include "parsers/python/value.h"

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace pipelint::py {

VStr VStr::text(std::string s, int64_t off, const void* origin) {
  VStr v;
  VPart p;
  p.text = std::move(s);
  p.off = off;
  p.origin = origin;
  v.parts.push_back(std::move(p));
  return v;
}

VStr VStr::hole(std::string name, HoleSource src, std::optional<std::string> def) {
  VStr v;
  VPart p;
  p.k = VPart::K::Hole;
  p.text = name.empty() ? std::string("?") : std::move(name);
  p.src = src;
  p.def = std::move(def);
  v.parts.push_back(std::move(p));
  return v;
}

void VStr::append_part(const VPart& p) {
  if (p.k == VPart::K::Text) {
    if (p.text.empty()) return;
    if (!parts.empty() && parts.back().k == VPart::K::Text) {
      auto& last = parts.back();
      if (last.anchored || p.anchored) {
        if (last.anchored && p.anchored && last.off == p.off && last.origin == p.origin)
          last.text += p.text;  // two pieces of one substitution
        else
          parts.push_back(p);
        return;
      }
      bool contiguous = last.off >= 0 && p.origin == last.origin &&
                        p.off == last.off + static_cast<int64_t>(last.text.size());
      // Merge only while the merged text still maps 1:1 onto one source range
      // (or neither piece maps anywhere); otherwise keep the pieces apart.
      if (contiguous || (last.off < 0 && p.off < 0)) {
        last.text += p.text;
        return;
      }
    }
  }
  parts.push_back(p);
}

void VStr::append(const VStr& o) {
  for (const auto& p : o.parts) append_part(p);
}

bool VStr::known() const {
  for (const auto& p : parts)
    if (p.k != VPart::K::Text) return false;
  return true;
}

bool VStr::has(VPart::K k) const {
  for (const auto& p : parts)
    if (p.k == k) return true;
  return false;
}

std::string VStr::known_text() const {
  std::string out;
  for (const auto& p : parts) out += p.k == VPart::K::Text ? p.text : "{" + p.text + "}";
  return out;
}

bool VStr::same_value(const VStr& o) const {
  // Compare by rendered structure: text pieces may be split differently.
  std::vector<VPart> a, b;
  auto norm = [](const VStr& s, std::vector<VPart>& out) {
    for (const auto& p : s.parts) {
      if (p.k == VPart::K::Text && !out.empty() && out.back().k == VPart::K::Text)
        out.back().text += p.text;
      else if (!(p.k == VPart::K::Text && p.text.empty()))
        out.push_back(p);
    }
  };
  norm(*this, a);
  norm(o, b);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!a[i].same_value(b[i])) return false;
  return true;
}

void VStr::strip_offsets() {
  for (auto& p : parts) {
    p.off = -1;
    p.anchored = false;
  }
}

void VStr::anchor_at(int64_t off, const void* origin) {
  for (auto& p : parts) {
    p.off = off;
    p.origin = origin;
    p.anchored = off >= 0;
  }
}

bool Val::same_value(const Val& o) const {
  if (t != o.t || items.size() != o.items.size() || keys != o.keys) return false;
  if (t == T::Str) return s.same_value(o.s);
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i].same_value(o.items[i])) return false;
  return true;
}

VStr Val::as_str(const std::string& name) const {
  if (t == T::Str) return s;
  return VStr::hole(name, HoleSource::Variable);
}

void Val::strip_offsets() {
  s.strip_offsets();
  for (auto& i : items) i.strip_offsets();
}

namespace {

// Walks the text parts of a format template; `on_field` returns the value of a
// replacement field given its spec text (everything between the braces or the
// %-conversion). Holes of the template pass through unchanged.
template <class Scan>
VStr rewrite_text_parts(const VStr& fmt, Scan scan) {
  VStr out;
  for (const auto& p : fmt.parts) {
    if (p.k != VPart::K::Text) {
      out.append_part(p);
      continue;
    }
    scan(p, out);
  }
  return out;
}

// Appends text[from, to) of part p, keeping its source offset.
void append_slice(const VPart& p, size_t from, size_t to, VStr& out) {
  if (to <= from) return;
  VPart q = p;
  q.text = p.text.substr(from, to - from);
  if (!p.anchored) q.off = p.off >= 0 ? p.off + static_cast<int64_t>(from) : -1;
  out.append_part(q);
}

VStr value_for_index(const std::vector<Val>& args, size_t i) {
  if (i < args.size()) {
    VStr v = args[i].as_str("?");
    v.strip_offsets();
    return v;
  }
  return VStr::hole("?", HoleSource::Unknown);
}

// A substituted value, positioned where its field is written in the template
// part `p` (at byte `i` of p's text), when p maps onto the source.
VStr anchored(VStr v, const VPart& p, size_t i) {
  v.strip_offsets();
  if (p.off >= 0 && !p.anchored) v.anchor_at(p.off + static_cast<int64_t>(i), p.origin);
  else if (p.anchored) v.anchor_at(p.off, p.origin);
  return v;
}

}  // namespace

VStr percent_format(const VStr& fmt, const std::vector<Val>& args, const Val* dict) {
  size_t next = 0;
  return rewrite_text_parts(fmt, [&](const VPart& p, VStr& out) {
    const std::string& s = p.text;
    size_t lit = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '%') continue;
      append_slice(p, lit, i, out);
      if (i + 1 < s.size() && s[i + 1] == '%') {
        out.append_part(VPart{VPart::K::Text, "%", HoleSource::Unknown, std::nullopt, -1, nullptr, -1});
        lit = i + 2;
        ++i;
        continue;
      }
      size_t j = i + 1;
      std::string key;
      if (j < s.size() && s[j] == '(') {
        size_t close = s.find(')', j);
        if (close == std::string::npos) { lit = i; break; }
        key = s.substr(j + 1, close - j - 1);
        j = close + 1;
      }
      while (j < s.size() && std::strchr("#0- +.0123456789*lhL", s[j])) ++j;
      if (j >= s.size()) { lit = i; break; }
      ++j;  // the conversion character
      if (!key.empty()) {
        VStr v = VStr::hole(key, HoleSource::Variable);
        if (dict && dict->t == Val::T::Dict)
          for (size_t k = 0; k < dict->keys.size(); ++k)
            if (dict->keys[k] == key) { v = dict->items[k].as_str(key); v.strip_offsets(); }
        out.append(anchored(v, p, i));
      } else {
        out.append(anchored(value_for_index(args, next++), p, i));
      }
      lit = j;
      i = j - 1;
    }
    append_slice(p, lit, s.size(), out);
  });
}

VStr brace_format(const VStr& fmt, const std::vector<Val>& args,
                  const std::vector<std::string>& kw_names, const std::vector<Val>& kw_vals) {
  size_t next = 0;
  return rewrite_text_parts(fmt, [&](const VPart& p, VStr& out) {
    const std::string& s = p.text;
    size_t lit = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if ((c == '{' || c == '}') && i + 1 < s.size() && s[i + 1] == c) {
        append_slice(p, lit, i + 1, out);  // keep one brace
        lit = i + 2;
        ++i;
        continue;
      }
      if (c != '{') continue;
      size_t close = s.find('}', i);
      if (close == std::string::npos) break;
      append_slice(p, lit, i, out);
      std::string field = s.substr(i + 1, close - i - 1);
      size_t cut = field.find_first_of("!:[.");
      std::string key = field.substr(0, cut);
      if (key.empty()) {
        out.append(anchored(value_for_index(args, next++), p, i));
      } else if (std::isdigit(static_cast<unsigned char>(key[0]))) {
        out.append(anchored(value_for_index(args, static_cast<size_t>(std::atoi(key.c_str()))), p, i));
      } else {
        VStr v = VStr::hole(key, HoleSource::Variable);
        for (size_t k = 0; k < kw_names.size(); ++k)
          if (kw_names[k] == key) { v = kw_vals[k].as_str(key); v.strip_offsets(); }
        out.append(anchored(v, p, i));
      }
      lit = close + 1;
      i = close;
    }
    append_slice(p, lit, s.size(), out);
  });
}

VStr join_values(const VStr& sep, const std::vector<Val>& items) {
  VStr out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) {
      VStr s = sep;
      s.strip_offsets();
      out.append(s);
    }
    VStr v = items[i].as_str("?");
    v.strip_offsets();
    out.append(v);
  }
  return out;
}

NameTemplate to_template(const VStr& v) {
  NameTemplate t;
  for (const auto& p : v.parts) {
    if (p.k == VPart::K::Text) {
      NameTemplate lit = NameTemplate::literal(p.text, -1);
      t.append(lit);
    } else {
      HoleSource src = p.src;
      if (p.k == VPart::K::Param) src = HoleSource::Parameter;
      if (p.k == VPart::K::Import) src = HoleSource::Variable;
      t.parts.push_back(NamePart{p.text, true, src, p.def, -1});
    }
  }
  return t;
}

}  // namespace pipelint::py

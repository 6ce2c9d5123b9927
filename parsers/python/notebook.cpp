#include "parsers/python/notebook.h"

namespace pipelint::py {

namespace {

constexpr std::string_view kHeader = "# Databricks notebook source";
constexpr std::string_view kSeparator = "# COMMAND ----------";
constexpr std::string_view kMagic = "# MAGIC";

struct Line {
  size_t start, end;  // without the newline
};

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Offset of a MAGIC line's content ("# MAGIC " stripped), or npos.
size_t magic_content(std::string_view bytes, const Line& l) {
  std::string_view s = bytes.substr(l.start, l.end - l.start);
  if (s.substr(0, kMagic.size()) != kMagic) return std::string_view::npos;
  size_t k = kMagic.size();
  if (k < s.size() && s[k] == ' ') ++k;
  return l.start + k;
}

void scan_cell(std::string_view bytes, const std::vector<Line>& lines, size_t first, size_t last,
               const void* origin, NotebookMagic& out) {
  size_t i = first;
  while (i < last && trim_right(bytes.substr(lines[i].start, lines[i].end - lines[i].start)).empty()) ++i;
  if (i >= last) return;
  size_t c = magic_content(bytes, lines[i]);
  if (c == std::string_view::npos) return;
  std::string_view head = trim_right(bytes.substr(c, lines[i].end - c));
  if (head.substr(0, 4) == "%run") {
    std::string_view target = head.substr(4);
    while (!target.empty() && target.front() == ' ') target.remove_prefix(1);
    size_t sp = target.find(' ');
    if (sp != std::string_view::npos) target = target.substr(0, sp);
    if (target.size() >= 2 && (target.front() == '"' || target.front() == '\'')) target = target.substr(1, target.size() - 2);
    if (!target.empty()) out.run_targets.emplace_back(target);
    return;
  }
  if (head.substr(0, 4) != "%sql" || (head.size() > 4 && head[4] != ' ')) return;
  NotebookSqlCell cell;
  cell.magic_offset = c;
  size_t rest = c + 4;
  for (size_t k = i; k < last; ++k) {
    size_t from = k == i ? rest : magic_content(bytes, lines[k]);
    if (from == std::string_view::npos) {
      cell.text.append(VStr::text("\n"));
      continue;
    }
    cell.text.append(VStr::text(std::string(bytes.substr(from, lines[k].end - from)), static_cast<int64_t>(from), origin));
    cell.text.append(VStr::text("\n"));
  }
  out.sql_cells.push_back(std::move(cell));
}

}  // namespace

bool is_notebook(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes.substr(0, kHeader.size()) == kHeader;
}

NotebookMagic scan_notebook(std::string_view bytes, const void* origin) {
  NotebookMagic out;
  std::vector<Line> lines;
  size_t start = 0;
  for (size_t i = 0; i <= bytes.size(); ++i) {
    if (i == bytes.size() || bytes[i] == '\n') {
      size_t end = i;
      if (end > start && bytes[end - 1] == '\r') --end;
      lines.push_back({start, end});
      start = i + 1;
    }
  }
  size_t cell_start = 1;  // after the header line
  for (size_t i = 1; i <= lines.size(); ++i) {
    bool sep = i < lines.size() &&
               trim_right(bytes.substr(lines[i].start, lines[i].end - lines[i].start)) == kSeparator;
    if (i == lines.size() || sep) {
      scan_cell(bytes, lines, cell_start, i, origin, out);
      cell_start = i + 1;
    }
  }
  return out;
}

std::vector<std::string> run_target_files(const std::string& notebook_path, const std::string& target) {
  std::vector<std::string> parts;
  auto push_path = [&](std::string_view p) {
    size_t s = 0;
    for (size_t i = 0; i <= p.size(); ++i) {
      if (i < p.size() && p[i] != '/') continue;
      std::string_view seg = p.substr(s, i - s);
      s = i + 1;
      if (seg.empty() || seg == ".") continue;
      if (seg == "..") {
        if (!parts.empty()) parts.pop_back();
        continue;
      }
      parts.emplace_back(seg);
    }
  };
  if (target.empty() || target.front() == '/') return {};  // workspace paths are outside the repository
  size_t slash = notebook_path.rfind('/');
  if (slash != std::string::npos) push_path(std::string_view(notebook_path).substr(0, slash));
  push_path(target);
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) joined += (i ? "/" : "") + parts[i];
  if (joined.empty()) return {};
  if (joined.size() > 3 && joined.substr(joined.size() - 3) == ".py") return {joined};
  return {joined + ".py", joined};
}

}  // namespace pipelint::py

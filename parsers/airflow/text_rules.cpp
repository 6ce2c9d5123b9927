// String-level rules: schedule kinds, scripts in shell commands, module files
// of imports, and the byte prefilter.
#include <cstring>
#include <sstream>

#include "parsers/airflow/dag_walker.h"

namespace pipelint::airflow {

std::string classify_schedule(std::string_view s, bool is_string_literal) {
  if (!is_string_literal) return "unknown";
  if (s.empty()) return "unknown";
  if (s.front() == '@') return s == "@once" || s == "@continuous" ? "preset" : "preset";
  int fields = 0;
  bool in = false;
  for (char ch : s) {
    bool space = ch == ' ' || ch == '\t';
    if (!space && !in) ++fields;
    in = !space;
  }
  return fields == 5 || fields == 6 ? "cron" : "unknown";
}

namespace {


std::string strip_quotes(std::string t) {
  while (!t.empty() && (t.front() == '"' || t.front() == '\'')) t.erase(0, 1);
  while (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ';')) t.pop_back();
  return t;
}

}  // namespace

// `spark-submit --master yarn jobs/x.py --date {{ ds }}` -> jobs/x.py;
// `python3 -m jobs.silver` -> jobs/silver.py; `cd /repo && python jobs/x.py`.
std::string script_in_bash(std::string_view command) {
  std::istringstream in{std::string(command)};
  std::string tok;
  bool armed = false, module_flag = false;
  while (in >> tok) {
    if (tok == "&&" || tok == ";" || tok == "|" || tok == "||") {
      armed = false;
      continue;
    }
    std::string base = tok.substr(tok.rfind('/') == std::string::npos ? 0 : tok.rfind('/') + 1);
    if (base == "spark-submit" || base == "python" || base == "python3" || base == "pyspark" ||
        base.rfind("python3.", 0) == 0) {
      armed = true;
      continue;
    }
    if (!armed) continue;
    if (module_flag) {
      std::string m = strip_quotes(tok);
      for (char& ch : m)
        if (ch == '.') ch = '/';
      return m + ".py";
    }
    if (tok == "-m") {
      module_flag = true;
      continue;
    }
    std::string t = strip_quotes(tok);
    if (std::string_view(t).ends_with(".py") || std::string_view(t).ends_with(".jar") || std::string_view(t).ends_with(".sql")) return t;
  }
  return "";
}

std::vector<std::string> module_candidates(const std::string& rel_path, std::string_view module, int level) {
  std::string path(module);
  for (char& ch : path)
    if (ch == '.') ch = '/';
  std::string dir = rel_path.find('/') == std::string::npos ? "" : rel_path.substr(0, rel_path.rfind('/'));
  std::vector<std::string> out;
  auto add = [&](const std::string& base) {
    std::string p = base.empty() ? path : (path.empty() ? base : base + "/" + path);
    if (p.empty()) return;
    out.push_back(p + ".py");
    out.push_back(p + "/__init__.py");
  };
  if (level > 0) {
    std::string base = dir;
    for (int i = 1; i < level && !base.empty(); ++i)
      base = base.find('/') == std::string::npos ? "" : base.substr(0, base.rfind('/'));
    add(base);
    return out;
  }
  // Airflow puts the dags folder on sys.path: try the file's folder and each
  // of its ancestors up to the repository root
  for (std::string base = dir; !base.empty();) {
    add(base);
    size_t slash = base.rfind('/');
    base = slash == std::string::npos ? "" : base.substr(0, slash);
  }
  add("");
  return out;
}

bool may_contain_dag(std::string_view bytes) {
  static const char* markers[] = {"airflow", "DAG(", "@dag", "default_args", "Operator("};
  for (const char* m : markers)
    if (memmem(bytes.data(), bytes.size(), m, std::strlen(m))) return true;
  return false;
}

}  // namespace pipelint::airflow

#include "analyzer/model/orchestration.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "analyzer/model/model.h"

namespace fs = std::filesystem;

namespace pipelint {

const DagRecord& OrchestrationModel::dag(const Model& m, uint32_t i) const {
  return m.files[dags[i].file].records.orchestration.dags[dags[i].record];
}
const TaskRecord& OrchestrationModel::task(const Model& m, uint32_t i) const {
  return m.files[tasks[i].file].records.orchestration.tasks[tasks[i].record];
}
const EdgeRecord& OrchestrationModel::edge(const Model& m, uint32_t i) const {
  return m.files[edges[i].file].records.orchestration.edges[edges[i].record];
}

std::vector<uint32_t> OrchestrationModel::dags_named(const Model& m, const std::string& dag_id) const {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < dags.size(); ++i)
    if (dag(m, i).dag_id == dag_id) out.push_back(i);
  return out;
}

bool OrchestrationModel::runs_after(uint32_t to, uint32_t from) const {
  std::vector<uint32_t> stack{from};
  std::vector<bool> seen(tasks.size(), false);
  while (!stack.empty()) {
    uint32_t t = stack.back();
    stack.pop_back();
    for (uint32_t d : tasks[t].downstream) {
      if (d == to) return true;
      if (!seen[d]) {
        seen[d] = true;
        stack.push_back(d);
      }
    }
  }
  return false;
}

namespace {

std::string normalize(const std::string& p) {
  std::string s = fs::path(p).lexically_normal().generic_string();
  if (s.rfind("./", 0) == 0) s = s.substr(2);
  return s;
}

std::string folder_of(const std::string& rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

bool has_extension(const std::string& p) {
  size_t slash = p.rfind('/');
  size_t dot = p.rfind('.');
  return dot != std::string::npos && (slash == std::string::npos || dot > slash);
}

// Finds the file a script path denotes: relative to the DAG file's folder,
// then to the repository root, then (absolute or workspace paths) by its
// trailing `<repository>/<path>` or, within the same repository, `<path>`.
class ScriptIndex {
 public:
  explicit ScriptIndex(const Model& m) : m_(m) {
    for (uint32_t i = 0; i < m.files.size(); ++i) {
      const auto& f = m.files[i];
      by_repo_rel_[{f.repo_root, f.repo_rel}] = i;
      std::string repo_name = fs::path(f.repo_root).filename().string();
      by_named_[repo_name + "/" + f.repo_rel] = i;
    }
  }

  struct Hit {
    int32_t file = -1;
    std::string repo_rel;  // also set when the file exists on disk but was not analysed
    bool found = false;
  };

  Hit find(const FileEntry& dag_file, std::string raw) const {
    for (const char* scheme : {"dbfs:", "file://", "file:", "workspace:"})
      if (raw.rfind(scheme, 0) == 0) raw = raw.substr(std::string(scheme).size());
    std::vector<std::string> variants{raw};
    if (!has_extension(raw))
      for (const char* ext : {".py", ".sql", ".ipynb", ".scala"}) variants.push_back(raw + ext);
    const std::string& root = dag_file.repo_root;
    for (const auto& v : variants) {
      if (v.empty()) continue;
      if (v.front() != '/') {
        for (const std::string& base : {folder_of(dag_file.repo_rel), std::string()}) {
          std::string rel = normalize(base.empty() ? v : base + "/" + v);
          if (rel.rfind("../", 0) == 0) continue;
          auto it = by_repo_rel_.find({root, rel});
          if (it != by_repo_rel_.end()) return {static_cast<int32_t>(it->second), rel, true};
          std::error_code ec;
          if (fs::is_regular_file(fs::path(root) / rel, ec)) return {-1, rel, true};
        }
      }
      // trailing components: "<repo>/<path>" anywhere, then "<path>" in this repository
      std::string n = normalize(v);
      for (size_t pos = 0; pos < n.size(); pos = n.find('/', pos) + 1) {
        std::string tail = n.substr(pos);
        auto named = by_named_.find(tail);
        if (named != by_named_.end()) return {static_cast<int32_t>(named->second), m_.files[named->second].repo_rel, true};
        if (n.find('/', pos) == std::string::npos) break;
      }
      if (v.front() == '/') {
        for (size_t pos = 1; pos < n.size(); pos = n.find('/', pos) + 1) {
          std::string tail = n.substr(pos);
          auto it = by_repo_rel_.find({root, tail});
          if (it != by_repo_rel_.end() && tail.find('/') != std::string::npos)
            return {static_cast<int32_t>(it->second), tail, true};
          if (n.find('/', pos) == std::string::npos) break;
        }
      }
    }
    return {};
  }

 private:
  const Model& m_;
  std::map<std::pair<std::string, std::string>, uint32_t> by_repo_rel_;
  std::unordered_map<std::string, uint32_t> by_named_;
};

}  // namespace

void build_orchestration(Model& m) {
  OrchestrationModel& o = m.orch;
  o = OrchestrationModel{};
  std::vector<uint32_t> first_access(m.files.size() + 1, 0);
  {
    uint32_t k = 0;
    for (uint32_t f = 0; f < m.files.size(); ++f) {
      while (k < m.accesses.size() && m.accesses[k].file < f) ++k;
      first_access[f] = k;
    }
    first_access[m.files.size()] = static_cast<uint32_t>(m.accesses.size());
  }
  auto file_accesses = [&](uint32_t f) {
    std::vector<uint32_t> out;
    for (uint32_t k = first_access[f]; k < m.accesses.size() && m.accesses[k].file == f; ++k) out.push_back(k);
    return out;
  };

  ScriptIndex scripts(m);
  for (uint32_t fi = 0; fi < m.files.size(); ++fi) {
    auto& file = m.files[fi];
    const auto& orch = file.records.orchestration;
    std::map<std::string, uint32_t> dag_of;  // dag_id -> DagInfo index (this file)
    for (uint32_t di = 0; di < orch.dags.size(); ++di) {
      dag_of.emplace(orch.dags[di].dag_id, static_cast<uint32_t>(o.dags.size()));
      o.dags.push_back({fi, di, {}});
    }
    std::map<std::pair<uint32_t, std::string>, uint32_t> task_of;
    std::vector<Diagnostic> notes;
    for (uint32_t ti = 0; ti < orch.tasks.size(); ++ti) {
      const TaskRecord& t = orch.tasks[ti];
      auto d = dag_of.find(t.dag_id);
      if (d == dag_of.end()) continue;
      TaskInfo info;
      info.file = fi;
      info.record = ti;
      info.dag = d->second;
      if (!t.script.empty()) {
        ResolvedName raw = resolve_name(t.script, file.config->ns);
        if (raw.resolved != Resolution::Full) {
          info.note = "the path of the code this task runs, `" + raw.text + "`, is not known statically";
        } else {
          auto hit = scripts.find(file, raw.text);
          if (!hit.found) {
            info.note = "the code this task runs, `" + raw.text + "`, is not in the repository";
          } else {
            info.script = hit.repo_rel;
            info.script_file = hit.file;
            if (hit.file >= 0) info.accesses = file_accesses(static_cast<uint32_t>(hit.file));
          }
        }
        if (!info.note.empty()) notes.push_back({t.line, t.col, "", "task `" + t.task_id + "`: " + info.note});
      }
      if (t.code_begin > 0)
        for (uint32_t k : file_accesses(fi)) {
          uint32_t line = m.accesses[k].rec(m).line;
          if (line >= t.code_begin && line <= t.code_end) info.accesses.push_back(k);
        }
      uint32_t idx = static_cast<uint32_t>(o.tasks.size());
      task_of[{info.dag, t.task_id}] = idx;
      o.dags[info.dag].tasks.push_back(idx);
      o.tasks.push_back(std::move(info));
    }
    for (uint32_t ei = 0; ei < orch.edges.size(); ++ei) {
      const EdgeRecord& e = orch.edges[ei];
      auto d = dag_of.find(e.dag_id);
      if (d == dag_of.end()) continue;
      auto up = task_of.find({d->second, e.upstream});
      auto down = task_of.find({d->second, e.downstream});
      if (up == task_of.end() || down == task_of.end()) continue;
      o.edges.push_back({fi, ei, d->second, up->second, down->second});
      o.tasks[up->second].downstream.push_back(down->second);
      o.tasks[down->second].upstream.push_back(up->second);
    }
    for (auto& n : notes) file.records.diagnostics.push_back(std::move(n));
  }
  // DatabricksRunNowOperator(job_name=...) / run_job_task: the bundle job's accesses.
  for (auto& t : o.tasks) {
    const TaskRecord& r = m.files[t.file].records.orchestration.tasks[t.record];
    if (r.job_name.empty()) continue;
    for (uint32_t di = 0; di < o.dags.size(); ++di) {
      const DagRecord& d = o.dag(m, di);
      if (d.source != "bundle" || di == t.dag) continue;
      if (d.dag_id != r.job_name) continue;
      t.job_dag = static_cast<int32_t>(di);
      for (uint32_t jt : o.dags[di].tasks)
        for (uint32_t k : o.tasks[jt].accesses) t.accesses.push_back(k);
      break;
    }
  }
  for (auto& t : o.tasks) {
    std::sort(t.accesses.begin(), t.accesses.end());
    t.accesses.erase(std::unique(t.accesses.begin(), t.accesses.end()), t.accesses.end());
  }
}

}  // namespace pipelint

#include "parsers/bundles/bundle_jobs.h"

namespace pipelint::bundles {

namespace {

std::string scalar(const YAML::Node& n) { return n && n.IsScalar() ? n.Scalar() : ""; }

std::pair<uint32_t, uint32_t> mark(const YAML::Node& n) {
  auto m = n.Mark();
  if (m.line < 0) return {1, 1};
  return {static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

bool non_empty(const YAML::Node& n) { return n && ((n.IsSequence() && n.size() > 0) || (n.IsScalar() && !n.Scalar().empty())); }

// The cluster under `parent.new_cluster`, located at its key.
void add_cluster(const YAML::Node& parent, const std::string& dag_id, const std::string& key, const Vars& vars,
                 Orchestration& out) {
  if (!parent || !parent.IsMap()) return;
  YAML::Node cluster, at;
  for (const auto& kv : parent)
    if (kv.first.IsScalar() && kv.first.Scalar() == "new_cluster") {
      cluster = kv.second;
      at = kv.first;
    }
  if (!cluster || !cluster.IsMap()) return;
  ClusterRecord c;
  std::tie(c.line, c.col) = mark(at);
  c.dag_id = dag_id;
  c.key = key;
  YAML::Node tags = cluster["custom_tags"];
  if (tags && tags.IsMap())
    for (const auto& kv : tags) c.tags.emplace_back(kv.first.as<std::string>(), substitute(scalar(kv.second), vars).placeholder_text());
  out.clusters.push_back(std::move(c));
}

}  // namespace

NameTemplate substitute(const std::string& text, const Vars& vars) {
  NameTemplate out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("${", i);
    if (open == std::string::npos) {
      out.append(NameTemplate::literal(text.substr(i)));
      break;
    }
    size_t close = text.find('}', open);
    if (close == std::string::npos) {
      out.append(NameTemplate::literal(text.substr(i)));
      break;
    }
    if (open > i) out.append(NameTemplate::literal(text.substr(i, open - i)));
    std::string key = text.substr(open + 2, close - open - 2);
    auto it = vars.find(key);
    i = close + 1;
    if (it != vars.end()) {
      out.append(NameTemplate::literal(it->second));
    } else if (key.rfind("workspace.", 0) == 0) {
      if (i < text.size() && text[i] == '/') ++i;  // a workspace folder: paths stay bundle-relative
    } else {
      std::string name = key.rfind("var.", 0) == 0 ? key.substr(4) : key;
      out.parts.push_back(NamePart{name, true, HoleSource::Template, std::nullopt, -1});
    }
  }
  return out;
}

void collect_pipelines(const YAML::Node& doc, const Vars& vars, Pipelines& out) {
  YAML::Node res = doc["resources"];
  if (!res || !res.IsMap()) return;
  YAML::Node pipes = res["pipelines"];
  if (!pipes || !pipes.IsMap()) return;
  for (const auto& kv : pipes) {
    YAML::Node libs = kv.second["libraries"];
    if (!libs || !libs.IsSequence() || libs.size() == 0) continue;
    YAML::Node lib = libs[0];
    for (const char* kind : {"notebook", "file"})
      if (lib[kind] && lib[kind]["path"]) out[kv.first.as<std::string>()] = substitute(scalar(lib[kind]["path"]), vars);
  }
}

void extract_jobs(const YAML::Node& doc, const Vars& vars, const Pipelines& pipelines, Orchestration& out) {
  YAML::Node res = doc["resources"];
  if (!res || !res.IsMap()) return;
  YAML::Node jobs = res["jobs"];
  if (!jobs || !jobs.IsMap()) return;
  for (const auto& kv : jobs) {
    const YAML::Node& job = kv.second;
    if (!job.IsMap()) continue;
    DagRecord d;
    d.source = "bundle";
    std::tie(d.line, d.col) = mark(kv.first);
    std::string key = kv.first.as<std::string>();
    NameTemplate name = substitute(scalar(job["name"]), vars);
    d.dag_id = job["name"] && !name.has_holes() ? name.placeholder_text() : key;
    d.schedule_kind = "none";
    if (YAML::Node s = job["schedule"]; s && s.IsMap()) {
      d.schedule = scalar(s["quartz_cron_expression"]);
      d.schedule_kind = "cron";
    }
    if (YAML::Node t = job["trigger"]; t && t.IsMap()) {
      if (YAML::Node tu = t["table_update"]; tu && tu.IsMap()) {
        d.schedule_kind = "table_update";
        d.schedule = "table_update";
        if (YAML::Node names = tu["table_names"]; names && names.IsSequence())
          for (const auto& n : names) d.schedule_datasets.push_back(substitute(scalar(n), vars).placeholder_text());
      } else if (YAML::Node p = t["periodic"]; p && p.IsMap()) {
        d.schedule_kind = "periodic";
        d.schedule = scalar(p["interval"]) + " " + scalar(p["unit"]);
      } else if (t["file_arrival"]) {
        d.schedule_kind = "file_arrival";
        d.schedule = "file_arrival";
      }
    }
    if (YAML::Node tags = job["tags"]; tags && tags.IsMap())
      for (const auto& t : tags) {
        std::string k = t.first.as<std::string>(), v = substitute(scalar(t.second), vars).placeholder_text();
        d.tags.push_back(k + ":" + v);
        if (k == "owner" || (k == "team" && d.owner.empty())) d.owner = v;
      }
    for (const char* n : {"email_notifications", "webhook_notifications"})
      if (YAML::Node e = job[n]; e && e.IsMap() && non_empty(e["on_failure"])) d.failure_alerting = true;
    if (YAML::Node h = job["health"]; h && h.IsMap()) d.has_sla = true;
    if (YAML::Node clusters = job["job_clusters"]; clusters && clusters.IsSequence())
      for (const auto& c : clusters) add_cluster(c, d.dag_id, scalar(c["job_cluster_key"]), vars, out);
    if (YAML::Node tasks = job["tasks"]; tasks && tasks.IsSequence()) {
      for (const auto& t : tasks) {
        if (!t.IsMap()) continue;
        TaskRecord r;
        YAML::Node tk = t["task_key"];
        YAML::Node self = t;
        std::tie(r.line, r.col) = mark(tk ? tk : self);
        r.dag_id = d.dag_id;
        r.task_id = scalar(tk);
        if (YAML::Node nb = t["notebook_task"]; nb && nb.IsMap()) {
          r.op = "notebook_task";
          r.script = substitute(scalar(nb["notebook_path"]), vars);
        } else if (YAML::Node py = t["spark_python_task"]; py && py.IsMap()) {
          r.op = "spark_python_task";
          r.script = substitute(scalar(py["python_file"]), vars);
        } else if (YAML::Node sq = t["sql_task"]; sq && sq.IsMap()) {
          r.op = "sql_task";
          if (sq["file"] && sq["file"]["path"]) r.script = substitute(scalar(sq["file"]["path"]), vars);
        } else if (YAML::Node pt = t["pipeline_task"]; pt && pt.IsMap()) {
          r.op = "pipeline_task";
          std::string id = scalar(pt["pipeline_id"]);  // ${resources.pipelines.<key>.id}
          const std::string prefix = "${resources.pipelines.";
          if (id.rfind(prefix, 0) == 0) {
            std::string pkey = id.substr(prefix.size(), id.find('.', prefix.size()) - prefix.size());
            auto it = pipelines.find(pkey);
            if (it != pipelines.end()) r.script = it->second;
          }
        } else if (YAML::Node rj = t["run_job_task"]; rj && rj.IsMap()) {
          r.op = "run_job_task";
          std::string id = scalar(rj["job_id"]);
          const std::string prefix = "${resources.jobs.";
          if (id.rfind(prefix, 0) == 0) r.job_name = id.substr(prefix.size(), id.find('.', prefix.size()) - prefix.size());
        } else {
          for (const char* other : {"python_wheel_task", "spark_jar_task", "dbt_task", "condition_task", "for_each_task"})
            if (t[other]) r.op = other;
          if (r.op.empty()) r.op = "task";
        }
        if (YAML::Node deps = t["depends_on"]; deps && deps.IsSequence())
          for (const auto& dep : deps) {
            EdgeRecord e;
            std::tie(e.line, e.col) = mark(dep);
            e.dag_id = d.dag_id;
            e.upstream = scalar(dep["task_key"]);
            e.downstream = r.task_id;
            if (!e.upstream.empty()) out.edges.push_back(std::move(e));
          }
        add_cluster(self, d.dag_id, r.task_id, vars, out);
        out.tasks.push_back(std::move(r));
      }
    }
    out.dags.push_back(std::move(d));
  }
}

}  // namespace pipelint::bundles

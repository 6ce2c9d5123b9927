#include "analyzer/driver/index_io.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer/driver/analyze.h"
#include "parsers/contracts/contract_loader.h"

namespace pipelint {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const char* hole_source_name(HoleSource s) {
  switch (s) {
    case HoleSource::Unknown: return "unknown";
    case HoleSource::Variable: return "variable";
    case HoleSource::Parameter: return "parameter";
    case HoleSource::Widget: return "widget";
    case HoleSource::Env: return "env";
    case HoleSource::SparkConf: return "spark_conf";
    case HoleSource::Template: return "template";
  }
  return "unknown";
}

HoleSource hole_source_of(const std::string& s) {
  for (auto h : {HoleSource::Variable, HoleSource::Parameter, HoleSource::Widget, HoleSource::Env,
                 HoleSource::SparkConf, HoleSource::Template})
    if (s == hole_source_name(h)) return h;
  return HoleSource::Unknown;
}

Language language_of(const std::string& s) {
  for (auto l : {Language::Python, Language::Notebook, Language::Sql, Language::Yaml})
    if (s == to_string(l)) return l;
  return Language::Other;
}

json name_json(const NameTemplate& t) {
  json parts = json::array();
  for (const auto& p : t.parts) {
    json j{{"text", p.text}};
    if (p.hole) {
      j["hole"] = true;
      j["source"] = hole_source_name(p.source);
      if (p.default_value) j["default"] = *p.default_value;
    }
    parts.push_back(std::move(j));
  }
  return parts;
}

NameTemplate name_of(const json& parts) {
  NameTemplate t;
  for (const auto& j : parts) {
    NamePart p;
    p.text = j.at("text").get<std::string>();
    p.hole = j.value("hole", false);
    if (p.hole) {
      p.source = hole_source_of(j.value("source", ""));
      if (j.contains("default")) p.default_value = j.at("default").get<std::string>();
    }
    t.parts.push_back(std::move(p));
  }
  return t;
}

json orchestration_json(const Orchestration& o) {
  json dags = json::array(), tasks = json::array(), edges = json::array(), clusters = json::array(),
       defaults = json::array();
  for (const auto& d : o.dags)
    dags.push_back({{"line", d.line}, {"col", d.col}, {"dag_id", d.dag_id}, {"source", d.source},
                    {"schedule", d.schedule}, {"schedule_kind", d.schedule_kind},
                    {"schedule_datasets", d.schedule_datasets}, {"owner", d.owner}, {"tags", d.tags},
                    {"failure_alerting", d.failure_alerting}, {"has_sla", d.has_sla}, {"retries", d.retries},
                    {"default_args_files", d.default_args_files}, {"default_args_name", d.default_args_name}});
  for (const auto& t : o.tasks)
    tasks.push_back({{"line", t.line}, {"col", t.col}, {"dag_id", t.dag_id}, {"task_id", t.task_id}, {"op", t.op},
                     {"script", name_json(t.script)}, {"code_begin", t.code_begin}, {"code_end", t.code_end},
                     {"callable", t.callable}, {"job_name", t.job_name}, {"external_dag_id", t.external_dag_id},
                     {"external_task_id", t.external_task_id}, {"has_execution_delta", t.has_execution_delta},
                     {"trigger_dag_id", t.trigger_dag_id}, {"outlets", t.outlets}, {"inlets", t.inlets}});
  for (const auto& e : o.edges)
    edges.push_back({{"line", e.line}, {"col", e.col}, {"dag_id", e.dag_id}, {"upstream", e.upstream},
                     {"downstream", e.downstream}});
  for (const auto& c : o.clusters)
    clusters.push_back({{"line", c.line}, {"col", c.col}, {"dag_id", c.dag_id}, {"key", c.key}, {"tags", c.tags}});
  for (const auto& d : o.default_args)
    defaults.push_back({{"name", d.name}, {"owner", d.owner}, {"retries", d.retries},
                        {"failure_alerting", d.failure_alerting}, {"has_sla", d.has_sla}});
  return {{"dags", dags}, {"tasks", tasks}, {"edges", edges}, {"clusters", clusters}, {"default_args", defaults}};
}

Orchestration orchestration_of(const json& j) {
  Orchestration o;
  for (const auto& d : j.at("dags")) {
    DagRecord r;
    r.line = d.at("line"); r.col = d.at("col");
    r.dag_id = d.at("dag_id"); r.source = d.at("source"); r.schedule = d.at("schedule");
    r.schedule_kind = d.at("schedule_kind");
    r.schedule_datasets = d.at("schedule_datasets").get<std::vector<std::string>>();
    r.owner = d.at("owner"); r.tags = d.at("tags").get<std::vector<std::string>>();
    r.failure_alerting = d.at("failure_alerting"); r.has_sla = d.at("has_sla"); r.retries = d.at("retries");
    r.default_args_files = d.at("default_args_files").get<std::vector<std::string>>();
    r.default_args_name = d.at("default_args_name");
    o.dags.push_back(std::move(r));
  }
  for (const auto& t : j.at("tasks")) {
    TaskRecord r;
    r.line = t.at("line"); r.col = t.at("col");
    r.dag_id = t.at("dag_id"); r.task_id = t.at("task_id"); r.op = t.at("op");
    r.script = name_of(t.at("script"));
    r.code_begin = t.at("code_begin"); r.code_end = t.at("code_end");
    r.callable = t.at("callable"); r.job_name = t.at("job_name");
    r.external_dag_id = t.at("external_dag_id"); r.external_task_id = t.at("external_task_id");
    r.has_execution_delta = t.at("has_execution_delta"); r.trigger_dag_id = t.at("trigger_dag_id");
    r.outlets = t.at("outlets").get<std::vector<std::string>>();
    r.inlets = t.at("inlets").get<std::vector<std::string>>();
    o.tasks.push_back(std::move(r));
  }
  for (const auto& e : j.at("edges"))
    o.edges.push_back({e.at("line"), e.at("col"), e.at("dag_id"), e.at("upstream"), e.at("downstream")});
  for (const auto& c : j.at("clusters")) {
    ClusterRecord r;
    r.line = c.at("line"); r.col = c.at("col"); r.dag_id = c.at("dag_id"); r.key = c.at("key");
    r.tags = c.at("tags").get<std::vector<std::pair<std::string, std::string>>>();
    o.clusters.push_back(std::move(r));
  }
  for (const auto& d : j.at("default_args"))
    o.default_args.push_back({d.at("name"), d.at("owner"), d.at("retries"), d.at("failure_alerting"), d.at("has_sla")});
  return o;
}

std::string root_name(const std::string& repo_root) { return fs::path(repo_root).filename().string(); }

json columns_json(const std::vector<ColumnRef>& columns) {
  json out = json::array();
  for (const auto& c : columns) {
    json j{{"line", c.line}, {"col", c.col}, {"access", c.access}, {"column", c.column}, {"how", c.how}};
    if (c.into >= 0) j["into"] = c.into;
    if (!c.as.empty()) j["as"] = c.as;
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<ColumnRef> columns_of(const json& arr) {
  std::vector<ColumnRef> out;
  for (const auto& j : arr) {
    ColumnRef c;
    c.line = j.at("line");
    c.col = j.at("col");
    c.access = j.at("access");
    c.column = j.at("column").get<std::string>();
    c.how = j.value("how", "");
    c.into = j.value("into", -1);
    c.as = j.value("as", "");
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(fs::absolute(path), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

struct RepoMembers {
  std::vector<size_t> files;      // Model::files, by display path
  std::vector<size_t> contracts;  // Model::contracts, by path
};

}  // namespace

std::string write_index(const Model& model, const std::string& tool_version) {
  return write_index(model, tool_version, [](const ContractFile& c) { return read_text(c.path); });
}

std::string write_index(const Model& model, const std::string& tool_version,
                        const std::function<std::optional<std::string>(const ContractFile&)>& contract_text) {
  std::vector<std::vector<const TableAccess*>> by_file(model.files.size());
  for (const auto& a : model.accesses) by_file[a.file].push_back(&a);
  // repository root → its files and contracts, all sorted (std::map; files and contracts already are).
  std::map<std::string, RepoMembers> repos;
  for (size_t i = 0; i < model.files.size(); ++i) repos[model.files[i].repo_root].files.push_back(i);
  for (size_t i = 0; i < model.contracts.size(); ++i) {
    if (model.contracts[i].from_index) continue;
    fs::path dir = fs::absolute(model.contracts[i].path).lexically_normal().parent_path();
    repos[repository_root(dir.string(), dir.string())].contracts.push_back(i);
  }
  json repositories = json::array();
  for (const auto& [root, members] : repos) {
    json files = json::array();
    for (size_t i : members.files) {
      const FileEntry& f = model.files[i];
      std::vector<const TableAccess*> resolved(f.records.accesses.size(), nullptr);
      for (const auto* a : by_file[i]) resolved[a->record] = a;
      json accesses = json::array();
      for (size_t r = 0; r < f.records.accesses.size(); ++r) {
        const AccessRecord& rec = f.records.accesses[r];
        json j{{"line", rec.line}, {"col", rec.col}, {"op", to_string(rec.op)}, {"kind", to_string(rec.kind)},
               {"mode", rec.mode}, {"api", rec.api}, {"name", name_json(rec.name)}};
        if (const TableAccess* a = resolved[r]) {
          j["table"] = a->table;
          j["resolved"] = to_string(a->resolved);
          if (!a->path_location.empty()) j["path_location"] = a->path_location;
          if (!a->env.empty()) j["env"] = a->env;
        }
        accesses.push_back(std::move(j));
      }
      json fj{{"repo_rel", f.repo_rel}, {"display", f.display_path}, {"config_rel", f.config_rel},
              {"lang", to_string(f.lang)}, {"team", f.team}, {"team_source", f.team_source}, {"env", f.env},
              {"env_source", f.env_source}, {"accesses", std::move(accesses)}};
      if (!f.records.orchestration.empty() || !f.records.orchestration.edges.empty() ||
          !f.records.orchestration.clusters.empty())
        fj["orchestration"] = orchestration_json(f.records.orchestration);
      if (!f.records.columns.empty()) fj["columns"] = columns_json(f.records.columns);
      files.push_back(std::move(fj));
    }
    json contracts = json::array();
    for (size_t i : members.contracts) {
      const ContractFile& c = model.contracts[i];
      if (!c.parsed) continue;  // nothing in it informs another repository's check
      if (auto text = contract_text(c)) contracts.push_back({{"path", c.path}, {"text", *text}});
    }
    repositories.push_back({{"root_name", root_name(root)}, {"root", root}, {"files", std::move(files)},
                            {"contracts", std::move(contracts)}});
  }
  json doc{{"version", kIndexVersion}, {"tool", "pipelint " + tool_version}, {"repositories", std::move(repositories)}};
  return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

LoadedIndex parse_index(const std::string& text) {
  LoadedIndex out;
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    out.error = "the index is not valid JSON";
    return out;
  }
  if (!doc.contains("version") || doc["version"] != kIndexVersion) {
    out.error = "unsupported index version (this pipelint reads version " + std::to_string(kIndexVersion) + ")";
    return out;
  }
  try {
    for (const auto& repo : doc.at("repositories")) {
      const std::string root = repo.at("root").get<std::string>();
      const std::string name = repo.at("root_name").get<std::string>();
      for (const auto& fj : repo.at("files")) {
        FileEntry f;
        f.from_index = true;
        f.repo_root = root;
        f.repo_rel = fj.at("repo_rel").get<std::string>();
        f.abs_path = (fs::path(root) / f.repo_rel).lexically_normal().string();
        f.display_path = fj.at("display").get<std::string>();
        f.config_rel = fj.value("config_rel", f.repo_rel);
        f.lang = language_of(fj.at("lang").get<std::string>());
        f.team = fj.value("team", "");
        f.team_source = fj.value("team_source", "");
        f.env = fj.value("env", "");
        f.env_source = fj.value("env_source", "");
        for (const auto& aj : fj.at("accesses")) {
          AccessRecord r;
          r.line = aj.at("line");
          r.col = aj.at("col");
          r.op = aj.at("op") == "write" ? Op::Write : Op::Read;
          r.kind = aj.at("kind") == "path" ? Kind::Path : Kind::Table;
          r.mode = aj.at("mode").get<std::string>();
          r.api = aj.at("api").get<std::string>();
          r.name = name_of(aj.at("name"));
          f.records.accesses.push_back(std::move(r));
          IndexedAccess ia;
          ia.table = aj.value("table", "");
          std::string res = aj.value("resolved", "none");
          ia.resolved = static_cast<uint8_t>(res == to_string(Resolution::Full)      ? Resolution::Full
                                             : res == to_string(Resolution::Partial) ? Resolution::Partial
                                                                                     : Resolution::None);
          ia.path_location = aj.value("path_location", "");
          ia.env = aj.value("env", "");
          f.index_accesses.push_back(std::move(ia));
        }
        if (fj.contains("orchestration")) f.records.orchestration = orchestration_of(fj.at("orchestration"));
        if (fj.contains("columns")) f.records.columns = columns_of(fj.at("columns"));
        out.files.push_back(std::move(f));
        out.repo_names.push_back(name);
      }
      for (const auto& cj : repo.value("contracts", json::array())) {
        ContractFile c = load_contract(cj.at("path").get<std::string>(), cj.at("text").get<std::string>());
        c.from_index = true;
        out.contracts.push_back(std::move(c));
        out.contract_repo_names.push_back(name);
      }
    }
  } catch (const std::exception& e) {
    out.files.clear();
    out.repo_names.clear();
    out.contracts.clear();
    out.contract_repo_names.clear();
    out.error = std::string("malformed index: ") + e.what();
  }
  return out;
}

LoadedIndex read_index(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadedIndex out;
    out.error = "cannot read the index " + path;
    return out;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  LoadedIndex out = parse_index(ss.str());
  if (!out.error.empty()) out.error = path + ": " + out.error;
  return out;
}

}  // namespace pipelint

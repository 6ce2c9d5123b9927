#include <memory>

#include "parsers/airflow/airflow_extractor.h"
#include "parsers/airflow/dag_walker.h"

namespace pipelint::airflow {

DagFile extract(TSNode root, std::string_view src, const std::string& rel_path, ValueSource& values) {
  DagWalker w(src, rel_path, values);
  return w.run(root);
}

DagFile extract_source(std::string_view src, const std::string& rel_path) {
  if (src.size() >= (size_t{1} << 30)) return {};
  struct ParserDeleter {
    void operator()(TSParser* p) const { ts_parser_delete(p); }
  };
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser = [] {
    std::unique_ptr<TSParser, ParserDeleter> p(ts_parser_new());
    ts_parser_set_language(p.get(), tree_sitter_python());
    return p;
  }();
  TSTree* tree = ts_parser_parse_string(parser.get(), nullptr, src.data(), static_cast<uint32_t>(src.size()));
  if (!tree) {
    ts_parser_reset(parser.get());
    return {};
  }
  TSNode root = ts_tree_root_node(tree);
  LiteralValues values(root, src);
  DagFile out = extract(root, src, rel_path, values);
  ts_tree_delete(tree);
  return out;
}

void link_default_args(Orchestration& o, const OrchestrationLoader& load) {
  for (auto& d : o.dags) {
    if (d.default_args_name.empty()) continue;
    for (const auto& file : d.default_args_files) {
      const Orchestration* other = load(file);
      if (!other) continue;
      for (const auto& a : other->default_args) {
        if (a.name != d.default_args_name) continue;
        if (d.owner.empty()) d.owner = a.owner;
        if (d.retries.empty()) d.retries = a.retries;
        d.failure_alerting = d.failure_alerting || a.failure_alerting;
        d.has_sla = d.has_sla || a.has_sla;
      }
      break;  // the first module file that exists decides
    }
  }
}

}  // namespace pipelint::airflow

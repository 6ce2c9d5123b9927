// The subcommands. Each registers itself on the app and returns the exit code
// through `run` once parsed.
#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace pipelint::cli {

using Runner = std::function<int()>;

struct Command {
  CLI::App* app;
  Runner run;
};

Command add_check_command(CLI::App& app);
Command add_lineage_command(CLI::App& app);
Command add_rules_command(CLI::App& app);
Command add_explain_command(CLI::App& app);
Command add_explain_table_command(CLI::App& app);
Command add_graph_command(CLI::App& app);
Command add_impact_command(CLI::App& app);
Command add_contract_command(CLI::App& app);
Command add_index_command(CLI::App& app);
Command add_catalog_command(CLI::App& app);
Command add_audit_command(CLI::App& app);

}  // namespace pipelint::cli

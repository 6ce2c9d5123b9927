// pipelint command line: dispatches to the subcommands. Exit codes (SPEC 5):
// 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage,
// configuration or internal error with a one-line reason on stderr.
#include <exception>
#include <iostream>
#include <vector>

#include "analyzer/cli/commands.h"

int main(int argc, char** argv) {
  using namespace pipelint::cli;
  CLI::App app{"pipelint: static analysis of a data platform's pipelines, lineage and ownership"};
  app.name("pipelint");
  app.set_version_flag("--version", std::string("pipelint ") + PIPELINT_VERSION);
  app.require_subcommand(1);
  std::vector<Command> commands{add_check_command(app), add_lineage_command(app), add_rules_command(app),
                                add_explain_command(app), add_explain_table_command(app), add_contract_command(app),
                                add_graph_command(app), add_impact_command(app), add_index_command(app),
                                add_catalog_command(app), add_audit_command(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "pipelint: error: " << e.what() << " (see pipelint --help)\n";
    return 2;
  }
  try {
    for (const auto& c : commands)
      if (c.app->parsed()) return c.run();
  } catch (const std::exception& e) {
    std::cerr << "pipelint: internal error: " << e.what() << '\n';
    return 2;
  }
  return 2;
}

// pipelint check PATHS: run the rules and report findings.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>

#include <unistd.h>

#include "analyzer/cli/base_findings.h"
#include "analyzer/cli/commands.h"
#include "analyzer/cli/common_options.h"
#include "analyzer/output/report.h"
#include "rules/engine/engine.h"

namespace pipelint::cli {
namespace {

struct CheckOptions {
  PathOptions paths;
  std::string format = "text";
  std::vector<std::string> select, ignore;
  std::string fail_on = "error";
  bool exit_zero = false;
  bool require_reason = false;
  std::vector<std::string> argv;
};

// The SARIF %SRCROOT%: the repository (git) root above the first path, else the cwd.
std::string source_root(const std::vector<std::string>& paths, const std::string& cwd) {
  namespace fs = std::filesystem;
  fs::path start = paths.empty() ? fs::path(cwd) : fs::absolute(paths.front()).lexically_normal();
  std::error_code ec;
  if (!fs::is_directory(start, ec)) start = start.parent_path();
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p.string();
    if (p == p.parent_path()) break;
  }
  return cwd;
}

int run_check(CheckOptions& o) {
  auto started = std::chrono::steady_clock::now();
  RuleFilter filter;
  filter.select = split_list(o.select);
  filter.ignore = split_list(o.ignore);
  filter.require_reason = o.require_reason;
  std::vector<std::string> all = filter.select;
  all.insert(all.end(), filter.ignore.begin(), filter.ignore.end());
  if (auto unknown = unknown_selectors(all); !unknown.empty()) {
    std::cerr << "pipelint: error: unknown rule selector '" << unknown.front() << "' (see pipelint rules)\n";
    return 2;
  }
  Analysis analysis;
  if (!run_analysis(o.paths, analysis)) return 2;
  print_failures(analysis.failures, o.paths.quiet || o.format != "text");

  Report report;
  report.findings = run_rules(analysis.model, filter);
  report.failures = analysis.failures;
  // Files from the index only inform the rules: their own findings are the
  // business of their repository's check (related locations may point there).
  std::set<std::string> indexed;
  for (const auto& f : analysis.model.files)
    if (f.from_index) indexed.insert(f.display_path);
  for (const auto& c : analysis.model.contracts)
    if (c.from_index) indexed.insert(c.path);
  std::erase_if(report.findings, [&](const Finding& f) { return indexed.count(f.loc.path) > 0; });
  report.files_analyzed = analysis.model.files.size() + analysis.model.contracts.size() - indexed.size();
  report.cwd = std::filesystem::current_path().string();
  report.srcroot = source_root(o.paths.paths, report.cwd);
  report.command = "check";
  report.tool_version = PIPELINT_VERSION;
  report.command_line = o.argv;

  SourceProvider sources(report.cwd);
  if (!o.paths.stdin_filename.empty()) sources.set_override(o.paths.stdin_filename, o.paths.stdin_content);
  if (!o.paths.diff_base.empty()) {
    BaseFindings base = findings_at_revision(o.paths.diff_base, o.paths, filter, report.srcroot);
    if (!base.error.empty()) {
      std::cerr << "pipelint: error: " << base.error << '\n';
      return 2;
    }
    keep_new_findings(report, sources, std::move(base.fingerprints));
  }
  report.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::ofstream file;
  std::ostream* out = open_output(o.paths.output, file);
  if (!out) return 2;
  if (o.format == "text") write_text(report, sources, *out, out == &std::cout && isatty(STDOUT_FILENO));
  else if (o.format == "json") write_json(report, sources, *out);
  else if (o.format == "sarif") write_sarif(report, sources, *out);
  else if (o.format == "github") write_github(report, *out);
  else if (o.format == "markdown") write_markdown(report, *out);
  out->flush();

  if (o.exit_zero) return 0;
  Severity threshold = o.fail_on == "warning" ? Severity::Warning : o.fail_on == "note" ? Severity::Note : Severity::Error;
  for (const auto& f : report.findings)
    if (!f.suppressed && f.severity >= threshold) return 1;
  return 0;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "check files against the platform's rules");
  add_path_options(*cmd, o->paths);
  cmd->add_option("-f,--format", o->format, "text, json, sarif, github or markdown")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "markdown"}));
  cmd->add_option("--select", o->select, "rule ids or prefixes to run (replaces the configured selection)");
  cmd->add_option("--ignore", o->ignore, "rule ids or prefixes to skip");
  cmd->add_option("--fail-on", o->fail_on, "lowest severity that makes the exit code 1 (default: error)")
      ->check(CLI::IsMember({"error", "warning", "note"}));
  cmd->add_option("--index", o->paths.index_path,
                  "platform index (pipelint index): check the paths against the other repositories in it");
  add_contract_base_options(*cmd, o->paths);
  cmd->add_flag("--exit-zero", o->exit_zero, "exit 0 even when there are findings");
  cmd->add_flag("--require-reason", o->require_reason,
                "report a `pipelint: ignore[...]` comment without a reason as SUP001");
  return {cmd, [o] { return run_check(*o); }};
}

}  // namespace pipelint::cli

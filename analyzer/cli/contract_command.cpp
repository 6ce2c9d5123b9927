// pipelint contract diff OLD NEW: every change between two versions of a data
// contract, classified breaking / producer-breaking / non-breaking (SPEC 4).
// Exit 1 when a change breaks consumers, 0 otherwise, 2 when a file cannot be
// read or the new contract is invalid.
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer/cli/commands.h"
#include "parsers/contracts/compatibility.h"
#include "parsers/contracts/contract_loader.h"
#include "parsers/contracts/semver.h"

namespace pipelint::cli {
namespace {

struct Counts {
  size_t breaking = 0, producer = 0, non_breaking = 0;
};

Counts count(const std::vector<Change>& changes) {
  Counts c;
  for (const auto& ch : changes) {
    if (ch.impact == Impact::Breaking) ++c.breaking;
    else if (ch.impact == Impact::ProducerBreaking) ++c.producer;
    else ++c.non_breaking;
  }
  return c;
}

// Reads and loads one contract; on a fatal problem prints one line and returns nullopt.
std::optional<ContractFile> load(const std::string& path, bool must_be_valid) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "pipelint: error: cannot read " << path << '\n';
    return std::nullopt;
  }
  std::string bytes;
  bytes.reserve(1 << 16);
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (bytes.size() > kMaxContractBytes) break;  // load_contract reports it
  }
  if (in.bad()) {
    std::cerr << "pipelint: error: cannot read " << path << '\n';
    return std::nullopt;
  }
  ContractFile f = load_contract(path, bytes);
  auto first = [&] {
    const auto& i = f.issues.front();
    std::string more = f.issues.size() > 1 ? " (and " + std::to_string(f.issues.size() - 1) + " more problems)" : "";
    return path + ":" + std::to_string(i.line) + ":" + std::to_string(i.col) + ": " + i.message + more;
  };
  if (!f.parsed) {
    std::cerr << "pipelint: error: " << first() << '\n';
    return std::nullopt;
  }
  if (f.contract.kind.value != "DataContract") {
    std::cerr << "pipelint: error: " << path << " is not a data contract (no `kind: DataContract`)\n";
    return std::nullopt;
  }
  if (!f.issues.empty()) {
    if (must_be_valid) {
      std::cerr << "pipelint: error: invalid data contract: " << first() << '\n';
      return std::nullopt;
    }
    std::cerr << "pipelint: note: " << first() << "; comparing what could be read\n";
  }
  return f;
}

// Is there a major version bump between the two contracts? nullopt when a version is not semver.
std::optional<bool> major_bump(const DataContract& o, const DataContract& n) {
  auto ov = parse_semver(o.version.value), nv = parse_semver(n.version.value);
  if (!ov || !nv) return std::nullopt;
  return is_major_bump(*ov, *nv);
}

bool several_tables(const ContractFile& o, const ContractFile& n) {
  return o.contract.schema.size() > 1 || n.contract.schema.size() > 1;
}

void write_text(const ContractFile& o, const ContractFile& n, const std::vector<Change>& changes, std::ostream& out) {
  bool tables = several_tables(o, n);
  for (const auto& c : changes) {
    const std::string& path = c.in_old ? o.path : n.path;
    YamlPos p = c.pos.known() ? c.pos : YamlPos{1, 1};
    out << path << ':' << p.line << ':' << p.col << ": " << to_string(c.impact) << ": " << c.message;
    if (tables && !c.table.empty()) out << " [" << c.table << ']';
    out << '\n';
  }
  Counts k = count(changes);
  if (k.breaking > 0) {
    auto bump = major_bump(o.contract, n.contract);
    if (bump && !*bump)
      out << n.path << ':' << std::max<uint32_t>(1, n.contract.version.pos.line) << ':'
          << std::max<uint32_t>(1, n.contract.version.pos.col) << ": note: breaking changes need a major version bump ("
          << o.contract.version.value << " -> " << n.contract.version.value << ")\n";
  }
  out << k.breaking << " breaking, " << k.producer << " producer-breaking, " << k.non_breaking
      << " non-breaking change" << (changes.size() == 1 ? "" : "s") << '\n';
}

void write_json(const ContractFile& o, const ContractFile& n, const std::vector<Change>& changes, std::ostream& out) {
  using J = nlohmann::ordered_json;
  auto side = [](const ContractFile& f) {
    return J{{"path", f.path}, {"id", f.contract.id.value}, {"version", f.contract.version.value},
             {"status", f.contract.status.value}};
  };
  J arr = J::array();
  for (const auto& c : changes) {
    YamlPos p = c.pos.known() ? c.pos : YamlPos{1, 1};
    arr.push_back(J{{"impact", to_string(c.impact)}, {"kind", to_string(c.kind)}, {"table", c.table},
                    {"column", c.column}, {"old", c.old_value}, {"new", c.new_value}, {"message", c.message},
                    {"path", c.in_old ? o.path : n.path}, {"line", p.line}, {"col", p.col},
                    {"side", c.in_old ? "old" : "new"}});
  }
  Counts k = count(changes);
  auto bump = major_bump(o.contract, n.contract);
  J doc{{"schema_version", 1},
        {"old", side(o)},
        {"new", side(n)},
        {"changes", arr},
        {"summary", J{{"breaking", k.breaking}, {"producer_breaking", k.producer}, {"non_breaking", k.non_breaking},
                      {"major_version_bump", bump ? J(*bump) : J(nullptr)}}}};
  // Invalid UTF-8 cannot reach here (the loader refuses it), but never abort on output.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

Command add_contract_command(CLI::App& app) {
  struct Options {
    std::string old_path, new_path, format = "text";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("contract", "data contract tools (ODCS v3)");
  cmd->require_subcommand(1);
  auto* diff = cmd->add_subcommand("diff", "classify every change between two versions of a contract; exit 1 on breaking changes");
  diff->add_option("old", o->old_path, "the contract before the change")->required();
  diff->add_option("new", o->new_path, "the contract after the change")->required();
  diff->add_option("-f,--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  return {cmd, [o] {
    auto old_file = load(o->old_path, false);
    if (!old_file) return 2;
    auto new_file = load(o->new_path, true);
    if (!new_file) return 2;
    std::vector<Change> changes = diff_contracts(old_file->contract, new_file->contract);
    if (o->format == "json") write_json(*old_file, *new_file, changes, std::cout);
    else write_text(*old_file, *new_file, changes, std::cout);
    std::cout.flush();
    return has_breaking(changes) ? 1 : 0;
  }};
}

}  // namespace pipelint::cli

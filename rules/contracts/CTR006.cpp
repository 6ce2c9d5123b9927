// CTR006: a contract for a table that no pipeline writes, or a CREATE TABLE
// whose columns disagree with the table's contract.
#include <algorithm>
#include <cctype>
#include <map>

#include "analyzer/model/glob.h"
#include "analyzer/model/graph/platform_graph.h"
#include "parsers/contracts/column_types.h"
#include "rules/contracts/table_contracts.h"
#include "rules/engine/rule.h"

namespace pipelint {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// ---- Case 1: nobody writes the contract's table --------------------------------

// A write that makes the table exist or fills it (DDL included, maintenance not).
bool creating_or_producing(std::string_view mode) {
  return is_producing_mode(mode) || mode == "create" || mode == "replace";
}

bool written(const Model& m, const PlatformGraph& g, const GraphTable& t) {
  for (uint32_t e : t.writes)
    for (uint32_t ai : g.edges[e].accesses)
      if (creating_or_producing(m.accesses[ai].rec(m).mode)) return true;
  return false;
}

// "{catalog}.gold_billing.invoices" -> "*.gold_billing.invoices"
std::string placeholder_glob(const std::string& name) {
  std::string out;
  int depth = 0;
  for (char c : name) {
    if (c == '{') {
      if (depth++ == 0) out += '*';
    } else if (c == '}') {
      depth = std::max(0, depth - 1);
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

struct WrittenTables {
  const Model& m;
  const PlatformGraph& g;
  std::vector<std::string> unresolved_globs;  // written names with placeholders: they may be the table

  WrittenTables(const Model& model, const PlatformGraph& graph) : m(model), g(graph) {
    for (const GraphTable& t : g.tables)
      if (t.unresolved && written(m, g, t)) unresolved_globs.push_back(placeholder_glob(t.name));
  }
  bool may_be_written(const std::string& name) const {
    if (name.empty()) return true;
    if (auto id = g.find_table(name); id && written(m, g, g.tables[*id])) return true;
    std::string l = lower(name);
    for (const auto& glob : unresolved_globs)
      if (table_glob_match(glob, l)) return true;
    return false;
  }
};

// The repositories of the analysed code, by display-path prefix ("repos/x/"),
// and whether their code writes any table.
std::map<std::string, bool> repositories(const Model& m) {
  std::map<std::string, bool> repos;
  for (const auto& f : m.files) {
    const std::string& p = f.display_path;
    if (f.repo_rel.empty() || p.size() < f.repo_rel.size() || p.compare(p.size() - f.repo_rel.size(), std::string::npos, f.repo_rel) != 0)
      continue;
    std::string prefix = p.substr(0, p.size() - f.repo_rel.size());
    if (!prefix.empty() && prefix.back() != '/') continue;
    bool writes = false;
    for (const auto& a : f.records.accesses) writes |= a.op == Op::Write;
    repos[prefix] = repos[prefix] || writes;
  }
  return repos;
}

// Does the repository holding the contract have analysed code that writes tables?
bool producer_code_analysed(const std::map<std::string, bool>& repos, const std::string& contract_path) {
  const std::pair<const std::string, bool>* best = nullptr;
  for (const auto& r : repos)
    if (contract_path.compare(0, r.first.size(), r.first) == 0 && (!best || r.first.size() > best->first.size()))
      best = &r;
  return best && best->second;
}

// ---- Case 2: CREATE TABLE columns against the contract ------------------------

// The ODCS logical type a SQL type stores, "" when there is none to compare.
std::string logical_of_sql(const std::string& sql_type) {
  std::string t = lower(sql_type);
  size_t end = t.find_first_of("(< ");
  std::string head = t.substr(0, end);
  static const std::map<std::string, std::string> kinds = {
      {"tinyint", "integer"}, {"byte", "integer"},   {"smallint", "integer"},     {"short", "integer"},
      {"int", "integer"},     {"integer", "integer"}, {"bigint", "integer"},      {"long", "integer"},
      {"float", "number"},    {"real", "number"},    {"double", "number"},        {"decimal", "number"},
      {"dec", "number"},      {"numeric", "number"}, {"string", "string"},        {"varchar", "string"},
      {"char", "string"},     {"character", "string"}, {"text", "string"},        {"date", "date"},
      {"timestamp", "timestamp"}, {"timestamp_ntz", "timestamp"}, {"timestamp_ltz", "timestamp"},
      {"boolean", "boolean"}, {"bool", "boolean"},   {"array", "array"},          {"struct", "object"},
      {"map", "object"}};
  auto it = kinds.find(head);
  return it == kinds.end() ? "" : it->second;
}

// Why the declared type does not fit the contract's column, or "".
std::string type_problem(const Property& p, const std::string& sql_type) {
  if (!p.physical_type.value.empty()) {
    TypeComparison c = compare_physical_types(p.physical_type.value, sql_type);
    if (c.verdict == TypeVerdict::Same) return "";
    return "`" + p.name + "` is `" + c.new_type + "` here but `" + c.old_type + "` in the contract";
  }
  std::string logical = lower(p.logical_type.value), declared = logical_of_sql(sql_type);
  if (logical.empty() || declared.empty() || logical == declared) return "";
  if (logical == "number" && declared == "integer") return "";
  return "`" + p.name + "` is `" + lower(sql_type) + "` here but logicalType `" + logical + "` in the contract";
}

std::vector<std::string> column_problems(const DeclaredColumns& d, const SchemaObject& o) {
  std::vector<std::string> problems;
  std::map<std::string, const Property*> promised;
  for (const auto& p : o.properties) promised.emplace(lower(p.name), &p);
  std::map<std::string, bool> declared;
  for (const auto& [name, type] : d.columns) {
    declared[lower(name)] = true;
    auto it = promised.find(lower(name));
    if (it == promised.end()) {
      problems.push_back("column `" + name + "` is not in the contract");
      continue;
    }
    std::string why = type_problem(*it->second, type);
    if (!why.empty()) problems.push_back(why);
  }
  for (const auto& p : o.properties)
    if (!declared.count(lower(p.name))) problems.push_back("the contract's column `" + p.name + "` is missing");
  return problems;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "; " : "") + items[i];
  return out;
}

class CTR006 : public Rule {
 public:
  const RuleDoc& doc() const override {
    static const RuleDoc d{
        "CTR006", "contract-without-producer", "contracts", Severity::Warning,
        "Contract for a table that no pipeline writes, or whose CREATE TABLE columns disagree",
        "Two checks. (1) A schema object of an `active` or `deprecated` contract whose table (under any of "
        "its `databricks` servers) no analysed pipeline writes or creates: reported at its `physicalName` "
        "(else `name`). Only when the repository holding the contract has analysed code that writes "
        "tables, so a contract checked alone, or with the code of other teams only, is not reported; "
        "`proposed`/`draft` contracts (announced before the pipeline) and `retired` ones are skipped, and "
        "a written name with unresolved parts that could be the table counts as a writer. (2) A "
        "`CREATE TABLE t (col type, ...)` of a table a contract covers, whose columns disagree with the "
        "contract's `properties`: a column on one side only (compared case-insensitively), or a type "
        "that differs from the contract's `physicalType` (up to aliases such as `INT` = `integer`; a "
        "widening either way is a difference) or, without one, does not store its `logicalType` "
        "(`number` accepts integer types). Once per statement, at the CREATE TABLE, with the contract's "
        "table as related location.",
        "A contract whose table nobody produces promises consumers data that never arrives, or names "
        "the wrong table (a typo in `physicalName`, a renamed table). A CREATE TABLE that disagrees with "
        "the contract builds a table that breaks the promise from its first row.",
        "-- contract: invoice_id string, amount_eur decimal(12,2)\n"
        "CREATE TABLE IF NOT EXISTS prod_de.gold_billing.invoices (invoice_id STRING, amount DOUBLE)",
        "CREATE TABLE IF NOT EXISTS prod_de.gold_billing.invoices (invoice_id STRING, amount_eur DECIMAL(12,2))",
        "sql"};
    return d;
  }

  void check(const Model& m, std::vector<Finding>& out) const override {
    check_producers(m, out);
    check_declared_columns(m, out);
  }

 private:
  void check_producers(const Model& m, std::vector<Finding>& out) const {
    if (m.contracts.empty()) return;
    const PlatformGraph& g = platform_graph(m);
    WrittenTables writes(m, g);
    auto repos = repositories(m);
    for (const auto& file : m.contracts) {
      const DataContract& c = file.contract;
      if (!file.parsed || c.is_retired() || not_yet_active(c) || !producer_code_analysed(repos, file.path)) continue;
      for (const auto& o : c.schema) {
        bool any = writes.may_be_written(o.table);
        for (const auto& other : o.other_tables) any = any || writes.may_be_written(other);
        if (any) continue;
        std::string id = c.id.value.empty() ? file.path : c.id.value;
        out.push_back(make(table_location(file, o),
                           "contract " + contract_text(file) + " covers `" + o.table +
                               "`, but no analysed pipeline writes or creates it: consumers are promised a table "
                               "nobody produces; fix the `physicalName` or add the producing pipeline",
                           id + ": " + o.table));
      }
    }
  }

  void check_declared_columns(const Model& m, std::vector<Finding>& out) const {
    if (m.contracts.empty()) return;
    TableContracts contracts(m);
    for (const auto& file : m.files) {
      if (!file.config) continue;
      for (const auto& d : file.records.declared_columns) {
        if (d.columns.empty()) continue;
        ResolvedName name = resolve_name(d.table, file.config->ns);
        if (name.resolved != Resolution::Full) continue;
        const ContractCover* cover = preferred_cover(contracts.of(name.text));
        if (!cover || cover->object->properties.empty()) continue;
        auto problems = column_problems(d, *cover->object);
        if (problems.empty()) continue;
        Finding f = make(Location{file.display_path, d.line, d.col, 0},
                         "CREATE TABLE `" + name.text + "` disagrees with its contract " + contract_text(*cover->file) +
                             ": " + join(problems) + "; the table breaks the contract's promise from its first row",
                         lower(name.text) + " columns");
        f.related.push_back({table_location(*cover->file, *cover->object), "the contract's table"});
        out.push_back(std::move(f));
      }
    }
  }
};

PIPELINT_RULE(CTR006)

}  // namespace
}  // namespace pipelint

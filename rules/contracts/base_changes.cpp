#include "rules/contracts/base_changes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace pipelint {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "address.zip" -> "address": code references the top-level column.
std::string top_column(const std::string& column) { return lower(column.substr(0, column.find('.'))); }

// Changes that break readers of one column only; every other breaking change
// (table removed or moved, SLA loosened, retired, primary key) breaks the table.
bool is_column_change(const Change& c) {
  if (c.column.empty()) return false;
  return c.kind == ChangeKind::ColumnRemoved || c.kind == ChangeKind::ColumnRenamed ||
         c.kind == ChangeKind::TypeChanged || c.kind == ChangeKind::MadeNullable;
}

struct TableImpact {
  bool whole = false;
  std::set<std::string> columns;  // lower-case top-level names
};

void add_object_names(const SchemaObject* o, std::set<std::string>& names) {
  if (!o) return;
  if (!o->table.empty()) names.insert(lower(o->table));
  for (const auto& t : o->other_tables) names.insert(lower(t));
}

// Every table name (any server's qualification) a change concerns.
std::set<std::string> change_tables(const Change& c, const DataContract& old_c, const DataContract* new_c) {
  std::set<std::string> names;
  if (c.table.empty()) {
    for (const auto& o : old_c.schema) add_object_names(&o, names);
    return names;
  }
  names.insert(lower(c.table));
  add_object_names(old_c.find_table(c.table), names);
  if (new_c) add_object_names(new_c->find_table(c.table), names);
  if (c.kind == ChangeKind::PhysicalNameChanged) add_object_names(old_c.find_table(c.old_value), names);
  return names;
}

std::map<std::string, TableImpact> impacts_of(const DataContract& old_c, const DataContract* new_c,
                                              const std::vector<const Change*>& breaking) {
  std::map<std::string, TableImpact> impacts;
  for (const Change* c : breaking) {
    for (const auto& t : change_tables(*c, old_c, new_c)) {
      TableImpact& impact = impacts[t];
      if (!is_column_change(*c)) {
        impact.whole = true;
        continue;
      }
      impact.columns.insert(top_column(c->column));
      if (c->kind == ChangeKind::ColumnRenamed) impact.columns.insert(top_column(c->old_value));
    }
  }
  return impacts;
}

}  // namespace

std::vector<ContractChanges> contract_changes(const Model& m) {
  std::vector<ContractChanges> out;
  if (!m.has_contract_base) return out;
  for (const auto& base : m.base_contracts) {
    if (!base.file.parsed) continue;
    ContractChanges cc;
    cc.base = &base;
    if (base.current >= 0 && static_cast<size_t>(base.current) < m.contracts.size()) {
      cc.now = &m.contracts[base.current];
      if (!cc.now->parsed) continue;
      cc.changes = diff_contracts(base.file.contract, cc.now->contract);
    } else {
      for (const auto& o : base.file.contract.schema)
        cc.changes.push_back(Change{ChangeKind::TableRemoved, Impact::Breaking, o.table, "", o.table, "",
                                    "contract removed: table `" + o.table + "` loses its contract", o.pos, true});
    }
    out.push_back(std::move(cc));
  }
  return out;
}

Location change_location(const ContractFile& now, const Change& c) {
  YamlPos pos = c.in_old ? YamlPos{} : c.pos;
  if (!pos.known() && !c.table.empty())
    if (const SchemaObject* o = now.contract.find_table(c.table)) pos = o->pos;
  if (!pos.known()) pos = now.contract.version.pos;
  if (!pos.known()) pos = YamlPos{1, 1};
  return Location{now.path, pos.line, pos.col, 0};
}

std::vector<Consumer> affected_consumers(const Model& m, const DataContract& old_contract,
                                         const DataContract* new_contract, const std::vector<const Change*>& breaking) {
  std::map<std::string, TableImpact> impacts = impacts_of(old_contract, new_contract, breaking);
  std::set<std::pair<uint32_t, std::string>> writers;  // (file, table): the table's own producers
  for (const auto& a : m.accesses)
    if (a.rec(m).op == Op::Write && impacts.count(lower(a.table))) writers.insert({a.file, lower(a.table)});

  std::vector<Consumer> out;
  std::map<uint32_t, size_t> by_file;  // file -> index in out
  for (uint32_t ai = 0; ai < m.accesses.size(); ++ai) {
    const TableAccess& a = m.accesses[ai];
    if (a.rec(m).op != Op::Read) continue;
    std::string table = lower(a.table);
    auto it = impacts.find(table);
    if (it == impacts.end() || writers.count({a.file, table})) continue;
    std::vector<std::string> columns;
    bool affected = it->second.whole;
    if (!affected) {
      bool known = false, star = false;
      for (const ColumnRef& ref : m.files[a.file].records.columns) {
        if (ref.access != a.record) continue;
        known = true;
        if (ref.column == "*") star = true;
        else if (it->second.columns.count(top_column(ref.column))) columns.push_back(ref.column);
      }
      affected = !known || star || !columns.empty();
      if (!known || star) columns.clear();
    }
    if (!affected) continue;
    auto [slot, fresh] = by_file.emplace(a.file, out.size());
    if (fresh) {
      out.push_back({a.file, ai, a.table, {}});
    }
    Consumer& c = out[slot->second];
    c.columns.insert(c.columns.end(), columns.begin(), columns.end());
  }
  for (auto& c : out) {
    std::sort(c.columns.begin(), c.columns.end());
    c.columns.erase(std::unique(c.columns.begin(), c.columns.end()), c.columns.end());
  }
  std::sort(out.begin(), out.end(), [&](const Consumer& x, const Consumer& y) {
    return m.files[x.file].display_path < m.files[y.file].display_path;
  });
  return out;
}

std::string version_step(const Model& m, const ContractChanges& c) {
  std::string old_v = c.base->file.contract.version.value.empty() ? "(none)" : c.base->file.contract.version.value;
  std::string step = old_v + " at " + m.contract_base_label;
  if (c.now) step += " -> " + (c.now->contract.version.value.empty() ? "(none)" : c.now->contract.version.value);
  return step;
}

}  // namespace pipelint

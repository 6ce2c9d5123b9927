#include "rules/contracts/table_contracts.h"

#include <algorithm>
#include <cctype>

namespace pipelint {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool status_is(const DataContract& c, const char* status) { return lower(c.status.value) == status; }

}  // namespace

TableContracts::TableContracts(const Model& model) {
  for (const auto& file : model.contracts)
    for (const auto& object : file.contract.schema) {
      auto add = [&](const std::string& table) {
        if (table.empty()) return;
        auto& covers = by_table_[lower(table)];
        // One schema object listed under two servers that qualify it alike is one cover.
        if (covers.empty() || covers.back().object != &object) covers.push_back({&file, &object});
      };
      add(object.table);
      for (const auto& t : object.other_tables) add(t);
    }
}

const std::vector<ContractCover>& TableContracts::of(std::string_view table) const {
  static const std::vector<ContractCover> none;
  if (table.find('{') != std::string_view::npos) return none;
  auto it = by_table_.find(lower(table));
  return it == by_table_.end() ? none : it->second;
}

bool TableContracts::promised(std::string_view table) const {
  for (const auto& c : of(table))
    if (!not_yet_active(c.file->contract)) return true;
  return false;
}

bool in_force(const DataContract& c) { return !c.is_deprecated() && !c.is_retired(); }

bool not_yet_active(const DataContract& c) { return status_is(c, "proposed") || status_is(c, "draft"); }

const ContractCover* preferred_cover(const std::vector<ContractCover>& covers) {
  for (const auto& c : covers)
    if (in_force(c.file->contract)) return &c;
  return covers.empty() ? nullptr : &covers.front();
}

std::string contract_text(const ContractFile& f) {
  const DataContract& c = f.contract;
  std::string id = c.id.value.empty() ? std::string("(no id)") : c.id.value;
  return "`" + id + "`" + (c.version.value.empty() ? "" : " " + c.version.value) + " (" + f.path + ")";
}

Location table_location(const ContractFile& f, const SchemaObject& o) {
  YamlPos pos = o.physical_name.present() ? o.physical_name.pos : o.pos;
  if (!pos.known()) return Location{f.path, 1, 1, 0};
  return Location{f.path, pos.line, pos.col == 0 ? 1 : pos.col, 0};
}

Location status_location(const ContractFile& f) {
  YamlPos pos = f.contract.status.pos;
  if (!pos.known()) return Location{f.path, 1, 1, 0};
  return Location{f.path, pos.line, pos.col == 0 ? 1 : pos.col, 0};
}

}  // namespace pipelint

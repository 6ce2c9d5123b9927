#include "rules/contracts/column_contracts.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace pipelint {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

const TableAccess* access_at(const Model& m, uint32_t file, uint32_t record) {
  auto it = std::lower_bound(m.accesses.begin(), m.accesses.end(), std::make_pair(file, record),
                             [](const TableAccess& a, const std::pair<uint32_t, uint32_t>& k) {
                               return std::make_pair(a.file, a.record) < k;
                             });
  return it != m.accesses.end() && it->file == file && it->record == record ? &*it : nullptr;
}

std::string_view top_level(std::string_view column) { return column.substr(0, column.find('.')); }

const Property* find_column(const SchemaObject& o, std::string_view column) {
  for (const auto& p : o.properties)
    if (iequals(p.name, column) || (p.physical_name.present() && iequals(p.physical_name.value, column))) return &p;
  return nullptr;
}

int classification_level(std::string_view c) {
  if (iequals(c, "public")) return 0;
  if (iequals(c, "internal")) return 1;
  if (iequals(c, "confidential")) return 2;
  if (iequals(c, "restricted")) return 3;
  if (iequals(c, "pii") || iequals(c, "sensitive") || iequals(c, "personal")) return 4;
  return -1;
}

}  // namespace pipelint

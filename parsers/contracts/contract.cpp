#include "parsers/contracts/contract.h"

#include <algorithm>
#include <cctype>

namespace pipelint {
namespace {

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

const SchemaObject* DataContract::find_table(const std::string& table) const {
  for (const auto& o : schema) {
    if (!o.table.empty() && iequals(o.table, table)) return &o;
    for (const auto& t : o.other_tables)
      if (iequals(t, table)) return &o;
  }
  return nullptr;
}

bool DataContract::is_retired() const { return iequals(status.value, "retired"); }
bool DataContract::is_deprecated() const { return iequals(status.value, "deprecated"); }

}  // namespace pipelint

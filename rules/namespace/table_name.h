// Helpers the namespace rules share: splitting resolved names into parts and
// deciding which accesses the namespace applies to.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/model.h"

namespace pipelint {

// "a.b.c" → {"a","b","c"}; dots inside {placeholders} do not split.
std::vector<std::string_view> name_parts(std::string_view name);

inline bool is_placeholder_part(std::string_view part) { return part.find('{') != std::string_view::npos; }

// Is the name outside the platform (namespace.external globs)?
bool is_external(const std::string& table, const NamespaceConfig& ns);

// Table accesses the namespace rules look at: tables, and paths mapped to a table
// by namespace.locations; never names in namespace.external.
bool names_a_platform_table(const Model& m, const TableAccess& a);

// Why the catalog would reject or silently change a name part, or "" if it is fine.
std::string catalog_problem(std::string_view part);

// The part of catalog_problem that makes the catalog refuse the name (not just lower-case it).
bool rejected_by_catalog(std::string_view part);

// A readable form of a namespace regex: named groups become <name>, anchors and
// escapes go ("<env>_<country>.<layer>_<domain>.<table>").
std::string pattern_shape(const std::string& regex);

Location access_location(const Model& m, const TableAccess& a);

}  // namespace pipelint

// Helpers the ownership rules share: which accesses they look at and how teams
// and owners are named in messages.
#pragma once
#include <string>

#include "analyzer/model/model.h"
#include "analyzer/model/ownership.h"

namespace pipelint {

// The ownership of an accessed platform table, or nullptr when the ownership
// rules do not apply: no registry for the file, an unresolved name, a storage
// path that is no table, or a name in namespace.external.
const TableOwnership* platform_ownership(const Model& m, const TableAccess& a);

// "nordgrid-de (#nordgrid-data)", or just the id when the team has no contact.
std::string team_with_contact(const Config& config, const std::string& team);

// "nordgrid-de (#nordgrid-data)" / "nordgrid-de (#..) and billing-fr (#..)" for
// several owners of a known name; joined with "or" when the name is partial.
std::string owners_text(const Config& config, const TableOwnership& o);

// Does the lower-cased name match a namespace pattern (true when there are none)?
bool inside_namespace(const std::string& table, const NamespaceConfig& ns);

// "`prod_de.silver_billing.invoices`", or "`/mnt/lu/gold/x` (table `prod_lu.gold_core.x`)".
std::string table_text(const TableAccess& a);

}  // namespace pipelint

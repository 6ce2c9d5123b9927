// The named groups of a table name (`layer`, `country`, `domain`, ...), taken from
// the first namespace pattern the name matches, and the layer they give.
#pragma once
#include <map>
#include <string>

#include "analyzer/config/config.h"

namespace pipelint {

// Groups of the first pattern that fully matches `table` (lower-cased first);
// empty when none matches. Groups that did not participate are left out.
std::map<std::string, std::string> name_groups(const std::string& table, const NamespaceConfig& ns);

struct TableLayer {
  int index = -1;    // position in namespace.layers; -1 when unknown
  std::string name;  // "silver"
};

// The layer of a table name: the `layer` group of the matching pattern. A name
// with {placeholders} cannot match a pattern; SPEC 2.2 still wants its layer when
// the known parts say it ("{catalog}.silver_billing.readings"), so a placeholder
// name takes the layer whose name starts one of its fully known parts, followed
// by '_' or the end of the part — but only when exactly one layer does.
TableLayer table_layer(const std::string& table, const NamespaceConfig& ns);

}  // namespace pipelint

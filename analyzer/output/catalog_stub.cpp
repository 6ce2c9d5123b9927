// Placeholder until the catalog writers land (replaced by analyzer/output/catalog_*.cpp).
#include "analyzer/output/catalog.h"

namespace pipelint {

void write_catalog_markdown(const Model&, std::ostream& out) { out << "# Catalog\n"; }
void write_catalog_json(const Model&, std::ostream& out) { out << "{}\n"; }
void write_catalog_html(const Model&, std::ostream& out) { out << "<!doctype html>\n"; }

}  // namespace pipelint

// The platform catalog (SPEC 5 `pipelint catalog`, and catalog.* of `pipelint
// audit`): every table of the lineage graph with its owner, layer, producers and
// consumers (pipeline, team, location), and its contract (id, version, status)
// and SLA when one covers it. Markdown, JSON (versioned) and a self-contained,
// searchable HTML page that shows each table's lineage. Deterministic.
#pragma once
#include <ostream>

#include "analyzer/model/model.h"
#include "analyzer/output/catalog_rows.h"

namespace pipelint {

// From rows collected once (catalog_rows): the audit writes all three formats.
void write_catalog_markdown(const std::vector<CatalogRow>& rows, std::ostream& out);
void write_catalog_json(const std::vector<CatalogRow>& rows, std::ostream& out);
void write_catalog_html(const std::vector<CatalogRow>& rows, std::ostream& out);

inline void write_catalog_markdown(const Model& m, std::ostream& out) { write_catalog_markdown(catalog_rows(m), out); }
inline void write_catalog_json(const Model& m, std::ostream& out) { write_catalog_json(catalog_rows(m), out); }
inline void write_catalog_html(const Model& m, std::ostream& out) { write_catalog_html(catalog_rows(m), out); }

}  // namespace pipelint

// The inline style sheet and script of the catalog page (analyzer/output/catalog_html.cpp).
#pragma once

namespace pipelint {

extern const char* const kCatalogCss;
extern const char* const kCatalogJs;

}  // namespace pipelint

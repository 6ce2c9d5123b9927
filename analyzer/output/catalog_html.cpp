// `pipelint catalog --format html` and audit's catalog.html: one self-contained
// page (inline CSS and JS, no network). The table list is rendered here so the
// page reads without JavaScript; the script adds search and the detail view.
#include <cstdio>

#include "analyzer/output/catalog.h"
#include "analyzer/output/catalog_html.h"
#include "analyzer/output/catalog_html_assets.h"
#include "analyzer/output/catalog_json.h"
#include "analyzer/output/catalog_rows.h"
#include "parsers/common/utf8.h"

namespace pipelint {

std::string catalog_html_escape(const std::string& raw) {
  std::string out;
  for (char c : utf8::printable(raw)) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string script_safe_json(const std::string& json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    // JSON has '<', '>' and '&' only inside strings, where \u escapes mean the
    // same; so no "</script", "<!--" or entity can end or confuse the element.
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
             (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // line terminators in old JS parsers
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// For #table=<name>: everything but unreserved characters percent-encoded.
std::string fragment_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// Escaped text with <wbr> after '.', '_' and '/', where long names may wrap.
std::string breakable(const std::string& escaped) {
  std::string out;
  for (char c : escaped) {
    out += c;
    if (c == '.' || c == '_' || c == '/') out += "<wbr>";
  }
  return out;
}

void write_list(const std::vector<CatalogRow>& rows, std::ostream& out) {
  out << "<nav aria-label=\"tables\" id=\"table-list\">\n";
  for (const CatalogTeam& team : catalog_teams(rows)) {
    out << "<section>\n<h2>" << (team.team.empty() ? "no owning team" : catalog_html_escape(team.team)) << "</h2>\n<ul>\n";
    for (size_t i : team.rows) {
      const CatalogRow& r = rows[i];
      out << "<li data-i=\"" << i << "\" data-name=\"" << catalog_html_escape(r.name) << "\"><a href=\"#table="
          << fragment_encode(r.name) << "\">" << breakable(catalog_html_escape(r.name)) << "</a>";
      if (!r.layer.empty()) out << "<span class=\"meta\">" << catalog_html_escape(r.layer) << "</span>";
      out << "</li>\n";
    }
    out << "</ul>\n</section>\n";
  }
  out << "</nav>\n";
}

}  // namespace

void write_catalog_html(const std::vector<CatalogRow>& rows, std::ostream& out) {
  out << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
         "<title>Platform catalog — pipelint</title>\n<style>"
      << kCatalogCss << "</style>\n</head>\n<body>\n<header>\n<h1>Platform catalog</h1>\n"
      << "<label for=\"search\">Search</label>\n"
         "<input id=\"search\" type=\"search\" autocomplete=\"off\" "
         "placeholder=\"table, team, layer or column\">\n"
         "<span id=\"count\" aria-live=\"polite\">"
      << rows.size() << (rows.size() == 1 ? " table" : " tables") << "</span>\n</header>\n"
      << "<noscript><p style=\"padding:0 20px\">Search, table details and lineage need JavaScript. "
         "The same catalog is available as catalog.md and catalog.json.</p></noscript>\n"
      << "<div class=\"layout\">\n";
  write_list(rows, out);
  out << "<main id=\"detail\" aria-live=\"polite\"></main>\n</div>\n"
      << "<script type=\"application/json\" id=\"catalog-data\">" << script_safe_json(catalog_json_text(rows, -1))
      << "</script>\n<script>" << kCatalogJs << "</script>\n</body>\n</html>\n";
}

}  // namespace pipelint

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analyzer/output/catalog.h"
#include "analyzer/output/catalog_html.h"
#include "tests/unit/catalog/catalog_test_util.h"

using namespace pipelint;
using namespace pipelint::test;

namespace {

// The JSON embedded in the page's data element.
std::string embedded_json(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"catalog-data\">";
  size_t start = html.find(open);
  if (start == std::string::npos) return "";
  start += open.size();
  size_t end = html.find("</script>", start);
  return html.substr(start, end - start);
}

}  // namespace

TEST_CASE("catalog json: versioned shape", "[catalog]") {
  CatalogScratch s;
  write_platform(s);
  Analysis a = s.analyze();
  auto doc = nlohmann::json::parse(render(a.model, write_catalog_json));
  CHECK(doc["version"] == 1);
  REQUIRE(doc["tables"].size() == 3);
  const auto& silver = doc["tables"][2];
  CHECK(silver["name"] == "prod_de.silver_metering.readings");
  CHECK(silver["kind"] == "table");
  CHECK(silver["owner"] == "billing-de");
  CHECK(silver["layer"] == "silver");
  CHECK(silver["producers"][0]["pipeline"] == "jobs/silver.py");
  CHECK(silver["producers"][0]["modes"][0] == "append");
  CHECK(silver["producers"][0]["runs"][0]["dag"] == "metering_daily");
  CHECK(silver["consumers"][0]["pipeline"] == "jobs/gold.py");
  CHECK(silver["contract"]["version"] == "2.1.0");
  CHECK(silver["contract"]["status"] == "active");
  CHECK(silver["contract"]["sla"]["latency"]["text"] == "2 h");
  CHECK(silver["contract"]["sla"]["frequency"].is_null());
  CHECK(silver["contract"]["columns"][0]["name"] == "meter_id");
  CHECK(silver["upstream"][0] == "prod_de.bronze_metering.raw");
  CHECK(doc["tables"][0]["contract"].is_null());
  CHECK(doc["tables"][0]["producers"].empty());
}

TEST_CASE("catalog markdown: contents by team, a section per table", "[catalog]") {
  CatalogScratch s;
  write_platform(s);
  Analysis a = s.analyze();
  std::string md = render(a.model, write_catalog_markdown);
  CHECK(md.rfind("# Platform catalog\n", 0) == 0);
  CHECK(md.find("**billing-de** (3)") != std::string::npos);
  CHECK(md.find("### prod\\_de.silver\\_metering.readings") != std::string::npos);
  CHECK(md.find("| jobs/silver.py | 2:") != std::string::npos);
  CHECK(md.find("version 2.1.0, status active") != std::string::npos);
  CHECK(md.find("latency 2 h") != std::string::npos);
  CHECK(md.find("metering\\_daily › silver") != std::string::npos);
}

TEST_CASE("catalog html: self-contained, data embedded and parseable", "[catalog]") {
  CatalogScratch s;
  write_platform(s);
  Analysis a = s.analyze();
  std::string html = render(a.model, write_catalog_html);
  CHECK(html.rfind("<!doctype html>", 0) == 0);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("<noscript>") != std::string::npos);
  auto doc = nlohmann::json::parse(embedded_json(html));
  CHECK(doc["tables"].size() == 3);
  CHECK(html.find("data-name=\"prod_de.gold_metering.daily\"") != std::string::npos);
  CHECK(html.find("href=\"#table=prod_de.gold_metering.daily\"") != std::string::npos);
}

TEST_CASE("catalog html: a hostile table name stays text", "[catalog]") {
  CatalogScratch s;
  s.write("pipelint.yaml", kCatalogConfig);
  s.write("jobs/evil.py",
          "spark.table('x</script><script>alert(1)</script>').write.saveAsTable('y\"><img src=x onerror=alert(2)>')\n"
          "spark.table('t\xE2\x80\xA8u').write.saveAsTable('&amp;<!--')\n");
  Analysis a = s.analyze();
  REQUIRE(a.error.empty());
  std::string html = render(a.model, write_catalog_html);
  // The only script end tags are the page's own two.
  size_t ends = 0;
  for (size_t at = html.find("</script"); at != std::string::npos; at = html.find("</script", at + 1)) ++ends;
  CHECK(ends == 2);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<!--") == std::string::npos);
  CHECK(embedded_json(html).find("\xE2\x80\xA8") == std::string::npos);  // raw U+2028 only outside the script
  auto doc = nlohmann::json::parse(embedded_json(html));
  std::vector<std::string> names;
  for (const auto& t : doc["tables"]) names.push_back(t["name"]);
  CHECK(std::find(names.begin(), names.end(), "x</script><script>alert(1)</script>") != names.end());
  CHECK(std::find(names.begin(), names.end(), "t\xE2\x80\xA8u") != names.end());
}

TEST_CASE("catalog html escaping helpers", "[catalog]") {
  CHECK(catalog_html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(script_safe_json("\"</script>\"") == "\"\\u003c/script\\u003e\"");
  CHECK(script_safe_json("\"a\xE2\x80\xA9" "b\"") == "\"a\\u2029b\"");
  CHECK(nlohmann::json::parse(script_safe_json("{\"k\":\"<&>\"}"))["k"] == "<&>");
}

TEST_CASE("catalog output is deterministic whatever --jobs", "[catalog]") {
  CatalogScratch s;
  write_platform(s);
  for (int i = 0; i < 6; ++i)
    s.write("jobs/extra_" + std::to_string(i) + ".py",
            "spark.table('prod_de.silver_metering.readings').write.saveAsTable('prod_de.gold_metering.x" +
                std::to_string(i) + "')\n");
  Analysis one = s.analyze(1), four = s.analyze(4);
  CHECK(render(one.model, write_catalog_json) == render(four.model, write_catalog_json));
  CHECK(render(one.model, write_catalog_markdown) == render(four.model, write_catalog_markdown));
  CHECK(render(one.model, write_catalog_html) == render(four.model, write_catalog_html));
}

TEST_CASE("catalog of an empty model", "[catalog]") {
  Model m;
  CHECK(nlohmann::json::parse(render(m, write_catalog_json))["tables"].empty());
  CHECK(render(m, write_catalog_markdown).find("0 tables") != std::string::npos);
  CHECK(render(m, write_catalog_html).find("</html>") != std::string::npos);
}

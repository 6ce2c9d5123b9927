// Pieces of the SARIF writer (sarif_writer.cpp assembles the run).
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/output/report.h"

namespace pipelint::sarif {

using Json = nlohmann::ordered_json;

// GitHub code scanning limits per run / per result.
constexpr size_t kMaxResults = 25000;
constexpr size_t kMaxRelatedLocations = 1000;
constexpr size_t kMaxThreadFlowLocations = 10000;

const char* level(Severity s);

// A message as SARIF and GitHub want it: non-empty, one line, ending in a period.
std::string sentence(const std::string& text);

// tool.driver.rules: every registered rule, then a plain descriptor for each rule
// id that findings use but nothing registered (so every result has a ruleIndex).
// `index` receives each id's position.
Json driver_rules(const std::vector<Finding>& findings, std::map<std::string, size_t>& index);

// Which findings become results: non-suppressed, at most kMaxResults, the most
// severe first and then in report order; returned in report order.
std::vector<const Finding*> select_results(const std::vector<Finding>& findings, size_t limit,
                                           size_t& cut);

}  // namespace pipelint::sarif

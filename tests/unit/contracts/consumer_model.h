// Small models for the consumers' contract rules (OWN005, CTR004, CTR006-CTR008):
// the ownership tests' GridUnion registry and hand-built files, plus contracts
// written inline.
#pragma once
#include <string>
#include <vector>

#include "parsers/contracts/contract_loader.h"
#include "tests/unit/ownership/model_builder.h"

namespace pipelint::test {

// A contract for one table; `columns` are ready-made `properties` items.
inline std::string contract_yaml(const std::string& id, const std::string& status, const std::string& table,
                                 const std::string& columns = "      - name: id\n        logicalType: string\n",
                                 const std::string& description = "") {
  return "apiVersion: v3.1.0\n"
         "kind: DataContract\n"
         "id: " + id + "\n"
         "version: 1.0.0\n"
         "status: " + status + "\n"
         "schema:\n"
         "  - name: t\n"
         "    physicalName: " + table + "\n" +  // line 8
         (description.empty() ? "" : "    description: " + description + "\n") +
         "    properties:\n" + columns;
}

inline void add_contract(Model& m, const std::string& path, const std::string& yaml) {
  m.contracts.push_back(load_contract(path, yaml));
}

inline std::shared_ptr<Config> layered(std::shared_ptr<Config> c) {
  c->ns.layers = {"bronze", "silver", "gold"};
  return c;
}

}  // namespace pipelint::test

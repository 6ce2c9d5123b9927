// What the SLA rules (OBS002, OBS004) share: which configuration governs a
// contract file, and which contract promises a latency for a table.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "analyzer/model/model.h"

namespace pipelint {

// The configuration of the repository a contract file lives in: that of an
// analysed file of the same repository, else the run's root configuration
// (nullptr when there is none).
const Config* contract_config(const Model& m, const ContractFile& contract);

// rules.options.<rule>.layers, lower-cased, or `fallback` when not set.
std::vector<std::string> layers_option(const Config* cfg, const std::string& rule, std::vector<std::string> fallback);

// A schema object whose contract promises a latency (freshness).
struct LatencyPromise {
  const ContractFile* file = nullptr;
  const SchemaObject* object = nullptr;
  const SlaDuration* latency = nullptr;
};

// Tables (lower-cased qualified names, also other servers' qualifications) with
// the latency their contract promises; retired contracts and latencies without a
// duration promise nothing. The first contract in path order wins.
std::map<std::string, LatencyPromise> latency_promises(const Model& m);

}  // namespace pipelint

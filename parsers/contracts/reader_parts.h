// The parts of a contract document, each read by its own file. Internal to the loader.
#pragma once
#include <vector>

#include "parsers/contracts/contract.h"
#include "parsers/contracts/yaml_fields.h"

namespace pipelint::contracts {

// `schema[]`: schema objects and their properties (schema_reader.cpp).
void read_schema(const Fields& top, IssueSink& sink, std::vector<SchemaObject>& out);
// `slaProperties[]`: latency/freshness, frequency, retention (sla_reader.cpp).
void read_sla(const Fields& top, IssueSink& sink, Sla& out);
// `servers[]` (servers_reader.cpp).
void read_servers(const Fields& top, IssueSink& sink, std::vector<Server>& out);
// Fills SchemaObject::table and other_tables from physicalName and the
// databricks servers; reports two objects describing one table (servers_reader.cpp).
void qualify_tables(DataContract& c, IssueSink& sink);
// Reports keys the ODCS schema does not define at this level.
void check_known_keys(const YAML::Node& map, const char* const* known, size_t count, const std::string& where,
                      IssueSink& sink);

}  // namespace pipelint::contracts

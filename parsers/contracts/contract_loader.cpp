#include "parsers/contracts/contract_loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "parsers/contracts/contract_text.h"
#include "parsers/contracts/reader_parts.h"
#include "parsers/contracts/semver.h"

namespace pipelint {
namespace {

using contracts::Fields;
using contracts::IssueSink;

const char* const kTopKeys[] = {
    "apiVersion", "authoritativeDefinitions", "contractCreatedTs", "customProperties", "dataProduct",
    "description", "domain", "id", "kind", "name", "price", "roles", "schema", "servers", "slaDefaultElement",
    "slaProperties", "status", "support", "tags", "team", "tenant", "version"};

bool is_v3_api(const std::string& v) {
  // v3.<minor>[.<patch>]: later v3 minors stay readable.
  if (v.size() < 4 || v.compare(0, 3, "v3.") != 0) return false;
  int dots = 0;
  bool digit_run = false;
  for (size_t i = 3; i < v.size(); ++i) {
    if (v[i] == '.') {
      if (!digit_run || ++dots > 1) return false;
      digit_run = false;
    } else if (v[i] >= '0' && v[i] <= '9') {
      digit_run = true;
    } else {
      return false;
    }
  }
  return digit_run;
}

PosString required_text(const Fields& top, const char* key, YamlPos doc_pos, IssueSink& sink) {
  auto v = top.text(key);
  if (!v) {
    if (!top.get(key) || top.get(key)->IsNull())
      sink.add(top.get(key) ? top.key_pos(key) : doc_pos,
               std::string("missing required field `") + key +
                   "` (ODCS v3 requires apiVersion, kind, id, version and status)");
    return {};
  }
  if (v->value.empty()) sink.add(v->pos, std::string("`") + key + "` must not be empty");
  return *v;
}

void read_team(const Fields& top, IssueSink& sink, DataContract& c) {
  const YAML::Node* t = top.get("team");
  if (!t || t->IsNull()) return;
  if (t->IsMap()) {  // v3.1: {name, description, members}
    Fields team(*t, "`team`", sink);
    if (auto name = team.text("name")) c.team = *name;
    else if (auto id = team.text("id")) c.team = *id;
    team.list("members");
  } else if (t->IsSequence()) {  // v3.0: a list of members, with no team name
    for (const auto& m : *t)
      if (!m.IsMap()) sink.add(m, "members of `team` must be mappings (username, role, ...), not " +
                                      std::string(contracts::node_kind(m)));
  } else {
    c.team = PosString{t->Scalar(), sink.pos(*t)};
    sink.add(*t, "`team` must be a mapping with a `name` (ODCS v3.1) or a list of members (v3.0), not a text "
                 "value; pipelint reads `" + t->Scalar() + "` as the team name");
  }
}

void read_document(const YAML::Node& doc, IssueSink& sink, DataContract& c) {
  Fields top(doc, "the contract", sink);
  contracts::check_known_keys(doc, kTopKeys, std::size(kTopKeys), "the contract", sink);
  YamlPos doc_pos = sink.pos(doc);

  c.api_version = required_text(top, "apiVersion", doc_pos, sink);
  c.kind = required_text(top, "kind", doc_pos, sink);
  c.id = required_text(top, "id", doc_pos, sink);
  c.version = required_text(top, "version", doc_pos, sink);
  c.status = required_text(top, "status", doc_pos, sink);

  if (c.api_version.present() && !c.api_version.value.empty() && !is_v3_api(c.api_version.value))
    sink.add(c.api_version.pos, "apiVersion `" + c.api_version.value +
                                    "` is not ODCS v3: pipelint reads v3.0.x and v3.1.x contracts");
  if (c.kind.present() && !c.kind.value.empty() && c.kind.value != "DataContract")
    sink.add(c.kind.pos, "kind `" + c.kind.value + "` is not `DataContract`");
  if (c.version.present() && !c.version.value.empty() && !parse_semver(c.version.value)) {
    std::string hint = c.version.value[0] == 'v' || c.version.value[0] == 'V' ? " without the leading `v`" : "";
    sink.add(c.version.pos, "version `" + c.version.value +
                                "` is not a semantic version: write MAJOR.MINOR.PATCH" + hint +
                                " (e.g. 1.2.0), so that breaking changes can require a major bump");
  }

  if (auto v = top.text("name")) c.name = *v;
  if (auto v = top.text("domain")) c.domain = *v;
  if (auto v = top.text("dataProduct")) c.data_product = *v;
  read_team(top, sink, c);
  contracts::read_servers(top, sink, c.servers);
  contracts::read_schema(top, sink, c.schema);
  contracts::read_sla(top, sink, c.sla);
  contracts::qualify_tables(c, sink);
}

uint32_t one_based(int v) { return v >= 0 ? static_cast<uint32_t>(v) + 1 : 1; }

}  // namespace

ContractFile load_contract(std::string path, std::string_view bytes) {
  ContractFile out;
  out.path = std::move(path);
  if (auto bad = contracts::check_contract_bytes(bytes)) {
    out.issues.push_back(*bad);
    return out;
  }
  std::string_view text = contracts::strip_bom(bytes);
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    out.issues.push_back({one_based(e.mark.line), one_based(e.mark.column), "invalid YAML: nested too deeply"});
    return out;
  } catch (const YAML::ParserException& e) {
    out.issues.push_back({one_based(e.mark.line), one_based(e.mark.column), "invalid YAML: " + e.msg});
    return out;
  } catch (const std::exception& e) {
    out.issues.push_back({1, 1, std::string("invalid YAML: ") + e.what()});
    return out;
  }
  IssueSink sink(text, out.issues);
  if (!doc.IsMap()) {
    sink.add(doc.IsDefined() && !doc.IsNull() ? sink.pos(doc) : YamlPos{1, 1},
             std::string("a data contract must be a YAML mapping with `kind: DataContract`, not ") +
                 contracts::node_kind(doc));
    return out;
  }
  out.parsed = true;
  read_document(doc, sink, out.contract);
  return out;
}

bool is_data_contract(std::string_view bytes) {
  for (size_t at = bytes.find("DataContract"); at != std::string_view::npos;
       at = bytes.find("DataContract", at + 1)) {
    size_t line_start = bytes.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::string_view line = bytes.substr(line_start, at - line_start);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.remove_prefix(3);
    if (line.rfind("kind:", 0) != 0) continue;  // top level only: no indentation
    line.remove_prefix(5);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line == "\"" || line == "'") {
      size_t end = at + 12;
      if (!line.empty() && (end >= bytes.size() || bytes[end] != line.front())) continue;
      if (!line.empty()) ++end;
      // what follows on the line must be blank or a comment
      while (end < bytes.size() && (bytes[end] == ' ' || bytes[end] == '\t' || bytes[end] == '\r')) ++end;
      if (end >= bytes.size() || bytes[end] == '\n' || bytes[end] == '#') return true;
    }
  }
  return false;
}

}  // namespace pipelint

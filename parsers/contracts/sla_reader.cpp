// `slaProperties[]`: the time-valued promises pipelint compares.
#include <algorithm>
#include <cctype>

#include "parsers/contracts/reader_parts.h"
#include "parsers/contracts/sla_duration.h"

namespace pipelint::contracts {
namespace {

const char* const kSlaKeys[] = {"description", "driver", "element", "id", "property", "schedule",
                                "scheduler",   "unit",   "value",   "valueExt"};

std::optional<SlaDuration>* slot_for(const std::string& property, Sla& sla) {
  std::string p = property;
  std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (p == "latency" || p == "freshness") return &sla.latency;
  if (p == "frequency") return &sla.frequency;
  if (p == "retention") return &sla.retention;
  return nullptr;
}

}  // namespace

void read_sla(const Fields& top, IssueSink& sink, Sla& out) {
  for (const auto& item : top.list("slaProperties")) {
    if (!item.IsMap()) {
      sink.add(item, "items of `slaProperties` must be mappings (property, value, unit), not " +
                         std::string(node_kind(item)));
      continue;
    }
    Fields f(item, "an SLA property", sink);
    auto property = f.text("property");
    if (!property || property->value.empty()) {
      sink.add(item, "SLA property without `property` (latency, frequency, retention, ...)");
      continue;
    }
    std::string where = "SLA `" + property->value + "`";
    check_known_keys(item, kSlaKeys, std::size(kSlaKeys), where, sink);
    const YAML::Node* value = f.get("value");
    if (!value || value->IsNull()) {
      sink.add(property->pos, where + " has no `value` (ODCS requires one)");
      continue;
    }
    if (!value->IsScalar()) {
      sink.add(*value, "`value` of " + where + " must be a single value, not " + std::string(node_kind(*value)));
      continue;
    }
    auto unit = f.text("unit");
    auto element = f.text("element");
    auto* slot = slot_for(property->value, out);
    if (!slot) continue;  // other SLA properties (availability dates, ...) are not compared
    DurationResult d = parse_duration(value->Scalar(), unit ? unit->value : "");
    if (!d.seconds) {
      bool unit_problem = unit && d.error.find("unit") != std::string::npos;
      sink.add(unit_problem ? unit->pos : sink.pos(*value), where + ": " + d.error);
      continue;
    }
    SlaDuration s;
    s.property = property->value;
    s.text = value->Scalar() + (unit ? " " + unit->value : "");
    s.seconds = *d.seconds;
    s.element = element ? element->value : "";
    s.pos = sink.pos(*value);
    if (*slot) {
      if ((*slot)->element == s.element)
        sink.add(property->pos, "second " + where + " for the same element (the first, at line " +
                                    std::to_string((*slot)->pos.line) + ", applies)");
      continue;
    }
    *slot = std::move(s);
  }
}

}  // namespace pipelint::contracts

#include "parsers/contracts/compatibility.h"

#include <algorithm>
#include <cctype>

#include "parsers/contracts/column_types.h"
#include "parsers/contracts/sla_duration.h"
#include "parsers/contracts/yaml_fields.h"

namespace pipelint {
namespace {

using contracts::quoted;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool iequals(const std::string& a, const std::string& b) { return lower(a) == lower(b); }

YamlPos first_known(YamlPos a, YamlPos b) { return a.known() ? a : b; }

class Differ {
 public:
  explicit Differ(std::vector<Change>& out) : out_(out) {}

  void contract_level(const DataContract& o, const DataContract& n) {
    if (!iequals(o.status.value, n.status.value)) {
      bool retired = n.is_retired() && !o.is_retired();
      add(retired ? ChangeKind::StatusRetired : ChangeKind::StatusChanged,
          retired ? Impact::Breaking : Impact::NonBreaking, "", "", o.status.value, n.status.value,
          retired ? "status moved from " + quoted(o.status.value) + " to `retired`: consumers lose the data"
                  : "status changed from " + quoted(o.status.value) + " to " + quoted(n.status.value),
          n.status.pos, false);
    }
    if (o.version.value != n.version.value)
      add(ChangeKind::VersionChanged, Impact::NonBreaking, "", "", o.version.value, n.version.value,
          "version changed from " + o.version.value + " to " + n.version.value, n.version.pos, false);
    latency(o.sla.latency, n.sla.latency);
    other_sla(ChangeKind::FrequencyChanged, "frequency", o.sla.frequency, n.sla.frequency);
    other_sla(ChangeKind::RetentionChanged, "retention", o.sla.retention, n.sla.retention);
  }

  void tables(const DataContract& o, const DataContract& n) {
    std::vector<bool> used(o.schema.size(), false);
    for (const auto& nt : n.schema) {
      const SchemaObject* ot = match_table(o.schema, nt, used);
      if (!ot) {
        add(ChangeKind::TableAdded, Impact::NonBreaking, nt.table, "", "", nt.table,
            "schema object " + quoted(nt.name) + " (table " + quoted(nt.table) + ") added", nt.pos, false);
        continue;
      }
      if (!iequals(ot->name, nt.name))
        add(ChangeKind::TableRenamed, Impact::NonBreaking, nt.table, "", ot->name, nt.name,
            "schema object renamed from " + quoted(ot->name) + " to " + quoted(nt.name) + " (same table)", nt.pos, false);
      if (!iequals(ot->table, nt.table))
        add(ChangeKind::PhysicalNameChanged, Impact::Breaking, nt.table, "", ot->table, nt.table,
            "physicalName of " + quoted(nt.name) + " changed from " + quoted(ot->table) + " to " + quoted(nt.table) +
                ": readers of the old table get no new data",
            first_known(nt.physical_name.pos, nt.pos), false);
      if (ot->description.value != nt.description.value)
        add(ChangeKind::DescriptionChanged, Impact::NonBreaking, nt.table, "", ot->description.value,
            nt.description.value, "description of " + quoted(nt.name) + " changed",
            first_known(nt.description.pos, nt.pos), false);
      columns(ot->properties, nt.properties, nt.table, "");
    }
    for (size_t i = 0; i < o.schema.size(); ++i)
      if (!used[i])
        add(ChangeKind::TableRemoved, Impact::Breaking, o.schema[i].table, "", o.schema[i].table, "",
            "schema object " + quoted(o.schema[i].name) + " (table " + quoted(o.schema[i].table) +
                ") removed: its consumers lose the contract",
            o.schema[i].pos, true);
  }

 private:
  std::vector<Change>& out_;

  void add(ChangeKind k, Impact i, std::string table, std::string column, std::string ov, std::string nv,
           std::string msg, YamlPos pos, bool in_old) {
    out_.push_back(Change{k, i, std::move(table), std::move(column), std::move(ov), std::move(nv), std::move(msg),
                          pos, in_old});
  }

  void latency(const std::optional<SlaDuration>& o, const std::optional<SlaDuration>& n) {
    if (o && n) {
      if (n->seconds > o->seconds)
        add(ChangeKind::LatencyLoosened, Impact::Breaking, "", "", o->text, n->text,
            "latency SLA loosened from " + format_duration(o->seconds) + " to " + format_duration(n->seconds) +
                ": consumers relying on fresher data break",
            n->pos, false);
      else if (n->seconds < o->seconds)
        add(ChangeKind::LatencyTightened, Impact::NonBreaking, "", "", o->text, n->text,
            "latency SLA tightened from " + format_duration(o->seconds) + " to " + format_duration(n->seconds),
            n->pos, false);
    } else if (o) {
      add(ChangeKind::LatencyLoosened, Impact::Breaking, "", "", o->text, "",
          "latency SLA of " + format_duration(o->seconds) + " removed: the freshness promise is gone", o->pos, true);
    } else if (n) {
      add(ChangeKind::LatencyTightened, Impact::NonBreaking, "", "", "", n->text,
          "latency SLA of " + format_duration(n->seconds) + " added", n->pos, false);
    }
  }

  void other_sla(ChangeKind kind, const char* what, const std::optional<SlaDuration>& o,
                 const std::optional<SlaDuration>& n) {
    if (o && n && o->seconds == n->seconds) return;
    if (!o && !n) return;
    std::string from = o ? format_duration(o->seconds) : "none";
    std::string to = n ? format_duration(n->seconds) : "none";
    add(kind, Impact::NonBreaking, "", "", o ? o->text : "", n ? n->text : "",
        std::string(what) + " SLA changed from " + from + " to " + to, n ? n->pos : o->pos, !n);
  }

  static const SchemaObject* match_table(const std::vector<SchemaObject>& olds, const SchemaObject& nt,
                                         std::vector<bool>& used) {
    auto pick = [&](auto pred) -> const SchemaObject* {
      for (size_t i = 0; i < olds.size(); ++i)
        if (!used[i] && pred(olds[i])) {
          used[i] = true;
          return &olds[i];
        }
      return nullptr;
    };
    if (!nt.id.empty())
      if (auto* m = pick([&](const SchemaObject& o) { return o.id == nt.id; })) return m;
    if (!nt.name.empty())
      if (auto* m = pick([&](const SchemaObject& o) { return (nt.id.empty() || o.id.empty()) && iequals(o.name, nt.name); }))
        return m;
    if (!nt.table.empty())
      return pick([&](const SchemaObject& o) { return (nt.id.empty() || o.id.empty()) && iequals(o.table, nt.table); });
    return nullptr;
  }

  static const Property* match_column(const std::vector<Property>& olds, const Property& np, std::vector<bool>& used) {
    for (size_t i = 0; i < olds.size(); ++i)
      if (!used[i] && !np.id.empty() && olds[i].id == np.id) {
        used[i] = true;
        return &olds[i];
      }
    for (size_t i = 0; i < olds.size(); ++i)
      if (!used[i] && (np.id.empty() || olds[i].id.empty()) && !np.name.empty() && iequals(olds[i].name, np.name)) {
        used[i] = true;
        return &olds[i];
      }
    return nullptr;
  }

  // The name a reader uses for the column: physicalName when given.
  static const std::string& column_name(const Property& p) {
    return p.physical_name.value.empty() ? p.name : p.physical_name.value;
  }

  void columns(const std::vector<Property>& olds, const std::vector<Property>& news, const std::string& table,
               const std::string& prefix) {
    std::vector<bool> used(olds.size(), false);
    for (const auto& np : news) {
      const std::string col = prefix + np.name;
      const Property* op = match_column(olds, np, used);
      if (!op) {
        bool req = np.required.value;
        add(ChangeKind::ColumnAdded, req ? Impact::ProducerBreaking : Impact::NonBreaking, table, col, "",
            describe_type(np),
            req ? "required column " + quoted(col) + " added: every producer must now fill it"
                : "nullable column " + quoted(col) + " added",
            np.pos, false);
        continue;
      }
      column(*op, np, table, prefix);
    }
    for (size_t i = 0; i < olds.size(); ++i)
      if (!used[i])
        add(ChangeKind::ColumnRemoved, Impact::Breaking, table, prefix + olds[i].name, describe_type(olds[i]), "",
            "column " + quoted(prefix + olds[i].name) + " removed: consumers selecting it fail", olds[i].pos, true);
  }

  static std::string describe_type(const Property& p) {
    return p.physical_type.value.empty() ? p.logical_type.value : p.physical_type.value;
  }

  void column(const Property& op, const Property& np, const std::string& table, const std::string& prefix) {
    const std::string col = prefix + np.name;
    if (!iequals(column_name(op), column_name(np)))
      add(ChangeKind::ColumnRenamed, Impact::Breaking, table, col, column_name(op), column_name(np),
          "column renamed from " + quoted(column_name(op)) + " to " + quoted(column_name(np)) +
              ": consumers selecting the old name fail",
          first_known(np.physical_name.pos, np.pos), false);
    type_change(op, np, table, col);
    if (op.required.value && !np.required.value)
      add(ChangeKind::MadeNullable, Impact::Breaking, table, col, "true", "false",
          "column " + quoted(col) + " made nullable (required: true -> false): consumers may now read nulls",
          first_known(np.required.pos, np.pos), false);
    else if (!op.required.value && np.required.value)
      add(ChangeKind::MadeRequired, Impact::ProducerBreaking, table, col, "false", "true",
          "column " + quoted(col) + " made required: every producer must now fill it", first_known(np.required.pos, np.pos),
          false);
    if (op.primary_key.value != np.primary_key.value)
      add(ChangeKind::PrimaryKeyChanged, Impact::Breaking, table, col, op.primary_key.value ? "true" : "false",
          np.primary_key.value ? "true" : "false",
          "column " + quoted(col) + (np.primary_key.value ? " added to" : " removed from") +
              " the primary key: joins and merges on the key change meaning",
          first_known(np.primary_key.pos, np.pos), false);
    else if (op.primary_key.value && op.primary_key_position != np.primary_key_position)
      add(ChangeKind::PrimaryKeyChanged, Impact::Breaking, table, col, std::to_string(op.primary_key_position),
          std::to_string(np.primary_key_position),
          "primary key position of " + quoted(col) + " changed from " + std::to_string(op.primary_key_position) +
              " to " + std::to_string(np.primary_key_position),
          first_known(np.primary_key.pos, np.pos), false);
    if (!iequals(op.classification.value, np.classification.value))
      add(ChangeKind::ClassificationChanged, Impact::NonBreaking, table, col, op.classification.value,
          np.classification.value,
          "classification of " + quoted(col) + " changed from " + quoted(op.classification.value) + " to " +
              quoted(np.classification.value),
          first_known(np.classification.pos, np.pos), false);
    if (op.description.value != np.description.value)
      add(ChangeKind::DescriptionChanged, Impact::NonBreaking, table, col, op.description.value,
          np.description.value, "description of column " + quoted(col) + " changed",
          first_known(np.description.pos, np.pos), false);
    columns(op.fields, np.fields, table, col + ".");
  }

  void type_change(const Property& op, const Property& np, const std::string& table, const std::string& col) {
    std::optional<TypeComparison> phys, logi;
    if (!op.physical_type.value.empty() && !np.physical_type.value.empty())
      phys = compare_physical_types(op.physical_type.value, np.physical_type.value);
    if (!op.logical_type.value.empty() && !np.logical_type.value.empty())
      logi = compare_logical_types(op.logical_type.value, np.logical_type.value);
    auto breaks = [](const std::optional<TypeComparison>& t) {
      return t && (t->verdict == TypeVerdict::Narrowing || t->verdict == TypeVerdict::Changed);
    };
    const std::optional<TypeComparison>* chosen = nullptr;
    YamlPos pos;
    if (breaks(phys)) chosen = &phys, pos = np.physical_type.pos;
    else if (breaks(logi)) chosen = &logi, pos = np.logical_type.pos;
    else if (phys && phys->verdict == TypeVerdict::Widening) chosen = &phys, pos = np.physical_type.pos;
    else if (logi && logi->verdict == TypeVerdict::Widening) chosen = &logi, pos = np.logical_type.pos;
    if (!chosen) return;
    const TypeComparison& t = **chosen;
    pos = first_known(pos, np.pos);
    if (t.verdict == TypeVerdict::Widening)
      add(ChangeKind::TypeWidened, Impact::NonBreaking, table, col, t.old_type, t.new_type,
          "column " + quoted(col) + " type widened from " + t.old_type + " to " + t.new_type, pos, false);
    else
      add(ChangeKind::TypeChanged, Impact::Breaking, table, col, t.old_type, t.new_type,
          "column " + quoted(col) + " type changed from " + t.old_type + " to " + t.new_type +
              (t.verdict == TypeVerdict::Narrowing ? " (narrowing)" : " (not a widening)"),
          pos, false);
  }
};

}  // namespace

const char* to_string(Impact i) {
  switch (i) {
    case Impact::Breaking: return "breaking";
    case Impact::ProducerBreaking: return "producer-breaking";
    default: return "non-breaking";
  }
}

const char* to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::TableRemoved: return "table-removed";
    case ChangeKind::TableAdded: return "table-added";
    case ChangeKind::TableRenamed: return "table-renamed";
    case ChangeKind::PhysicalNameChanged: return "physical-name-changed";
    case ChangeKind::ColumnRemoved: return "column-removed";
    case ChangeKind::ColumnRenamed: return "column-renamed";
    case ChangeKind::ColumnAdded: return "column-added";
    case ChangeKind::TypeChanged: return "type-changed";
    case ChangeKind::TypeWidened: return "type-widened";
    case ChangeKind::MadeNullable: return "made-nullable";
    case ChangeKind::MadeRequired: return "made-required";
    case ChangeKind::PrimaryKeyChanged: return "primary-key-changed";
    case ChangeKind::ClassificationChanged: return "classification-changed";
    case ChangeKind::DescriptionChanged: return "description-changed";
    case ChangeKind::LatencyLoosened: return "latency-loosened";
    case ChangeKind::LatencyTightened: return "latency-tightened";
    case ChangeKind::FrequencyChanged: return "frequency-changed";
    case ChangeKind::RetentionChanged: return "retention-changed";
    case ChangeKind::StatusRetired: return "status-retired";
    case ChangeKind::StatusChanged: return "status-changed";
    case ChangeKind::VersionChanged: return "version-changed";
  }
  return "unknown";
}

std::vector<Change> diff_contracts(const DataContract& old_contract, const DataContract& new_contract) {
  std::vector<Change> out;
  Differ d(out);
  d.contract_level(old_contract, new_contract);
  d.tables(old_contract, new_contract);
  return out;
}

bool has_breaking(const std::vector<Change>& changes) {
  return std::any_of(changes.begin(), changes.end(), [](const Change& c) { return c.impact == Impact::Breaking; });
}

}  // namespace pipelint

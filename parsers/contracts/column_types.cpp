#include "parsers/contracts/column_types.h"

#include <cctype>
#include <optional>
#include <vector>

namespace pipelint {
namespace {

enum class Family { Integer, Float, Decimal, String, Char, Date, Timestamp, Boolean, Binary, Other };

struct ParsedType {
  Family family = Family::Other;
  int rank = 0;         // Integer: 1 tinyint .. 4 bigint; Float: 1 float, 2 double
  int precision = -1;   // Decimal precision; String/Char length (-1 = unbounded)
  int scale = 0;        // Decimal scale
  std::string text;     // normalised spelling
};

std::string normalise(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // "decimal (10, 2)" -> "decimal(10,2)"
  std::string compact;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && ((i + 1 < out.size() && (out[i + 1] == '(' || out[i + 1] == ',' || out[i + 1] == ')')) ||
                          (!compact.empty() && (compact.back() == '(' || compact.back() == ','))))
      continue;
    compact += out[i];
  }
  return compact;
}

std::optional<int> small_int(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "name(a,b)" -> name and arguments; no parentheses -> no arguments.
bool split_args(const std::string& t, std::string& name, std::vector<std::string>& args) {
  size_t open = t.find('(');
  if (open == std::string::npos) {
    name = t;
    return true;
  }
  if (t.back() != ')') return false;
  name = t.substr(0, open);
  std::string inner = t.substr(open + 1, t.size() - open - 2);
  size_t start = 0;
  while (true) {
    size_t comma = inner.find(',', start);
    args.push_back(inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return true;
}

ParsedType parse(std::string_view raw) {
  ParsedType p;
  p.text = normalise(raw);
  std::string name;
  std::vector<std::string> args;
  if (!split_args(p.text, name, args)) return p;
  auto arg = [&](size_t i) { return i < args.size() ? small_int(args[i]) : std::nullopt; };

  static const struct { const char* name; int rank; } ints[] = {
      {"tinyint", 1}, {"byte", 1}, {"smallint", 2}, {"short", 2}, {"int2", 2}, {"int", 3},
      {"integer", 3}, {"int4", 3}, {"bigint", 4}, {"long", 4}, {"int8", 4}};
  for (const auto& i : ints)
    if (name == i.name && args.empty()) return {Family::Integer, i.rank, -1, 0, p.text};
  if ((name == "float" || name == "real" || name == "float4") && args.empty()) return {Family::Float, 1, -1, 0, p.text};
  if ((name == "double" || name == "double precision" || name == "float8") && args.empty())
    return {Family::Float, 2, -1, 0, p.text};
  if (name == "decimal" || name == "numeric" || name == "dec" || name == "number") {
    if (args.empty()) return {Family::Decimal, 0, 10, 0, p.text};  // Spark's default decimal(10,0)
    auto prec = arg(0);
    auto scale = args.size() > 1 ? arg(1) : std::optional<int>(0);
    if (prec && scale && args.size() <= 2) return {Family::Decimal, 0, *prec, *scale, p.text};
    return p;
  }
  if ((name == "string" || name == "text") && args.empty()) return {Family::String, 0, -1, 0, p.text};
  if (name == "varchar" || name == "character varying" || name == "nvarchar") {
    if (args.empty()) return {Family::String, 0, -1, 0, p.text};
    if (auto n = arg(0); n && args.size() == 1) return {Family::String, 0, *n, 0, p.text};
    return p;
  }
  if (name == "char" || name == "character" || name == "nchar") {
    auto n = args.empty() ? std::optional<int>(1) : arg(0);
    if (n && args.size() <= 1) return {Family::Char, 0, *n, 0, p.text};
    return p;
  }
  if (name == "date" && args.empty()) return {Family::Date, 0, -1, 0, p.text};
  if ((name == "timestamp" || name == "timestamp_ntz" || name == "timestamp_ltz" || name == "datetime" ||
       name == "timestamptz") && args.empty())
    return {Family::Timestamp, 0, -1, 0, p.text};
  if ((name == "boolean" || name == "bool") && args.empty()) return {Family::Boolean, 0, -1, 0, p.text};
  if ((name == "binary" || name == "varbinary" || name == "bytea") && args.empty())
    return {Family::Binary, 0, -1, 0, p.text};
  return p;
}

// Decimal digits needed for every value of an integer type of this rank.
int integer_digits(int rank) {
  static const int digits[] = {0, 3, 5, 10, 19};
  return digits[rank];
}

TypeVerdict classify(const ParsedType& o, const ParsedType& n) {
  if (o.family == Family::Other || n.family == Family::Other)
    return o.text == n.text ? TypeVerdict::Same : TypeVerdict::Changed;
  if (o.family == n.family) {
    switch (o.family) {
      case Family::Integer:
      case Family::Float:
        return n.rank == o.rank ? TypeVerdict::Same : n.rank > o.rank ? TypeVerdict::Widening : TypeVerdict::Narrowing;
      case Family::Decimal: {
        if (n.precision == o.precision && n.scale == o.scale) return TypeVerdict::Same;
        bool wider = n.scale >= o.scale && n.precision - n.scale >= o.precision - o.scale;
        return wider ? TypeVerdict::Widening : TypeVerdict::Narrowing;
      }
      case Family::String:
      case Family::Char:
        if (n.precision == o.precision) return TypeVerdict::Same;
        if (n.precision < 0) return TypeVerdict::Widening;
        if (o.precision < 0) return TypeVerdict::Narrowing;
        return n.precision > o.precision ? TypeVerdict::Widening : TypeVerdict::Narrowing;
      case Family::Timestamp:
        return o.text == n.text ? TypeVerdict::Same : TypeVerdict::Changed;  // ntz <-> ltz changes meaning
      default:
        return TypeVerdict::Same;
    }
  }
  // Across families: the widenings Spark and Delta type widening accept.
  if (o.family == Family::Integer && n.family == Family::Float)
    return n.rank == 2 && o.rank <= 3 ? TypeVerdict::Widening : TypeVerdict::Narrowing;
  if (o.family == Family::Integer && n.family == Family::Decimal)
    return n.scale >= 0 && n.precision - n.scale >= integer_digits(o.rank) ? TypeVerdict::Widening
                                                                          : TypeVerdict::Narrowing;
  if (o.family == Family::Char && n.family == Family::String)
    return n.precision < 0 || n.precision >= o.precision ? TypeVerdict::Widening : TypeVerdict::Narrowing;
  if (o.family == Family::String && n.family == Family::Char) return TypeVerdict::Narrowing;
  if (o.family == Family::Date && n.family == Family::Timestamp) return TypeVerdict::Widening;
  if ((o.family == Family::Float || o.family == Family::Decimal) && n.family == Family::Integer)
    return TypeVerdict::Narrowing;
  if (o.family == Family::Timestamp && n.family == Family::Date) return TypeVerdict::Narrowing;
  return TypeVerdict::Changed;
}

}  // namespace

TypeComparison compare_physical_types(std::string_view old_type, std::string_view new_type) {
  ParsedType o = parse(old_type), n = parse(new_type);
  return {classify(o, n), o.text, n.text};
}

TypeComparison compare_logical_types(std::string_view old_type, std::string_view new_type) {
  std::string o = normalise(old_type), n = normalise(new_type);
  TypeVerdict v = TypeVerdict::Changed;
  if (o == n) v = TypeVerdict::Same;
  else if (o == "integer" && n == "number") v = TypeVerdict::Widening;
  else if (o == "number" && n == "integer") v = TypeVerdict::Narrowing;
  else if (o == "date" && n == "timestamp") v = TypeVerdict::Widening;
  else if (o == "timestamp" && n == "date") v = TypeVerdict::Narrowing;
  return {v, o, n};
}

const char* to_string(TypeVerdict v) {
  switch (v) {
    case TypeVerdict::Same: return "same";
    case TypeVerdict::Widening: return "widening";
    case TypeVerdict::Narrowing: return "narrowing";
    default: return "changed";
  }
}

}  // namespace pipelint

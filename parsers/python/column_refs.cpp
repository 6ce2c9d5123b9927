// Column references on DataFrames that come straight from one table read
// (SPEC 4: CTR003, CTR005, CTR009). A chain (followed through variables, like
// the access chains) is walked from its read: methods that keep the table's
// columns (filter, withColumn, orderBy, ...) let references through, anything
// that changes the columns unknowably (a join, agg, a UDF, toPandas, selectExpr,
// an unknown method) stops attribution. Columns created on the way
// (withColumn, aliases, renames) are not the table's. A select of plain columns
// that is then written projects those columns into the written table.
#include <algorithm>
#include <cctype>

#include "parsers/python/file_analyzer.h"

namespace pipelint::py {

namespace {

bool in(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// DataFrame attributes that are not columns (`df.count` is a method, `df.write` a writer).
bool dataframe_member(std::string_view a) {
  return a.empty() || a[0] == '_' ||
         in(a, {"columns", "schema", "dtypes", "rdd", "na", "stat", "write", "writeStream", "isStreaming",
                "storageLevel", "sparkSession", "sql_ctx", "is_cached", "plot", "pandas_api", "count", "show",
                "collect", "first", "head", "take", "tail", "printSchema", "alias", "select", "filter", "where",
                "withColumn", "withColumns", "withColumnRenamed", "drop", "join", "groupBy", "groupby", "agg",
                "orderBy", "sort", "limit", "distinct", "dropDuplicates", "union", "unionByName", "cache",
                "persist", "toPandas", "toDF", "explain", "describe", "summary", "transform", "foreach",
                "foreachPartition", "isEmpty", "toJSON", "createOrReplaceTempView", "repartition", "coalesce"});
}

// Methods after which the DataFrame still has the read table's columns
// (plus created ones), and which name columns in their string arguments.
bool keeps_columns(std::string_view m) {
  return in(m, {"filter", "where", "withColumn", "withColumns", "withColumnRenamed", "drop", "dropDuplicates",
                "drop_duplicates", "distinct", "orderBy", "sort", "sortWithinPartitions", "limit", "alias",
                "repartition", "coalesce", "cache", "persist", "unpersist", "hint", "sample", "dropna", "fillna",
                "checkpoint", "localCheckpoint", "withWatermark", "toDF", "union", "unionAll", "unionByName",
                "select", "repartitionByRange"});
}

}  // namespace

struct FileAnalyzer::ColumnWalk {
  int read = -1;
  const Chain* chain = nullptr;
  Ctx ctx;
  std::vector<std::string> created;  // lower case
  // Plain columns of the last select still flowing unchanged: (column ref index or -1, name in the result).
  std::vector<std::pair<long, std::string>> projection;
  bool is_root_name(std::string_view n) const {
    if (!chain) return false;
    if (n == chain->root) return true;
    return std::find(chain->vars.begin(), chain->vars.end(), n) != chain->vars.end();
  }
  bool is_created(const std::string& c) const {
    return std::find(created.begin(), created.end(), lower(c)) != created.end();
  }
  void create(std::string_view c) { created.push_back(lower(c)); }
};

std::string FileAnalyzer::literal_text(TSNode n, const Ctx& c) {
  if (ts_node_is_null(n) || ts_node_symbol(n) != S_.string) return "";
  Val v = eval(n, c, 0);
  if (!v.is_str() || !v.s.known()) return "";
  return v.s.known_text();
}

void FileAnalyzer::add_column(ColumnWalk& w, TSNode at, std::string column, const char* how, bool emit) {
  if (!emit || column.empty() || column == "*" || column.find('*') != std::string::npos || w.is_created(column))
    return;
  auto [line, col] = pos_of(at);
  column_at_[ts_node_start_byte(at)] = md_.columns.size();
  md_.columns.push_back(PendingColumn{line, col, w.read, -1, std::move(column), how, ""});
}

// `col("a")`, `F.col("a")`, `df["a"]`, `df.a`, optionally `.alias("b")`.
bool FileAnalyzer::plain_column(ColumnWalk& w, TSNode n, TSNode& name_node, std::string& column, std::string& as,
                                std::string& how) {
  TSSymbol s = ts_node_symbol(n);
  if (s == S_.string) {
    column = literal_text(n, w.ctx);
    name_node = n;
    how = "select";
    return !column.empty();
  }
  if (s == S_.call) {
    TSNode fn = field(n, S_.f_function);
    TSNode args = field(n, S_.f_arguments);
    if (ts_node_symbol(fn) == S_.attribute) {
      std::string_view m = text(field(fn, S_.f_attribute));
      TSNode obj = field(fn, S_.f_object);
      if ((m == "alias" || m == "name") && ts_node_symbol(obj) != S_.identifier) {
        std::string alias = literal_text(arg(args, 0, "alias"), w.ctx);
        if (alias.empty() || !plain_column(w, obj, name_node, column, as, how) || how == "select") return false;
        as = alias;
        return true;
      }
      if (!in(m, {"col", "column"}) || ts_node_symbol(obj) != S_.identifier) return false;
    } else if (ts_node_symbol(fn) != S_.identifier || !in(text(fn), {"col", "column"})) {
      return false;
    }
    name_node = arg(args, 0, "col");
    column = literal_text(name_node, w.ctx);
    how = "col";
    return !column.empty();
  }
  if (s == S_.subscript) {
    TSNode v = field(n, S_.f_value);
    TSNode k = field(n, S_.f_subscript);
    if (ts_node_symbol(v) != S_.identifier || !w.is_root_name(text(v))) return false;
    name_node = k;
    column = literal_text(k, w.ctx);
    how = "item";
    return !column.empty();
  }
  if (s == S_.attribute) {
    TSNode o = field(n, S_.f_object);
    TSNode a = field(n, S_.f_attribute);
    if (ts_node_symbol(o) != S_.identifier || !w.is_root_name(text(o)) || dataframe_member(text(a))) return false;
    name_node = a;
    column = std::string(text(a));
    how = "attr";
    return true;
  }
  return false;
}

// Every column an expression names: col()/F.col(), df["a"], df.a (not a method).
void FileAnalyzer::column_expr(ColumnWalk& w, TSNode root, bool emit) {
  std::vector<TSNode> stack{root};
  while (!stack.empty() && stack.size() < 4096) {
    TSNode n = stack.back();
    stack.pop_back();
    if (ts_node_is_null(n)) continue;
    TSSymbol s = ts_node_symbol(n);
    if (s == S_.string || s == S_.lambda || s == S_.comment) continue;
    TSNode name_node{};
    std::string column, as, how;
    if (s == S_.call) {
      if (plain_column(w, n, name_node, column, as, how) && as.empty()) {
        add_column(w, name_node, column, "col", emit);
        continue;
      }
      TSNode fn = field(n, S_.f_function);
      stack.push_back(field(n, S_.f_arguments));
      if (ts_node_symbol(fn) == S_.attribute) stack.push_back(field(fn, S_.f_object));
      continue;
    }
    if ((s == S_.subscript || s == S_.attribute) && plain_column(w, n, name_node, column, as, how)) {
      add_column(w, name_node, column, how.c_str(), emit);
      continue;
    }
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = k; i-- > 0;) {
      TSNode c = ts_node_named_child(n, i);
      if (ts_node_symbol(c) == S_.keyword_argument) c = field(c, S_.f_value);
      stack.push_back(c);
    }
  }
}

// String arguments (and lists of them) name columns when `strings`; other
// arguments are expressions searched for columns when `exprs`.
void FileAnalyzer::column_args(ColumnWalk& w, const Link& L, const char* how, bool strings, bool exprs) {
  const bool emit = !L.context_only;
  uint32_t n = ts_node_named_child_count(L.args);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode a = ts_node_named_child(L.args, i);
    TSSymbol s = ts_node_symbol(a);
    if (s == S_.keyword_argument || s == S_.comment) continue;
    if (s == S_.string) {
      if (strings) add_column(w, a, literal_text(a, L.ctx), how, emit);
      continue;
    }
    if ((s == S_.list || s == S_.tuple) && strings) {
      uint32_t m = ts_node_named_child_count(a);
      for (uint32_t j = 0; j < m; ++j) {
        TSNode e = ts_node_named_child(a, j);
        if (ts_node_symbol(e) == S_.string) add_column(w, e, literal_text(e, L.ctx), how, emit);
        else if (exprs) column_expr(w, e, emit);
      }
      continue;
    }
    if (exprs) column_expr(w, a, emit);
  }
}

// The read a join's other side comes straight from, or -1.
int FileAnalyzer::join_read(const Link& L) {
  TSNode other = arg(L.args, 0, "other");
  if (ts_node_is_null(other)) return -1;
  TSSymbol s = ts_node_symbol(other);
  if (s != S_.identifier && s != S_.call) return -1;
  Chain ch;
  if (s == S_.identifier) {
    // build_chain follows a bare variable only as the root of a longer chain
    int scope = -1;
    const Assign* a = find_binding(text(other), L.ctx, &scope);
    if (!a || a->k != Assign::K::Value || ts_node_is_null(a->value) || ts_node_symbol(a->value) != S_.call) return -1;
    Ctx ac{scope, a->block, a->off, nullptr};
    if (!build_chain(a->value, ac, ch, 1)) return -1;
  } else if (!build_chain(other, L.ctx, ch, 0)) {
    return -1;
  }
  return walk_columns(ch, false, nullptr);
}

// Walks a chain from its read. Returns the read's pending id when the chain's
// result still has the read's columns, -1 otherwise. With `record`, column
// references of links written at this site are added; `projected_into`
// receives (column ref, write) pairs for plain selects that are written.
int FileAnalyzer::walk_columns(const Chain& ch, bool record,
                               std::vector<std::pair<size_t, int>>* projected_into) {
  size_t start = ch.links.size();
  int read = -1;
  for (size_t i = 0; i < ch.links.size(); ++i) {
    if (ts_node_is_null(ch.links[i].call)) continue;
    auto it = read_at_.find(ts_node_start_byte(ch.links[i].name_node));
    if (it != read_at_.end()) {
      start = i;
      read = it->second;
    }
  }
  if (read < 0) return -1;
  ColumnWalk w;
  w.read = read;
  w.chain = &ch;
  bool grouped = false, writing = false;
  for (size_t i = start + 1; i < ch.links.size(); ++i) {
    const Link& L = ch.links[i];
    std::string_view m = L.name;
    const bool emit = record && !L.context_only;
    w.ctx = L.ctx;
    if (writing || m == "writeTo") {
      writing = true;
      auto wi = write_at_.find(ts_node_start_byte(L.name_node));
      if (wi != write_at_.end() && wi->second >= 0 && projected_into)
        for (const auto& [ref, name] : w.projection)
          if (ref >= 0) projected_into->emplace_back(static_cast<size_t>(ref), wi->second);
      continue;
    }
    if (ts_node_is_null(L.call)) {
      if (m == "write" || m == "writeStream") {
        writing = true;
        continue;
      }
      return -1;  // df.na, df.rdd, ...
    }
    if (grouped) {  // groupBy(...).agg(...) / .sum("kwh"): the result has other columns
      if (record) column_args(w, L, "select", in(m, {"sum", "avg", "mean", "max", "min"}), true);
      return -1;
    }
    if (m == "select") {
      std::vector<std::pair<long, std::string>> projection;
      bool star = false;
      uint32_t n = ts_node_named_child_count(L.args);
      for (uint32_t k = 0; k < n; ++k) {
        TSNode a = ts_node_named_child(L.args, k);
        TSSymbol s = ts_node_symbol(a);
        if (s == S_.keyword_argument || s == S_.comment) continue;
        std::vector<TSNode> elems;
        if (s == S_.list || s == S_.tuple) {
          for (uint32_t j = 0; j < ts_node_named_child_count(a); ++j) elems.push_back(ts_node_named_child(a, j));
        } else {
          elems.push_back(a);
        }
        for (TSNode e : elems) {
          TSNode name_node{};
          std::string column, as, how;
          if (plain_column(w, e, name_node, column, as, how)) {
            if (column.find('*') != std::string::npos) {
              star = true;
              continue;
            }
            long ref = -1;
            if (!w.is_created(column)) {
              size_t before = md_.columns.size();
              add_column(w, name_node, column, how == "col" ? "col" : how.c_str(), emit);
              if (md_.columns.size() > before) md_.columns.back().as = as;
              auto at = column_at_.find(ts_node_start_byte(name_node));
              if (at != column_at_.end()) ref = static_cast<long>(at->second);
            }
            projection.emplace_back(ref, as.empty() ? column : as);
            if (!as.empty() && lower(as) != lower(column)) w.create(as);
            continue;
          }
          column_expr(w, e, emit);
          // an aliased expression creates a column
          if (ts_node_symbol(e) == S_.call) {
            TSNode fn = field(e, S_.f_function);
            if (ts_node_symbol(fn) == S_.attribute && in(text(field(fn, S_.f_attribute)), {"alias", "name"}))
              w.create(literal_text(arg(field(e, S_.f_arguments), 0, "alias"), L.ctx));
          }
        }
      }
      w.projection = star ? decltype(projection){} : std::move(projection);
      continue;
    }
    if (m == "withColumn") {
      column_expr(w, arg(L.args, 1, "col"), emit);
      std::string name = literal_text(arg(L.args, 0, "colName"), L.ctx);
      if (name.empty()) return -1;
      w.create(name);
      std::erase_if(w.projection, [&](const auto& p) { return lower(p.second) == lower(name); });
      continue;
    }
    if (m == "withColumns") {
      TSNode d = arg(L.args, 0, "colsMap");
      if (ts_node_is_null(d) || ts_node_symbol(d) != S_.dictionary) return -1;
      for (uint32_t k = 0; k < ts_node_named_child_count(d); ++k) {
        TSNode p = ts_node_named_child(d, k);
        if (ts_node_symbol(p) != S_.pair) continue;
        column_expr(w, field(p, S_.f_value), emit);
        std::string name = literal_text(field(p, S_.f_key), L.ctx);
        if (name.empty()) return -1;
        w.create(name);
      }
      continue;
    }
    if (m == "withColumnRenamed") {
      TSNode from = arg(L.args, 0, "existing");
      std::string old_name = literal_text(from, L.ctx), new_name = literal_text(arg(L.args, 1, "new"), L.ctx);
      if (old_name.empty() || new_name.empty()) return -1;
      add_column(w, from, old_name, "renamed", emit);
      w.create(new_name);
      for (auto& p : w.projection)
        if (lower(p.second) == lower(old_name)) p.second = new_name;
      continue;
    }
    if (m == "drop") {
      column_args(w, L, "drop", true, true);
      for (uint32_t k = 0; k < ts_node_named_child_count(L.args); ++k) {
        std::string name = literal_text(ts_node_named_child(L.args, k), L.ctx);
        std::erase_if(w.projection, [&](const auto& p) { return lower(p.second) == lower(name); });
      }
      continue;
    }
    if (in(m, {"groupBy", "groupby", "rollup", "cube"})) {
      column_args(w, L, "group", true, true);
      grouped = true;
      continue;
    }
    if (m == "join") {
      TSNode on = arg(L.args, 1, "on");
      TSSymbol os = ts_node_symbol(on);
      if (!ts_node_is_null(on) && (os == S_.string || os == S_.list || os == S_.tuple)) {
        int other = record ? join_read(L) : -1;
        std::vector<TSNode> keys;
        if (os == S_.string) keys.push_back(on);
        else
          for (uint32_t k = 0; k < ts_node_named_child_count(on); ++k) keys.push_back(ts_node_named_child(on, k));
        for (TSNode key : keys) {
          std::string name = literal_text(key, L.ctx);
          add_column(w, key, name, "join", emit);
          if (other >= 0 && emit && !name.empty()) {
            auto [line, col] = pos_of(key);
            md_.columns.push_back(PendingColumn{line, col, other, -1, name, "join", ""});
          }
        }
      } else if (!ts_node_is_null(on)) {
        column_expr(w, on, emit);
      }
      return -1;  // the result mixes both sides' columns
    }
    if (m == "agg") {
      if (record) column_args(w, L, "select", false, true);
      return -1;
    }
    if (!keeps_columns(m)) return -1;
    if (m == "toDF" && ts_node_named_child_count(L.args) > 0) return -1;  // renames every column
    if (in(m, {"union", "unionAll", "unionByName"})) {
      w.projection.clear();
      continue;
    }
    const bool strings = in(m, {"dropDuplicates", "drop_duplicates", "orderBy", "sort", "sortWithinPartitions",
                                "repartition", "repartitionByRange", "withWatermark"});
    const bool exprs = in(m, {"filter", "where", "orderBy", "sort", "sortWithinPartitions", "repartition",
                              "repartitionByRange"});
    const char* how = in(m, {"dropDuplicates", "drop_duplicates"}) ? "dedupe"
                      : in(m, {"filter", "where"})                 ? "filter"
                                                                   : "order";
    if (strings || exprs) column_args(w, L, how, strings, exprs);
  }
  return writing ? -1 : read;
}

void FileAnalyzer::extract_columns() {
  if (read_at_.empty()) return;
  std::vector<Chain> chains;
  for (const auto& s : chain_sites_) {
    if (!s.loops.empty()) continue;  // one site, several accesses: not attributed
    Ctx c{s.scope, s.block, ts_node_start_byte(s.node), nullptr};
    Chain ch;
    if (!build_chain(s.node, c, ch, 0)) continue;
    bool has_read = std::any_of(ch.links.begin(), ch.links.end(), [&](const Link& L) {
      return !ts_node_is_null(L.call) && read_at_.count(ts_node_start_byte(L.name_node));
    });
    if (!has_read) continue;
    walk_columns(ch, true, nullptr);
    chains.push_back(std::move(ch));
  }
  // Projections into writes, once every site's references exist.
  std::vector<std::pair<size_t, int>> into;
  for (const auto& ch : chains) walk_columns(ch, false, &into);
  for (const auto& [ref, write] : into) {
    PendingColumn& c = md_.columns[ref];
    if (c.into < 0) {
      c.into = write;
    } else if (c.into != write) {
      PendingColumn copy = c;
      copy.into = write;
      md_.columns.push_back(std::move(copy));
    }
  }
}

}  // namespace pipelint::py

#!/usr/bin/env python3
"""Generate a synthetic multi-team data platform for benchmarking pipelint.

The tree looks like fixtures/gridunion, at any size:

  OUT/platform-config/pipelint.yaml        namespace patterns and the team registry
  OUT/repos/<team>-pipelines/pipelint.yaml extends the platform file, sets team:
  OUT/repos/<team>-pipelines/{jobs,notebooks,sql,common,conf,utils,tests}/...

Pipelines are written in the styles real teams mix: plain scripts, class-based jobs,
Databricks notebooks (widgets, f-string names, %sql cells, %run helpers), scripts using
shared helpers and imported constants, spark.sql strings with CTEs and MERGE, loops over
lists of tables, and .sql files. A share of ordinary Python modules that never touch
Spark (utilities, unit tests) is added, as real repositories have. Tables flow
bronze -> silver -> gold; silver and gold pipelines read other teams' tables.

--cycles K plants K cross-team table cycles (team A reads B's table and writes one that
B reads back), for the dependency rules.

Deterministic: the same arguments and --seed give byte-identical trees.
Standard library only.

  python3 tests/bench/generate.py --out /tmp/platform --teams 12 --pipelines 600
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import textwrap

COUNTRIES = ["de", "fr", "nl", "lu"]
DOMAINS = ["metering", "billing", "grid", "tariff", "market", "customer", "asset", "outage",
           "settlement", "trading", "meterops", "payments"]
NOUNS = ["readings", "meters", "invoices", "contracts", "events", "losses", "tariffs", "prices",
         "forecasts", "alarms", "connections", "profiles", "payments", "orders", "sessions",
         "substations", "feeders", "outages", "schedules", "positions"]
QUALIFIERS = ["daily", "hourly", "monthly", "raw", "clean", "latest", "history", "agg", "stats",
              "by_region", "by_tariff", "snapshot", "delta", "validated", "enriched"]
COLUMNS = ["meter_id", "customer_id", "contract_id", "region_code", "tariff_code", "reading_ts",
           "kwh", "amount_eur", "status", "feeder_id", "day", "valid_from", "valid_to", "source",
           "quality_flag", "price_per_kwh", "grid_area", "ean", "event_type", "ingested_at"]
LAYERS = ["bronze", "silver", "gold"]
MODES = ["append", "overwrite", "overwrite", "append", "errorifexists"]
STYLES = [("script", 24), ("class_job", 14), ("notebook", 18), ("helper", 16), ("sql_string", 14),
          ("loop", 8), ("sql_file", 6)]


class Platform:
    """Teams, their tables per layer, and pipelines with the tables they read and write."""

    def __init__(self, rng: random.Random, teams: int, pipelines: int, tables_per_pipeline: int):
        self.rng = rng
        self.teams = []
        for i in range(teams):
            country = COUNTRIES[i % len(COUNTRIES)]
            domain = DOMAINS[(i // len(COUNTRIES)) % len(DOMAINS)]
            generation = i // (len(COUNTRIES) * len(DOMAINS))
            if generation:
                domain = f"{domain}{generation + 1}"
            self.teams.append({"id": f"{domain}-{country}", "country": country, "domain": domain})
        self.tables = {layer: [] for layer in LAYERS}  # (team index, name)
        self.pipelines = []
        self.used_names = set()
        self._plan(pipelines, tables_per_pipeline)

    def new_table(self, team: int, layer: int) -> str:
        t = self.teams[team]
        while True:
            name = f"{self.rng.choice(NOUNS)}_{self.rng.choice(QUALIFIERS)}"
            full = f"prod_{t['country']}.{LAYERS[layer]}_{t['domain']}.{name}"
            if full not in self.used_names:
                self.used_names.add(full)
                self.tables[LAYERS[layer]].append((team, full))
                return full
            if self.rng.random() < 0.2:  # many collisions: add a counter
                name = f"{name}_{len(self.used_names)}"
                full = f"prod_{t['country']}.{LAYERS[layer]}_{t['domain']}.{name}"
                self.used_names.add(full)
                self.tables[LAYERS[layer]].append((team, full))
                return full

    def _plan(self, pipelines: int, per_pipeline: int):
        # A third of the pipelines per layer, in layer order, so reads find producers.
        for n in range(pipelines):
            layer = min(2, n * 3 // max(pipelines, 1))
            team = n % len(self.teams)
            writes = [self.new_table(team, layer) for _ in range(self.rng.choice([1, 1, 2]))]
            reads = []
            if layer == 0:
                reads.append(f"/mnt/{self.teams[team]['country']}/landing/{self.rng.choice(NOUNS)}/")
            upstream = self.tables[LAYERS[layer - 1]] if layer else []
            want = max(1, per_pipeline - len(writes))
            for _ in range(want if upstream else 0):
                reads.append(self.rng.choice(upstream)[1])
            style = self.rng.choices([s for s, _ in STYLES], weights=[w for _, w in STYLES])[0]
            self.pipelines.append({"team": team, "layer": layer, "reads": list(dict.fromkeys(reads)),
                                   "writes": writes, "style": style, "n": n})

    def plant_cycles(self, k: int):
        """Team A reads X (B's) and writes Y; team B reads Y and writes X."""
        for c in range(k):
            a, b = (2 * c) % len(self.teams), (2 * c + 1) % len(self.teams)
            if a == b:
                b = (a + 1) % len(self.teams)
            x, y = self.new_table(b, 1), self.new_table(a, 1)
            base = len(self.pipelines)
            self.pipelines.append({"team": a, "layer": 1, "reads": [x], "writes": [y], "style": "script",
                                   "n": base, "cycle": c})
            self.pipelines.append({"team": b, "layer": 1, "reads": [y], "writes": [x], "style": "script",
                                   "n": base + 1, "cycle": c})


# --- code generation ----------------------------------------------------------------------


def ident(table: str) -> str:
    return table.rsplit(".", 1)[-1]


def transform_block(rng: random.Random, var: str, src: str, depth: int) -> str:
    """A realistic chain of DataFrame transformations."""
    cols = rng.sample(COLUMNS, 5)
    steps = [f"{src}.where(F.col(\"{cols[0]}\").isNotNull())",
             f"    .withColumn(\"{cols[1]}_norm\", F.trim(F.lower(F.col(\"{cols[1]}\"))))",
             f"    .withColumn(\"{cols[2]}_day\", F.to_date(\"{cols[2]}\"))"]
    for i in range(depth):
        c = rng.choice(COLUMNS)
        steps.append(rng.choice([
            f"    .withColumn(\"{c}_{i}\", F.when(F.col(\"{c}\") > {rng.randint(0, 500)}, F.lit(1)).otherwise(F.lit(0)))",
            f"    .dropDuplicates([\"{cols[0]}\", \"{cols[3]}\"])",
            f"    .withColumnRenamed(\"{c}\", \"{c}_src\")" if i == 0 else f"    .filter(\"{c} IS NOT NULL\")",
            f"    .withColumn(\"{c}_rank\", F.row_number().over(Window.partitionBy(\"{cols[0]}\").orderBy(F.desc(\"{cols[4]}\"))))",
        ]))
    steps.append(f"    .groupBy(\"{cols[0]}\", \"{cols[3]}\").agg(F.sum(\"{cols[4]}\").alias(\"{cols[4]}_total\"), F.count(\"*\").alias(\"rows\"))")
    return f"{var} = (\n    " + "\n    ".join(steps) + "\n)\n"


def quality_functions(rng: random.Random, count: int) -> str:
    out = []
    for i in range(count):
        col = rng.choice(COLUMNS)
        lo, hi = sorted(rng.sample(range(0, 10000), 2))
        out.append(textwrap.dedent(f'''
            def check_{col}_{i}(df: DataFrame) -> int:
                """Rows whose {col} is outside [{lo}, {hi}]; logged, not dropped."""
                bad = df.where((F.col("{col}") < {lo}) | (F.col("{col}") > {hi})).count()
                if bad:
                    log.warning("%d rows with {col} out of range", bad)
                return bad
            '''))
    return "".join(out)


HEADER = '''"""{doc}

Owner: {team}. Generated for the pipelint benchmark.
"""
import logging

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

log = logging.getLogger(__name__)
'''


def write_stmt(rng: random.Random, df: str, table: str) -> str:
    mode = rng.choice(MODES)
    if mode == "errorifexists":
        return f"{df}.write.format(\"delta\").saveAsTable(\"{table}\")\n"
    if rng.random() < 0.25:
        return f"{df}.writeTo(\"{table}\").overwritePartitions()\n"
    return f"{df}.write.mode(\"{mode}\").saveAsTable(\"{table}\")\n"


def read_stmt(var: str, source: str, receiver: str = "spark") -> str:
    if source.startswith("/"):
        return f"{var} = {receiver}.read.option(\"header\", \"true\").csv(\"{source}\")\n"
    return f"{var} = {receiver}.table(\"{source}\")\n"


def gen_script(rng, p, team) -> str:
    body = [HEADER.format(doc=f"Pipeline {p['n']}: {', '.join(map(ident, p['writes']))}.", team=team["id"]),
            "spark = SparkSession.builder.getOrCreate()\n\n"]
    for i, src in enumerate(p["reads"]):
        body.append(read_stmt(f"src_{i}", src))
    body.append(quality_functions(rng, rng.randint(3, 7)))
    body.append("\n" + transform_block(rng, "result", "src_0", rng.randint(3, 8)))
    for j in range(1, len(p["reads"])):
        body.append(f"result = result.join(src_{j}.select(\"{COLUMNS[0]}\").distinct(), \"{COLUMNS[0]}\", \"left\")\n")
    for t in p["writes"]:
        body.append(write_stmt(rng, "result", t))
    return "".join(body)


def gen_class_job(rng, p, team) -> str:
    name = "".join(w.capitalize() for w in ident(p["writes"][0]).split("_")) + "Job"
    attrs = "".join(f"    source_{i} = \"{s}\"\n" for i, s in enumerate(p["reads"]))
    attrs += "".join(f"    target_{i} = \"{t}\"\n" for i, t in enumerate(p["writes"]))
    reads = "".join(f"        frames.append(self.spark.table(self.source_{i}))\n"
                    if not s.startswith("/") else
                    f"        frames.append(self.spark.read.parquet(self.source_{i}))\n"
                    for i, s in enumerate(p["reads"]))
    writes = "".join(f"        df.write.mode(\"overwrite\").saveAsTable(self.target_{i})\n"
                     for i in range(len(p["writes"])))
    transform = textwrap.indent(transform_block(rng, "out", "frames[0]", rng.randint(2, 5)), "        ")
    return (HEADER.format(doc=f"Class-based job {name}.", team=team["id"]) + quality_functions(rng, rng.randint(2, 5)) + f"""

class {name}:
{attrs}
    def __init__(self, spark: SparkSession, run_date: str):
        self.spark = spark
        self.run_date = run_date

    def extract(self) -> list:
        frames = []
{reads}        return frames

    def transform(self, frames: list) -> DataFrame:
{transform}        return out.withColumn("run_date", F.lit(self.run_date))

    def load(self, df: DataFrame) -> None:
{writes}
    def run(self) -> None:
        self.load(self.transform(self.extract()))


if __name__ == "__main__":
    import sys

    {name}(SparkSession.builder.getOrCreate(), sys.argv[1] if len(sys.argv) > 1 else "today").run()
""")


def gen_notebook(rng, p, team) -> str:
    country = team["country"]
    cells = ["# Databricks notebook source\n# MAGIC %md\n"
             f"# MAGIC ## Pipeline {p['n']} ({team['id']})\n# MAGIC Writes {', '.join(p['writes'])}.\n",
             "# MAGIC %run ../common/notebook_helpers\n",
             f"dbutils.widgets.text(\"env\", \"prod\")\ndbutils.widgets.text(\"run_date\", \"\")\n"
             f"env = dbutils.widgets.get(\"env\")\ncatalog = f\"{{env}}_{country}\"\n"]
    reads = []
    for i, src in enumerate(p["reads"]):
        if src.startswith("/"):
            reads.append(f"src_{i} = spark.read.json(\"{src}\")\n")
        else:
            cat, rest = src.split(".", 1)
            name = f"{{catalog}}.{rest}" if cat == f"prod_{country}" else src
            reads.append(f"src_{i} = spark.table(f\"{name}\")\n")
    cells.append("from pyspark.sql import functions as F\nfrom pyspark.sql import Window\n\n" + "".join(reads))
    cells.append("import logging\nfrom pyspark.sql import DataFrame\n\nlog = logging.getLogger(\"notebook\")\n"
                 + quality_functions(rng, rng.randint(2, 5)))
    cells.append(transform_block(rng, "staged", "src_0", rng.randint(3, 7)) + "staged.createOrReplaceTempView(\"staged\")\n")
    first, rest = p["writes"][0], p["writes"][1:]
    cells.append("# MAGIC %sql\n"
                 f"# MAGIC MERGE INTO {first} AS t\n"
                 "# MAGIC USING staged AS s\n"
                 f"# MAGIC ON t.{COLUMNS[0]} = s.{COLUMNS[0]}\n"
                 "# MAGIC WHEN MATCHED THEN UPDATE SET *\n"
                 "# MAGIC WHEN NOT MATCHED THEN INSERT *\n")
    for t in rest:
        cells.append(f"write_snapshot(staged, \"{t}\")\n")
    return "\n# COMMAND ----------\n\n".join(cells)


def gen_helper(rng, p, team, constants: dict) -> str:
    imports, lines = [], []
    for i, src in enumerate(p["reads"]):
        if src.startswith("/"):
            lines.append(f"src_{i} = spark.read.parquet(\"{src}\")\n")
        else:
            const = constants.setdefault(src, f"T_{len(constants):04d}")
            imports.append(const)
            lines.append(f"src_{i} = spark.table({const})\n")
    for t in p["writes"]:
        imports.append(constants.setdefault(t, f"T_{len(constants):04d}"))
    out = [HEADER.format(doc=f"Pipeline {p['n']} (helper style).", team=team["id"]),
           "\nfrom common.io import replace_partitions, upsert\n"]
    if imports:
        out.append(f"from conf.tables import {', '.join(sorted(set(imports)))}\n")
    out.append("\nspark = SparkSession.builder.getOrCreate()\n")
    out.extend(lines)
    out.append(quality_functions(rng, rng.randint(2, 6)))
    out.append("\n" + transform_block(rng, "result", "src_0", rng.randint(2, 5)))
    for i, t in enumerate(p["writes"]):
        fn = "upsert" if i % 2 == 0 else "replace_partitions"
        extra = f", keys=[\"{COLUMNS[0]}\"]" if fn == "upsert" else ""
        out.append(f"{fn}(result, {constants[t]}{extra})\n")
    return "".join(out)


def gen_sql_string(rng, p, team) -> str:
    tables = [s for s in p["reads"] if not s.startswith("/")]
    out = [HEADER.format(doc=f"Pipeline {p['n']}: SQL-driven.", team=team["id"]),
           quality_functions(rng, rng.randint(2, 5)), "\nspark = SparkSession.builder.getOrCreate()\n"]
    if not tables:
        out.append(f"spark.read.json(\"{p['reads'][0]}\").createOrReplaceTempView(\"landing\")\n")
        tables = ["landing"]
    for t in p["writes"]:
        joins = "".join(f"    LEFT JOIN {s} AS j{i} ON j{i}.{COLUMNS[0]} = base.{COLUMNS[0]}\n"
                        for i, s in enumerate(tables[1:]))
        out.append(f'''
spark.sql("""
    WITH base AS (
        SELECT {", ".join(rng.sample(COLUMNS, 4))}, {COLUMNS[0]}
        FROM {tables[0]}
        WHERE {rng.choice(COLUMNS)} IS NOT NULL
    )
    INSERT {"OVERWRITE" if rng.random() < 0.5 else "INTO"} {t}
    SELECT base.*
    FROM base
{joins}""")
''')
    return "".join(out)


def gen_loop(rng, p, team) -> str:
    tables = [s for s in p["reads"] if not s.startswith("/")] or [p["writes"][0]]
    listing = "".join(f"    \"{t}\",\n" for t in tables)
    return (HEADER.format(doc=f"Pipeline {p['n']}: union of several sources.", team=team["id"]) +
            quality_functions(rng, rng.randint(2, 5)) +
            f"\nspark = SparkSession.builder.getOrCreate()\n\nSOURCES = [\n{listing}]\n\nparts = []\n"
            "for name in SOURCES:\n    parts.append(spark.table(name).withColumn(\"source_table\", F.lit(name)))\n"
            "combined = parts[0]\nfor part in parts[1:]:\n    combined = combined.unionByName(part, allowMissingColumns=True)\n\n"
            + transform_block(rng, "result", "combined", rng.randint(2, 4))
            + "".join(write_stmt(rng, "result", t) for t in p["writes"]))


def gen_sql_file(rng, p, team) -> str:
    tables = [s for s in p["reads"] if not s.startswith("/")] or ["prod_eu.silver_reference.calendar"]
    out = [f"-- Pipeline {p['n']} ({team['id']}): rebuilt nightly.\n"]
    for t in p["writes"]:
        out.append(f"CREATE OR REPLACE TABLE {t} AS\nWITH src AS (\n"
                   f"  SELECT {', '.join(rng.sample(COLUMNS, 4))}\n  FROM {tables[0]}\n)\n"
                   "SELECT * FROM src"
                   + "".join(f"\nUNION ALL SELECT {', '.join(COLUMNS[:4])} FROM {s}" for s in tables[1:]) + ";\n\n")
    return "".join(out)


def plain_module(rng: random.Random, n: int) -> str:
    funcs = []
    for i in range(rng.randint(4, 10)):
        a, b = rng.sample(["value", "items", "text", "start", "end", "size", "key", "rows"], 2)
        funcs.append(textwrap.dedent(f'''
            def helper_{n}_{i}({a}, {b}=None):
                """Utility {i} of module {n}; no Spark involved."""
                if {b} is None:
                    {b} = []
                result = []
                for index, item in enumerate({a} if isinstance({a}, (list, tuple)) else [{a}]):
                    if index % {rng.randint(2, 5)} == 0:
                        result.append((index, str(item).strip().lower()))
                    else:
                        result.append((index, item))
                return dict(result) if {b} else result
            '''))
    return f'"""Shared utilities ({n}).\"\"\"\nimport datetime as dt\nimport re\n' + "".join(funcs)


def test_module(rng: random.Random, n: int) -> str:
    cases = "".join(textwrap.dedent(f'''
        def test_case_{n}_{i}():
            assert helper_{n}_0([{i}, "X", " y "]) is not None
            assert len(str({rng.randint(0, 10**6)})) > 0
        ''') for i in range(rng.randint(2, 6)))
    return f'"""Unit tests ({n})."""\nimport pytest\n\nfrom utils.util_{n:04d} import helper_{n}_0\n' + cases


COMMON_IO = '''"""I/O helpers shared by the team's jobs."""
from delta.tables import DeltaTable
from pyspark.sql import DataFrame, SparkSession


def upsert(df: DataFrame, target: str, keys: list) -> None:
    cond = " AND ".join(f"t.{k} = s.{k}" for k in keys)
    (DeltaTable.forName(SparkSession.getActiveSession(), target).alias("t")
        .merge(df.alias("s"), cond).whenMatchedUpdateAll().whenNotMatchedInsertAll().execute())


def replace_partitions(df: DataFrame, target: str) -> None:
    df.writeTo(target).overwritePartitions()
'''

NOTEBOOK_HELPERS = '''# Databricks notebook source
def write_snapshot(df, table_name):
    df.write.format("delta").mode("overwrite").saveAsTable(table_name)
'''


def platform_yaml(platform: Platform) -> str:
    lines = ["version: 1", "namespace:", "  patterns:",
             "    - '^(?P<env>dev|test|prod)_(?P<country>de|fr|nl|lu|eu)\\.(?P<layer>bronze|silver|gold)_"
             "(?P<domain>[a-z][a-z0-9]*)\\.(?P<table>[a-z][a-z0-9_]*)$'",
             "  layers: [bronze, silver, gold]", "  require_qualified: true", "  variables: { env: prod }",
             "  external: ['system.*', 'samples.*']", "  locations:",
             "    - path: '^/mnt/(?P<country>de|fr|nl|lu)/(?P<layer>bronze|silver|gold)/(?P<table>[a-z_]+)$'",
             "      table: 'prod_{country}.{layer}_core.{table}'", "teams:"]
    for t in platform.teams:
        lines += [f"  {t['id']}:", f"    name: {t['domain'].capitalize()} ({t['country'].upper()})",
                  f"    owns: ['*_{t['country']}.*_{t['domain']}.*']", f"    repos: [{t['id']}-pipelines]",
                  f"    contact: '#{t['id']}'", f"    cost_center: {t['country'].upper()}-{1000 + len(lines)}",
                  f"    publishes: ['*_{t['country']}.gold_{t['domain']}.*']"]
    lines += ["rules:", "  select: [ALL]", "locked: [namespace, teams, 'rules.severity.OWN001']", ""]
    return "\n".join(lines)


GENERATORS = {"script": ("jobs", gen_script), "class_job": ("jobs", gen_class_job),
              "notebook": ("notebooks", gen_notebook), "sql_string": ("jobs", gen_sql_string),
              "loop": ("jobs", gen_loop), "sql_file": ("sql", gen_sql_file)}


def write(path: str, text: str, stats: dict):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    stats["files"] += 1
    stats["bytes"] += len(text.encode("utf-8"))


def generate(args) -> dict:
    rng = random.Random(args.seed)
    platform = Platform(rng, args.teams, args.pipelines, args.tables_per_pipeline)
    platform.plant_cycles(args.cycles)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    stats = {"files": 0, "bytes": 0, "pipelines": len(platform.pipelines),
             "tables": sum(len(v) for v in platform.tables.values())}
    write(os.path.join(args.out, "platform-config", "pipelint.yaml"), platform_yaml(platform), stats)

    constants = [dict() for _ in platform.teams]
    per_team = [0] * len(platform.teams)
    for p in platform.pipelines:
        team = platform.teams[p["team"]]
        repo = os.path.join(args.out, "repos", f"{team['id']}-pipelines")
        per_team[p["team"]] += 1
        stem = f"p{p['n']:05d}_{ident(p['writes'][0])}"
        if p["style"] == "helper":
            folder, text = "jobs", gen_helper(rng, p, team, constants[p["team"]])
        else:
            folder, fn = GENERATORS[p["style"]]
            text = fn(rng, p, team)
        ext = ".sql" if p["style"] == "sql_file" else ".py"
        write(os.path.join(repo, folder, stem + ext), text, stats)

    plain_total = int(len(platform.pipelines) * args.plain_share / max(1e-9, 1 - args.plain_share))
    for i, team in enumerate(platform.teams):
        repo = os.path.join(args.out, "repos", f"{team['id']}-pipelines")
        write(os.path.join(repo, "pipelint.yaml"),
              f"version: 1\nextends: ../../platform-config/pipelint.yaml\nteam: {team['id']}\n", stats)
        write(os.path.join(repo, "common", "io.py"), COMMON_IO, stats)
        write(os.path.join(repo, "common", "notebook_helpers.py"), NOTEBOOK_HELPERS, stats)
        consts = "".join(f"{name} = \"{table}\"\n" for table, name in sorted(constants[i].items(), key=lambda kv: kv[1]))
        write(os.path.join(repo, "conf", "tables.py"), f'"""Table names of {team["id"]}."""\n\n' + consts, stats)
    for n in range(plain_total):
        team = platform.teams[n % len(platform.teams)]
        repo = os.path.join(args.out, "repos", f"{team['id']}-pipelines")
        write(os.path.join(repo, "utils", f"util_{n:04d}.py"), plain_module(rng, n), stats)
        if n % 2 == 0:
            write(os.path.join(repo, "tests", f"test_util_{n:04d}.py"), test_module(rng, n), stats)
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description="Generate a synthetic data platform for the pipelint benchmark.")
    ap.add_argument("--out", required=True, help="output folder (replaced if it exists)")
    ap.add_argument("--teams", type=int, default=8)
    ap.add_argument("--pipelines", type=int, default=200, help="pipelines across all teams")
    ap.add_argument("--tables-per-pipeline", type=int, default=4, help="reads + writes per pipeline, about")
    ap.add_argument("--plain-share", type=float, default=0.3, help="share of files that never touch Spark")
    ap.add_argument("--cycles", type=int, default=0, help="cross-team table cycles to plant")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.teams < 1 or args.pipelines < 1 or args.tables_per_pipeline < 1 or not 0 <= args.plain_share < 1:
        ap.error("--teams, --pipelines and --tables-per-pipeline must be >= 1; --plain-share in [0, 1)")
    if args.cycles and args.teams < 2:
        ap.error("--cycles needs at least two teams")
    stats = generate(args)
    print(f"generated {stats['files']} files, {stats['bytes'] / 1e6:.1f} MB, {stats['pipelines']} pipelines, "
          f"{stats['tables']} tables in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

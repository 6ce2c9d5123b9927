#!/usr/bin/env python3
"""Benchmark pipelint against the bare tree-sitter parse of the same files.

For each tree (a generated platform, and/or folders given with --tree):
  bench_bare_parse TREE --jobs 1 / --jobs ALL        parse every .py, nothing else
  pipelint lineage TREE --format jsonl -o /dev/null --jobs 1 / --jobs ALL
each best of --repeat runs, and prints one table:

  tree  tool  jobs  files  MB  ms  files/s  MB/s  ratio

`ratio` is pipelint's wall time over the bare parse's at the same --jobs (SPEC 6: at
most 1.5). The bare parse reports its own wall time (reading + parsing, no process
start-up); pipelint is timed from outside, so its number includes start-up, config
loading, the model and the output. pipelint also reads .sql files, the bare parse only
.py: the table shows both file counts.

  python3 tests/bench/run.py --pipelint build/pipelint --bare build/tests/bench/bench_bare_parse
  python3 tests/bench/run.py ... --teams 24 --pipelines 3000            # bigger platform
  python3 tests/bench/run.py ... --tree /usr/lib/python3.11 --generate  # also ordinary Python
Standard library only.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def count_files(tree: str, suffixes: tuple[str, ...]) -> tuple[int, int]:
    files = size = 0
    for dirpath, _, names in os.walk(tree):
        for name in names:
            if name.endswith(suffixes):
                try:
                    size += os.path.getsize(os.path.join(dirpath, name))
                    files += 1
                except OSError:
                    pass
    return files, size


def best_of(repeat: int, fn):
    best = None
    for _ in range(repeat):
        value = fn()
        if value is None:
            return None
        best = value if best is None or value < best else best
    return best


def bare_ms(bare: str, tree: str, jobs: int) -> float | None:
    proc = subprocess.run([bare, tree, "--jobs", str(jobs)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        print(f"bench_bare_parse failed: {proc.stderr.strip()}", file=sys.stderr)
        return None
    fields = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    return float(fields["ms"])


def lineage_ms(pipelint: str, tree: str, jobs: int) -> float | None:
    cmd = [pipelint, "lineage", tree, "--format", "jsonl", "-o", os.devnull, "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    if proc.returncode != 0:
        err = proc.stderr.strip().splitlines()
        print(f"pipelint lineage failed (exit {proc.returncode}): {err[-1] if err else ''}", file=sys.stderr)
        return None
    return elapsed


def row(tree, tool, jobs, files, size, ms, ratio):
    mb = size / (1024 * 1024)
    if ms is None:
        return [tree, tool, str(jobs), str(files), f"{mb:.1f}", "n/a", "n/a", "n/a", "n/a"]
    sec = ms / 1000
    return [tree, tool, str(jobs), str(files), f"{mb:.1f}", f"{ms:.0f}", f"{files / sec:.0f}",
            f"{mb / sec:.2f}", "" if ratio is None else f"{ratio:.2f}"]


def print_table(rows):
    header = ["tree", "tool", "jobs", "files", "MB", "ms", "files/s", "MB/s", "ratio"]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--pipelint", default="build/pipelint")
    ap.add_argument("--bare", default="build/tests/bench/bench_bare_parse")
    ap.add_argument("--tree", action="append", default=[], help="benchmark this folder (repeatable)")
    ap.add_argument("--generate", action="store_true", help="also generate a platform when --tree is given")
    ap.add_argument("--out", help="where to generate (default: a temporary folder, removed afterwards)")
    ap.add_argument("--teams", type=int, default=12)
    ap.add_argument("--pipelines", type=int, default=1500)
    ap.add_argument("--tables-per-pipeline", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="the 'all cores' job count")
    ap.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    ap.add_argument("--json", help="also write the rows to this JSON file")
    ap.add_argument("--max-ratio", type=float, help="exit 1 if any lineage/bare ratio exceeds this")
    args = ap.parse_args()

    for binary in (args.pipelint, args.bare):
        if not os.access(binary, os.X_OK):
            ap.error(f"not an executable: {binary}")

    trees = list(args.tree)
    tmp = None
    if not trees or args.generate:
        out = args.out
        if not out:
            tmp = tempfile.TemporaryDirectory(prefix="pipelint-bench-")
            out = os.path.join(tmp.name, "platform")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", out,
                        "--teams", str(args.teams), "--pipelines", str(args.pipelines),
                        "--tables-per-pipeline", str(args.tables_per_pipeline), "--seed", str(args.seed)],
                       check=True)
        trees.insert(0, out)

    rows, records, failed = [], [], False
    job_counts = sorted({1, max(1, args.jobs)})
    for tree in trees:
        label = os.path.basename(os.path.normpath(tree))
        py_files, py_bytes = count_files(tree, (".py",))
        all_files, all_bytes = count_files(tree, (".py", ".sql"))
        for jobs in job_counts:
            bare = best_of(args.repeat, lambda: bare_ms(args.bare, tree, jobs))
            lin = best_of(args.repeat, lambda: lineage_ms(args.pipelint, tree, jobs))
            ratio = lin / bare if lin is not None and bare else None
            rows.append(row(label, "bare parse", jobs, py_files, py_bytes, bare, None))
            rows.append(row(label, "pipelint lineage", jobs, all_files, all_bytes, lin, ratio))
            records.append({"tree": tree, "jobs": jobs, "py_files": py_files, "py_bytes": py_bytes,
                            "files": all_files, "bytes": all_bytes, "bare_ms": bare, "lineage_ms": lin,
                            "ratio": ratio})
            if lin is None or bare is None:
                failed = True
            elif args.max_ratio is not None and ratio > args.max_ratio:
                print(f"ratio {ratio:.2f} on {label} --jobs {jobs} exceeds --max-ratio {args.max_ratio}",
                      file=sys.stderr)
                failed = True
    print_table(rows)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(records, f, indent=2)
            f.write("\n")
    if tmp:
        tmp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scale benchmark of `pipelint audit` (issue 6; SPEC 6: at most 1.5x the bare parse,
every core used, linear scaling; the graph phase a small fraction of the parse).

For each size (pipelines; about --tables-per-pipeline tables each, one repository per
team, --cycles planted cross-team cycles) it generates a platform with generate.py,
then at each --jobs count runs
  bench_bare_parse TREE --jobs N                         the floor (.py files only)
  pipelint audit TREE/repos/* --config ... --out-dir ... --jobs N --timings --quiet
and prints one Markdown table: wall time, peak RSS (getrusage of the child), the
ratio audit/bare, the phase times pipelint reports, graph/parse, and how many DEP001
cycles the audit found (at least the planted ones).

  python3 tests/bench/audit_scale.py --pipelint build/pipelint \\
      --bare build/tests/bench/bench_bare_parse --sizes 50,5000,50000
Standard library only. Big sizes take minutes and gigabytes of disk: run them on a
quiet machine.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import bare_ms, count_files  # noqa: E402

PHASES = ["discovery", "parse", "link", "model", "graph", "rules", "write"]


def teams_for(pipelines: int, per_team: int) -> int:
    return max(4, min(500, pipelines // per_team))


def generate(out: str, pipelines: int, args) -> int:
    teams = teams_for(pipelines, args.pipelines_per_team)
    cycles = max(1, pipelines // 1000)
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", out, "--teams", str(teams),
                    "--pipelines", str(pipelines), "--tables-per-pipeline", str(args.tables_per_pipeline),
                    "--cycles", str(cycles), "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
    return cycles


def timed_audit(pipelint: str, tree: str, out_dir: str, jobs: int) -> dict | None:
    """Runs one audit; wall ms, peak RSS (MiB) of that process, phase times (ms)."""
    cmd = [pipelint, "audit", *sorted(glob.glob(os.path.join(tree, "repos", "*", ""))),
           "--config", os.path.join(tree, "platform-config", "pipelint.yaml"),
           "--out-dir", out_dir, "--jobs", str(jobs), "--timings", "--quiet"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        print(f"pipelint audit failed (exit {proc.returncode}): {stderr.strip()[-500:]}", file=sys.stderr)
        return None
    phases = {}
    for line in stderr.splitlines():
        if line.startswith("pipelint: timings (ms):"):
            for item in line.split(":", 2)[2].split():
                name, _, value = item.partition("=")
                phases[name] = float(value)
    with open(os.path.join(out_dir, "findings.json"), encoding="utf-8") as f:
        cycles = sum(1 for x in json.load(f)["findings"] if x["rule"] == "DEP001")
    return {"ms": wall, "rss_mib": usage.ru_maxrss / 1024, "phases": phases, "dep001": cycles}


def best(runs: list[dict | None]) -> dict | None:
    ok = [r for r in runs if r]
    return min(ok, key=lambda r: r["ms"]) if len(ok) == len(runs) else None


def fmt(v, spec=".0f"):
    return "n/a" if v is None else format(v, spec)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--pipelint", default="build/pipelint")
    ap.add_argument("--bare", default="build/tests/bench/bench_bare_parse")
    ap.add_argument("--sizes", default="50,5000,50000", help="pipelines per platform, comma-separated")
    ap.add_argument("--jobs", default="1,2", help="job counts, comma-separated")
    ap.add_argument("--pipelines-per-team", type=int, default=100, help="repositories = pipelines / this (4..500)")
    ap.add_argument("--tables-per-pipeline", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    ap.add_argument("--work", help="folder for the generated platforms (default: a temporary one, removed)")
    ap.add_argument("--json", help="also write the rows to this JSON file")
    args = ap.parse_args()
    for binary in (args.pipelint, args.bare):
        if not os.access(binary, os.X_OK):
            ap.error(f"not an executable: {binary}")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    job_counts = [int(j) for j in args.jobs.split(",") if j.strip()]

    tmp = None if args.work else tempfile.TemporaryDirectory(prefix="pipelint-audit-bench-")
    work = args.work or tmp.name
    header = ["pipelines", "repos", "files", "MB", "jobs", "bare ms", "audit ms", "ratio", "peak RSS MiB",
              *[f"{p} ms" for p in PHASES], "graph/parse", "DEP001 (planted)"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    records, failed = [], False
    for size in sizes:
        tree = os.path.join(work, f"platform-{size}")
        planted = generate(tree, size, args)
        repos = len(glob.glob(os.path.join(tree, "repos", "*", "")))
        files, size_bytes = count_files(tree, (".py", ".sql", ".yaml"))
        for jobs in job_counts:
            bare_runs = [bare_ms(args.bare, tree, jobs) for _ in range(args.repeat)]
            bare = None if None in bare_runs else min(bare_runs)
            out_dir = os.path.join(work, f"audit-{size}-{jobs}")
            run = best([timed_audit(args.pipelint, tree, out_dir, jobs) for _ in range(args.repeat)])
            shutil.rmtree(out_dir, ignore_errors=True)
            failed = failed or run is None or bare is None
            ratio = run["ms"] / bare if run and bare else None
            ph = run["phases"] if run else {}
            graph_share = ph["graph"] / ph["parse"] if ph.get("parse") else None
            row = [str(size), str(repos), str(files), f"{size_bytes / 2**20:.1f}", str(jobs), fmt(bare),
                   fmt(run and run["ms"]), fmt(ratio, ".2f"), fmt(run and run["rss_mib"]),
                   *[fmt(ph.get(p)) for p in PHASES], fmt(graph_share, ".1%"),
                   f"{run['dep001'] if run else 'n/a'} ({planted})"]
            print("| " + " | ".join(row) + " |", flush=True)
            records.append({"pipelines": size, "repos": repos, "files": files, "bytes": size_bytes, "jobs": jobs,
                            "bare_ms": bare, "audit": run, "ratio": ratio, "planted_cycles": planted})
        shutil.rmtree(tree, ignore_errors=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(records, f, indent=2)
            f.write("\n")
    if tmp:
        tmp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

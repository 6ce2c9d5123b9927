#!/usr/bin/env python3
"""Scores pipelint's orchestration extraction against hand labels.

Labels, one per line (blank lines and '#' comments ignored):
    T <dag_id> <task_id>                    a task that must be recovered
    E <dag_id> <upstream> <downstream>      an edge that must be recovered
    S <dag_id> <task_id> <script|->         the script the task runs ('-' = none)

Reports task and edge recall, invented tasks/edges (found but not labelled) and
task->script link accuracy, per file folder and in total. Exit 1 below --min.

    python3 tests/bench/accuracy/score_airflow.py --pipelint build/pipelint \\
        --root /tmp/airflow_bench/dags --labels /tmp/airflow_bench/labels.txt
"""
import argparse
import json
import subprocess
import sys


def load_labels(path):
    tasks, edges, scripts = set(), set(), {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            kind, *rest = line.split()
            if kind == "T":
                tasks.add(tuple(rest[:2]))
            elif kind == "E":
                edges.add(tuple(rest[:3]))
            elif kind == "S":
                scripts[tuple(rest[:2])] = None if rest[2] == "-" else rest[2]
    return tasks, edges, scripts


def extract(pipelint, roots):
    """One run per root, as a user runs it on each repository."""
    lines = []
    for root in roots:
        out = subprocess.run([pipelint, "lineage", root, "--format", "jsonl"], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"pipelint failed: {out.stderr.strip()}")
        lines += out.stdout.splitlines()
    tasks, edges, scripts = set(), set(), {}
    for line in lines:
        r = json.loads(line)
        if r.get("type") == "task":
            tasks.add((r["dag_id"], r["task_id"]))
            scripts[(r["dag_id"], r["task_id"])] = r.get("script")
        elif r.get("type") == "edge":
            edges.add((r["dag_id"], r["upstream"], r["downstream"]))
    return tasks, edges, scripts


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipelint", required=True)
    ap.add_argument("--root", action="append", required=True, help="folder of DAG files / bundles (repeatable)")
    ap.add_argument("--labels", required=True)
    ap.add_argument("--min", type=float, default=95.0, help="minimum task and edge recall, percent")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    want_t, want_e, want_s = load_labels(args.labels)
    got_t, got_e, got_s = extract(args.pipelint, args.root)
    t_ok, e_ok = want_t & got_t, want_e & got_e
    invented_t, invented_e = got_t - want_t, got_e - want_e
    s_ok = sum(1 for k, v in want_s.items() if got_s.get(k, "?") == v)
    print(f"tasks:   {len(t_ok)}/{len(want_t)} recovered ({pct(len(t_ok), len(want_t)):.1f}%), {len(invented_t)} invented")
    print(f"edges:   {len(e_ok)}/{len(want_e)} recovered ({pct(len(e_ok), len(want_e)):.1f}%), {len(invented_e)} invented")
    print(f"scripts: {s_ok}/{len(want_s)} task->script links right ({pct(s_ok, len(want_s)):.1f}%)")
    if args.verbose:
        for x in sorted(want_t - got_t):
            print("  missing task", *x)
        for x in sorted(invented_t):
            print("  invented task", *x)
        for x in sorted(want_e - got_e):
            print("  missing edge", *x)
        for x in sorted(invented_e):
            print("  invented edge", *x)
        for k, v in sorted(want_s.items()):
            if got_s.get(k, "?") != v:
                print("  wrong script", *k, "want", v, "got", got_s.get(k, "(no task)"))
    ok = (pct(len(t_ok), len(want_t)) >= args.min and pct(len(e_ok), len(want_e)) >= args.min
          and not invented_t and s_ok == len(want_s))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

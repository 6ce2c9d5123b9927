#!/usr/bin/env python3
"""Scores pipelint's SQL extraction against hand-made labels (stdlib only).

Labels (JSON lines, kept outside the repository with the corpus they describe):
  {"file": "x.sql", "table": "cat.schema.t", "op": "read"|"write", "mode": "append"|...|null}
One line per table reference as written (a table read twice is labelled twice).
Holes are written as pipelint renders them: ${catalog} and IDENTIFIER(var) -> {catalog}, {var}.

Lineage: the output of `pipelint lineage CORPUS --format jsonl`.

A reported access matches a label of the same file when the table (compared
case-insensitively) and the op agree; matching is a multiset intersection per
file, so order and line numbers do not matter. Recall = matched / labelled,
precision = matched / reported. Mode agreement is reported over the matches.

Usage: score_sql.py --labels labels.jsonl --lineage lineage.jsonl [--details]
"""
import argparse
import collections
import json
import sys


def norm_table(name):
    return (name or "").replace("`", "").strip().lower()


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON: {e}")
    return rows


def group(rows, key_file):
    by_file = collections.defaultdict(list)
    for r in rows:
        by_file[r[key_file]].append(r)
    return by_file


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--labels", required=True)
    ap.add_argument("--lineage", required=True)
    ap.add_argument("--details", action="store_true", help="list every miss and every wrong report")
    args = ap.parse_args()

    labels = load_jsonl(args.labels)
    reported = [r for r in load_jsonl(args.lineage) if r.get("type", "access") == "access"]
    labelled_files = {l["file"] for l in labels}
    for r in reported:  # lineage paths are relative to where pipelint ran: match label names as suffixes
        r["path"] = next((f for f in labelled_files if r["path"] == f or r["path"].endswith("/" + f)), r["path"])
    corpus_files = labelled_files | {r["path"] for r in reported}

    lab_by_file = group(labels, "file")
    rep_by_file = group(reported, "path")

    matched = mode_ok = 0
    misses, extras, mode_diffs = [], [], []
    for f in sorted(corpus_files):
        want = collections.defaultdict(list)
        for l in lab_by_file.get(f, []):
            want[(norm_table(l["table"]), l["op"])].append(l.get("mode"))
        got = collections.defaultdict(list)
        for r in rep_by_file.get(f, []):
            got[(norm_table(r["table"]), r["op"])].append(r)
        for key in sorted(set(want) | set(got)):
            w, g = want.get(key, []), got.get(key, [])
            n = min(len(w), len(g))
            matched += n
            common = sum((collections.Counter((m or "") for m in w) &
                          collections.Counter((r.get("mode") or "") for r in g)).values())
            agree = min(common, n)
            mode_ok += agree
            if agree < n:
                mode_diffs.append((f, key[0], key[1], sorted(m or "null" for m in w),
                                   sorted(r.get("mode") or "null" for r in g)))
            for _ in range(len(w) - n):
                misses.append((f, key[0], key[1]))
            for r in g[n:]:
                extras.append((f, key[0], key[1], r.get("line")))

    n_labels, n_reported = len(labels), len(reported)
    recall = matched / n_labels if n_labels else 1.0
    precision = matched / n_reported if n_reported else 1.0
    print(f"files: {len(corpus_files)} ({len(labelled_files)} with labels)")
    print(f"labelled references: {n_labels}, reported accesses: {n_reported}, matched (table+op): {matched}")
    print(f"recall:    {recall:.2%}")
    print(f"precision: {precision:.2%}  (wrong reports: {n_reported - matched}, {1 - precision:.2%})")
    if matched:
        print(f"mode agrees on {mode_ok}/{matched} matches ({mode_ok / matched:.2%})")
    if args.details:
        for f, t, op in misses:
            print(f"MISS   {f}: {op} {t}")
        for f, t, op, line in extras:
            print(f"WRONG  {f}:{line}: {op} {t}")
        for f, t, op, want, got in mode_diffs:
            print(f"MODE   {f}: {op} {t}: labelled {want}, reported {got}")


if __name__ == "__main__":
    main()

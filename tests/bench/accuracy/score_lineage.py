#!/usr/bin/env python3
"""Scores `pipelint lineage --format jsonl` against hand labels (README.md here).

    score_lineage.py LABELS.jsonl LINEAGE.jsonl [--verbose]

A label is one JSON object per line:
    {"file": "x.py", "op": "read|write", "table": "cat.schema.t", "mode": "overwrite" | null}
optionally with "dynamic": true when the name cannot be resolved statically; its
"table" is then a pattern where "{...}" matches any text (e.g. "{?}.orders").

Compared per file as sets of (op, table, mode): table names lower-cased and
unquoted (backticks removed), a null mode written "-". Only `kind: table`
records count (storage paths are not tables). Recall is over the static labels;
precision is over the distinct reported accesses, a reported access being right
when it equals a static label or matches a dynamic one.
"""
import json
import re
import sys
from collections import defaultdict
from pathlib import PurePosixPath


def norm_table(t):
    return t.replace("`", "").strip().lower()


def norm_mode(m):
    return "-" if m in (None, "", "-") else m.lower()


def load_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: {e}")
    return out


def pattern(table):
    parts = re.split(r"\{[^}]*\}", table)
    return re.compile("^" + ".+".join(re.escape(p) for p in parts) + "$")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in argv
    if len(args) != 2:
        sys.exit(__doc__)
    labels, records = load_jsonl(args[0]), load_jsonl(args[1])

    static = defaultdict(set)
    dynamic = defaultdict(list)
    for lab in labels:
        key = (lab["op"], norm_table(lab["table"]), norm_mode(lab.get("mode")))
        if lab.get("dynamic"):
            dynamic[lab["file"]].append((key[0], pattern(key[1]), key[2]))
        else:
            static[lab["file"]].add(key)

    reported = defaultdict(set)
    for r in records:
        if r.get("type", "access") != "access" or r.get("kind") != "table":
            continue
        reported[PurePosixPath(r["path"]).name].add((r["op"], norm_table(r["table"]), norm_mode(r.get("mode"))))

    files = set(static) | set(dynamic) | set(reported)
    found = total = right = n_reported = 0
    misses, wrong = [], []
    for f in sorted(files):
        got, want = reported.get(f, set()), static.get(f, set())
        total += len(want)
        for w in sorted(want):
            if w in got:
                found += 1
            else:
                misses.append((f, w))
        for g in sorted(got):
            n_reported += 1
            ok = g in want or any(g[0] == op and g[2] == mode and pat.match(g[1])
                                  for op, pat, mode in dynamic.get(f, []))
            if ok:
                right += 1
            else:
                wrong.append((f, g))

    recall = found / total if total else 1.0
    precision = right / n_reported if n_reported else 1.0
    print(f"files with labels or reports: {len(files)}")
    print(f"labelled static accesses: {total}; found: {found}; recall: {recall:.1%}")
    print(f"reported accesses: {n_reported}; right: {right}; wrong: {len(wrong)}; "
          f"precision: {precision:.1%} ({len(wrong) / n_reported if n_reported else 0:.1%} wrong)")
    if verbose or misses:
        for f, (op, t, m) in misses:
            print(f"  MISS  {f}: {op} {t} {m}")
    if verbose or wrong:
        for f, (op, t, m) in wrong:
            print(f"  WRONG {f}: {op} {t} {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

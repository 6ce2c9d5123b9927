#!/usr/bin/env python3
"""End-to-end: `pipelint check --index` of one repository reports exactly the
findings that a whole-platform check reports for that repository (issue 6).

Builds the index of fixtures/gridunion, checks single repositories against it,
and compares with the whole-fixture check restricted to the repository's paths.
Also: --jobs 1 and 2 give identical indexes and results, and a broken index is a
one-line error (exit 2), never a crash.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

FIXTURE = "fixtures/gridunion"
# platform-airflow: its DAGs run the other repositories' jobs (DEP004 needs their accesses from the index)
REPOS = ["analytics-commercial", "de-metering-pipelines", "platform-airflow"]
CROSS_REPO = {"DEP001", "DEP003", "DEP004"}


def run(pipelint, *args, expect=(0, 1)):
    p = subprocess.run([pipelint, *args], capture_output=True, timeout=300)
    if p.returncode not in expect:
        sys.exit(f"FAIL: pipelint {' '.join(args)} exited {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p


def findings(pipelint, *args):
    out = run(pipelint, "check", *args, "--format", "json", "--exit-zero").stdout
    return json.loads(out)["findings"]


def key(f):
    return json.dumps(f, sort_keys=True)


def in_repo(f, repo):
    return f["path"].startswith(f"{FIXTURE}/repos/{repo}/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipelint", required=True)
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.chdir(root)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        idx = os.path.join(tmp, "idx.json")
        run(a.pipelint, "index", FIXTURE, "-o", idx, "--jobs", "1")
        idx2 = os.path.join(tmp, "idx2.json")
        run(a.pipelint, "index", FIXTURE, "-o", idx2, "--jobs", "2")
        with open(idx, "rb") as f1, open(idx2, "rb") as f2:
            if f1.read() != f2.read():
                failures.append("index differs between --jobs 1 and --jobs 2")
        with open(idx) as f:
            doc = json.load(f)
        if doc.get("version") != 2 or len(doc["repositories"]) < 5:
            failures.append(f"unexpected index header: version {doc.get('version')}")

        whole = findings(a.pipelint, FIXTURE)
        for repo in REPOS:
            path = f"{FIXTURE}/repos/{repo}"
            expected = sorted(key(f) for f in whole if in_repo(f, repo))
            got_all = findings(a.pipelint, "--index", idx, path, "--jobs", "1")
            outside = [f for f in got_all if f["path"].startswith(f"{FIXTURE}/repos/") and not in_repo(f, repo)]
            if outside:
                failures.append(f"{repo}: findings reported in index files: {outside[:2]}")
            got = sorted(key(f) for f in got_all if in_repo(f, repo))
            if got != expected:
                missing = set(expected) - set(got)
                extra = set(got) - set(expected)
                failures.append(f"{repo}: differs from the whole check; missing {sorted(missing)[:3]} extra {sorted(extra)[:3]}")
            rules = {json.loads(k)["rule"] for k in expected}
            if not rules & CROSS_REPO:
                failures.append(f"{repo}: the comparison holds no cross-repository finding ({sorted(rules)})")
            # Without the index the cross-repository findings are not visible.
            alone = {f["rule"] for f in findings(a.pipelint, path)}
            if rules & CROSS_REPO <= alone:
                failures.append(f"{repo}: check without the index already finds {sorted(rules & CROSS_REPO)}")
            got2 = sorted(key(f) for f in findings(a.pipelint, "--index", idx, path, "--jobs", "2") if in_repo(f, repo))
            if got2 != got:
                failures.append(f"{repo}: --jobs 2 differs from --jobs 1")

        for name, data in [("garbage", b"\x00\xff\xfe binary"), ("version", b'{"version": 99, "repositories": []}'),
                           ("shape", b'{"version": 2, "repositories": [{"root": 3}]}'),
                           ("deep", b"[" * 5000 + b"]" * 5000)]:
            bad = os.path.join(tmp, name + ".json")
            with open(bad, "wb") as f:
                f.write(data)
            p = run(a.pipelint, "check", "--index", bad, f"{FIXTURE}/repos/{REPOS[0]}", expect=(2,))
            err = p.stderr.decode(errors="replace").strip()
            if "\n" in err or "index" not in err:
                failures.append(f"bad index {name}: expected a one-line error, got {err!r}")
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print(f"ok: check --index matches the whole check for {', '.join(REPOS)}")


if __name__ == "__main__":
    main()

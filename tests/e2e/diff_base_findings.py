#!/usr/bin/env python3
"""End-to-end: `check --diff-base REF` reports only the findings a change
introduced (SPEC 5). A temporary git repository has a finding at `main`; a branch
moves it down two lines (same finding: matched by fingerprint, not by line) and adds
a file with a new finding. Also: the SARIF carries baselineState "new" and
validates, a path that did not exist at REF is all new, an unknown revision is a
one-line error with exit 2.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

CONFIG = """version: 1
namespace:
  patterns:
    - '^(?P<env>dev|test|prod)_(?P<country>de|fr)\\.(?P<layer>bronze|silver|gold)_(?P<domain>[a-z]+)\\.(?P<table>[a-z_]+)$'
"""
OLD = 'df = spark.table("prod_de.silver_metering.readings")\ndf.write.saveAsTable("tmp_scratch_old")\n'
MOVED = "# the old finding moves down two lines\n\n" + OLD
NEW = 'x = spark.table("prod_de.silver_metering.readings")\nx.write.saveAsTable("tmp_new_table")\n'
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}

failures = []


def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, env=GIT_ENV)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def check(pipelint, repo, *args, expect=(0, 1)):
    p = subprocess.run([pipelint, "check", *args], capture_output=True, cwd=repo, timeout=120)
    if p.returncode not in expect:
        failures.append(f"check {' '.join(args)}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p


def findings(pipelint, repo, *args):
    p = check(pipelint, repo, *args, "--format", "json", "--exit-zero")
    return sorted((f["rule"], f["path"], f["line"], f.get("baseline_state", "")) for f in json.loads(p.stdout)["findings"])


def expect_equal(label, got, want):
    if got != want:
        failures.append(f"{label}: got {got}, want {want}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipelint", required=True)
    ap.add_argument("--multitool")
    ap.add_argument("--schema")
    args = ap.parse_args()
    pipelint = os.path.abspath(args.pipelint)
    with tempfile.TemporaryDirectory() as tmp:
        repo = os.path.join(tmp, "repo")
        write(os.path.join(repo, "pipelint.yaml"), CONFIG)
        write(os.path.join(repo, "jobs", "a.py"), OLD)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "base")
        git(repo, "checkout", "-qb", "pr")
        write(os.path.join(repo, "jobs", "a.py"), MOVED)
        write(os.path.join(repo, "jobs", "b.py"), NEW)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "pr")

        expect_equal("without --diff-base", findings(pipelint, repo, "."),
                     [("NS002", "jobs/a.py", 4, ""), ("NS002", "jobs/b.py", 2, "")])
        expect_equal("--diff-base main", findings(pipelint, repo, ".", "--diff-base", "main"),
                     [("NS002", "jobs/b.py", 2, "new")])
        expect_equal("a path new at the revision", findings(pipelint, repo, "jobs/b.py", "--diff-base", "main"),
                     [("NS002", "jobs/b.py", 2, "new")])
        expect_equal("against itself", findings(pipelint, repo, ".", "--diff-base", "pr"), [])
        # Run from outside the repository: display paths differ, fingerprints do not.
        p = check(pipelint, tmp, "repo", "--diff-base", "main", "--format", "json", "--exit-zero")
        got = [(f["path"], f["line"]) for f in json.loads(p.stdout)["findings"]]
        expect_equal("from outside the repository", got, [("repo/jobs/b.py", 2)])

        sarif = os.path.join(tmp, "out.sarif")
        check(pipelint, repo, ".", "--diff-base", "main", "--format", "sarif", "-o", sarif)
        with open(sarif, encoding="utf-8") as f:
            states = [r.get("baselineState") for r in json.load(f)["runs"][0]["results"]]
        expect_equal("SARIF baselineState", states, ["new"])
        validate = ["bash", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "validate_sarif.sh")]
        if args.multitool:
            validate += ["--multitool", os.path.abspath(args.multitool)]
        if args.schema:
            validate += ["--schema", os.path.abspath(args.schema)]
        v = subprocess.run(validate + [sarif], capture_output=True)
        if v.returncode != 0:
            failures.append("SARIF with baselineState does not validate: " + (v.stdout + v.stderr).decode(errors="replace"))

        bad = check(pipelint, repo, ".", "--diff-base", "no-such-revision", expect=(2,))
        lines = bad.stderr.decode().strip().splitlines()
        if len(lines) != 1 or "no-such-revision" not in lines[0]:
            failures.append(f"unknown revision: want one line naming it, got {lines}")

    for f in failures:
        print("FAIL", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

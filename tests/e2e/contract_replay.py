#!/usr/bin/env python3
"""End-to-end: the seed's incident, replayed with git (issue 7).

A schema change in the Dutch silver P4 telegrams (nl-dutchgrid-etl) broke a
Luxembourg gold dashboard (platform-shared, team platform) that nobody in NL knew
existed. The pull-request check of nl-dutchgrid-etl alone, with the platform
index and --diff-base main, must name that consumer in the other repository:

- breaking rename without a major bump: CTR002 and CTR003 at the changed line,
  CTR003 listing platform-shared/lu/gold_cross_border_daily.py (team platform);
  without the index nobody is known to read it (a CTR003 note);
- look-alikes: int -> bigint and an added nullable column: neither rule;
  a removed column the LU pipeline does not select: CTR002 and a CTR003 note;
  the same rename with a major bump: CTR003 only;
- a removed contract is reported where the table is still produced;
- --contracts-base DIR gives the same findings as --diff-base;
- an unknown revision or a folder outside git is a one-line error (exit 2).
Runs without network; git identity comes from the environment.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

NL = "gridunion/repos/nl-dutchgrid-etl"
CONTRACT = "contracts/nl-silver-metering-p4-telegrams.odcs.yaml"
CONSUMER = "gridunion/repos/platform-shared/lu/gold_cross_border_daily.py"
PRODUCER = "etl/ingest_p4_telegrams.py"


class Replay:
    def __init__(self, pipelint, tmp):
        self.pipelint = pipelint
        self.tmp = tmp
        self.repo = os.path.join(tmp, NL)
        self.env = dict(os.environ, HOME=tmp, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Replay",
                        GIT_AUTHOR_EMAIL="replay@example.invalid", GIT_COMMITTER_NAME="Replay",
                        GIT_COMMITTER_EMAIL="replay@example.invalid")
        self.failures = []

    def git(self, *args):
        subprocess.run(["git", "-C", self.repo, *args], check=True, capture_output=True, env=self.env, timeout=60)

    def run(self, *args, expect=(0, 1)):
        p = subprocess.run([self.pipelint, *args], capture_output=True, cwd=self.tmp, timeout=300)
        if p.returncode not in expect:
            sys.exit(f"FAIL: pipelint {' '.join(args)} exited {p.returncode}: {p.stderr.decode(errors='replace')}")
        return p

    def check(self, *args):
        out = self.run("check", NL, "--format", "json", "--exit-zero", "--select", "CTR002,CTR003", *args).stdout
        return json.loads(out)["findings"]

    def expect(self, cond, what):
        if not cond:
            self.failures.append(what)

    def edit_contract(self, replace):
        path = os.path.join(self.repo, CONTRACT)
        with open(path) as f:
            text = f.read()
        for old, new in replace:
            if old not in text:
                sys.exit(f"FAIL: the fixture contract no longer holds {old!r}")
            text = text.replace(old, new, 1)
        with open(path, "w") as f:
            f.write(text)

    def branch(self, name, replace=None, delete=False):
        """A pull request: a branch off main with one commit."""
        self.git("checkout", "-q", "-b", name, "main")
        if delete:
            self.git("rm", "-q", CONTRACT)
        else:
            self.edit_contract(replace)
        self.git("commit", "-q", "-am", name)

    def line_of(self, needle):
        with open(os.path.join(self.repo, CONTRACT)) as f:
            for n, line in enumerate(f, 1):
                if needle in line:
                    return n
        return 0


RENAME = [("      - id: kwh\n        name: kwh\n", "      - id: kwh\n        name: energy_kwh\n")]


def by_rule(findings, rule):
    return [f for f in findings if f["rule"] == rule]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipelint", required=True)
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    pipelint = os.path.abspath(a.pipelint)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(os.path.join(root, "fixtures/gridunion"), os.path.join(tmp, "gridunion"))
        r = Replay(pipelint, tmp)
        r.git("init", "-q", "-b", "main")
        r.git("add", "-A")
        r.git("commit", "-q", "-m", "base")
        r.run("index", "gridunion", "-o", "index.json")
        contract_path = f"{NL}/{CONTRACT}"

        # The incident: kwh renamed to energy_kwh in a minor release.
        r.branch("rename-kwh", RENAME + [("version: 1.4.0", "version: 1.5.0")])
        changed = r.line_of("name: energy_kwh")
        got = r.check("--diff-base", "main", "--index", "index.json")
        ctr002, ctr003 = by_rule(got, "CTR002"), by_rule(got, "CTR003")
        r.expect(len(ctr002) == 1 and ctr002[0]["path"] == contract_path and ctr002[0]["line"] == changed
                 and ctr002[0]["severity"] == "error" and "1.4.0 at main -> 1.5.0" in ctr002[0]["message"],
                 f"rename: expected one CTR002 at {contract_path}:{changed}, got {ctr002}")
        r.expect(len(ctr003) == 1 and ctr003[0]["path"] == contract_path and ctr003[0]["line"] == changed
                 and ctr003[0]["severity"] == "error",
                 f"rename: expected one CTR003 error at {contract_path}:{changed}, got {ctr003}")
        related = ctr003[0]["related"] if ctr003 else []
        r.expect(any(x["path"] == CONSUMER and "team platform" in x["message"] and "(columns `kwh`)" in x["message"]
                     for x in related)
                 and CONSUMER + " (team platform)" in ctr003[0]["message"],
                 f"rename: CTR003 does not name the LU gold pipeline with its team: {ctr003}")
        r.expect(not any(x["path"].startswith(NL) for x in related),
                 f"rename: the producer itself is listed as a consumer: {related}")
        with_index = [(f["rule"], f["path"], f["line"], [x["path"] for x in f["related"]]) for f in got]

        alone = by_rule(r.check("--diff-base", "main"), "CTR003")
        r.expect(len(alone) == 1 and alone[0]["severity"] == "note" and "nobody reads" in alone[0]["message"],
                 f"without the index the LU consumer is unknown (a note), got {alone}")

        # The same change against a folder holding the base contracts.
        base_dir = os.path.join(tmp, "base-contracts")
        os.makedirs(os.path.join(base_dir, "contracts"))
        shown = subprocess.run(["git", "-C", r.repo, "show", f"main:{CONTRACT}"], capture_output=True, check=True)
        with open(os.path.join(base_dir, CONTRACT), "wb") as f:
            f.write(shown.stdout)
        got_dir = r.check("--contracts-base", "base-contracts", "--index", "index.json")
        from_dir = [(f["rule"], f["path"], f["line"], [x["path"] for x in f["related"]]) for f in got_dir]
        r.expect(from_dir == with_index, f"--contracts-base differs from --diff-base: {from_dir} vs {with_index}")

        # Look-alike: widening and a nullable column in a patch release.
        r.branch("widen", [("        physicalType: int\n", "        physicalType: bigint\n"),
                           ("version: 1.4.0", "version: 1.4.1"),
                           ("      - id: grid_area\n", "      - id: meter_type\n        name: meter_type\n"
                                                      "        logicalType: string\n      - id: grid_area\n")])
        got = r.check("--diff-base", "main", "--index", "index.json")
        r.expect(got == [], f"widening + nullable column: expected no finding, got {got}")

        # Column level: a column the LU pipeline does not select is removed. CTR002
        # still fires, but nobody is known to read that column (a CTR003 note).
        r.branch("drop-grid-area", [("      - id: grid_area\n        name: grid_area\n        logicalType: string\n", ""),
                                    ("version: 1.4.0", "version: 1.4.1")])
        got = r.check("--diff-base", "main", "--index", "index.json")
        ctr003 = by_rule(got, "CTR003")
        r.expect(len(by_rule(got, "CTR002")) == 1 and len(ctr003) == 1 and ctr003[0]["severity"] == "note",
                 f"unread column removed: expected CTR002 and a CTR003 note, got {[(f['rule'], f['message']) for f in got]}")

        # Look-alike: the rename announced with a major version.
        r.branch("rename-major", RENAME + [("version: 1.4.0", "version: 2.0.0")])
        got = r.check("--diff-base", "main", "--index", "index.json")
        r.expect(by_rule(got, "CTR002") == [] and len(by_rule(got, "CTR003")) == 1,
                 f"major bump: expected CTR003 only, got {[(f['rule'], f['message']) for f in got]}")

        # The contract deleted while the LU dashboard still reads the table.
        r.branch("drop-contract", delete=True)
        got = r.check("--diff-base", "main", "--index", "index.json")
        ctr003 = by_rule(got, "CTR003")
        r.expect(len(ctr003) == 1 and ctr003[0]["path"] == f"{NL}/{PRODUCER}"
                 and any(x["path"] == CONSUMER for x in ctr003[0]["related"]),
                 f"removed contract: expected CTR003 at the producer listing the LU consumer, got {ctr003}")

        # Errors: one line, exit 2.
        for args in (["--diff-base", "no-such-ref"], ["--contracts-base", "missing-folder"]):
            p = r.run("check", NL, *args, expect=(2,))
            err = p.stderr.decode(errors="replace").strip()
            r.expect(err and "\n" not in err, f"{args}: expected a one-line error, got {err!r}")
        p = r.run("check", "gridunion/repos/platform-shared", "--diff-base", "main", expect=(2,))
        r.expect("git" in p.stderr.decode(errors="replace"), "a folder outside git: expected an error naming git")

    for f in r.failures:
        print("FAIL:", f)
    if r.failures:
        sys.exit(1)
    print("ok: the NL contract change names the LU gold consumer from the index; look-alikes stay quiet")


if __name__ == "__main__":
    main()

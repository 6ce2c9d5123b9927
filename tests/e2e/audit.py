#!/usr/bin/env python3
"""End-to-end: `pipelint audit` of fixtures/gridunion (issue 6, item 3; docs/audit.md).

  - every output file exists and is not empty; findings.sarif validates
    (tests/validate_sarif.sh) and names the audit in automationDetails;
  - the planted dependency incidents (DEP001 cross-team cycle, DEP002 layer
    inversion, DEP003 second writer, DEP004 uncoordinated cross-DAG read, DEP008 in-DAG read
    before write) are found exactly
    where the fixture's `expect` annotations put them, and nowhere else;
  - --jobs 1 and --jobs 2 write byte-identical files;
  - `check REPO --index DIR/index.json` reports the same DEP findings for that
    repository as the audit;
  - a repository with a broken pipelint.yaml, and a root that does not exist, are
    reported (stderr, summary.md, SARIF notifications) and the rest is audited;
  - exit codes: 0 by default, 1 with --fail-on, 2 for usage errors;
  - the progress bar is drawn on a terminal only.
Standard library only.
"""
import argparse
import glob
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import run_fixtures  # noqa: E402  (annotation parser shared with the fixture runner)

FIXTURE = "fixtures/gridunion"
PLATFORM = f"{FIXTURE}/platform-config/pipelint.yaml"
OUTPUTS = ["findings.sarif", "findings.json", "index.json", "catalog.md", "catalog.json", "catalog.html",
           "lineage.mmd", "lineage.dot", "summary.md"]
PLANTED = {"DEP001", "DEP002", "DEP003", "DEP004", "DEP008"}
PARITY_REPOS = ["de-metering-pipelines", "ml-demand-forecasting"]
BROKEN_REPO = "nl-dutchgrid-etl"

failures = []


def fail(msg):
    failures.append(msg)


def audit(pipelint, roots, out_dir, *extra, config=PLATFORM, cwd=None, expect=(0,)):
    cmd = [pipelint, "audit", *roots, "--config", config, "--out-dir", out_dir, *extra]
    p = subprocess.run(cmd, capture_output=True, timeout=600, cwd=cwd)
    if p.returncode not in expect:
        fail(f"{' '.join(cmd[1:])}: exit {p.returncode}, expected {expect}: {p.stderr.decode(errors='replace')[-2000:]}")
    return p


def repos(base=FIXTURE):
    return sorted(glob.glob(f"{base}/repos/*"))  # with CONTRACTS.md: a file, skipped


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_outputs(out_dir, label):
    for name in OUTPUTS:
        path = os.path.join(out_dir, name)
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            fail(f"{label}: {name} missing or empty")


def validate_sarif(args, path, label):
    cmd = ["bash", os.path.join(ROOT, "tests", "validate_sarif.sh")]
    if args.multitool:
        cmd += ["--multitool", os.path.abspath(args.multitool)]
    if args.schema:
        cmd += ["--schema", os.path.abspath(args.schema)]
    p = subprocess.run(cmd + [path], capture_output=True, timeout=600)
    if p.returncode != 0:
        fail(f"{label}: findings.sarif does not validate:\n{(p.stdout + p.stderr).decode(errors='replace')[-3000:]}")


def check_planted(out_dir):
    expected, _ = run_fixtures.collect_expectations(FIXTURE)
    want = sorted((p, line, rule) for (p, line, rule), n in expected.items() if rule in PLANTED for _ in range(n))
    for rule in PLANTED:
        if not any(r == rule for _, _, r in want):
            fail(f"the fixture plants no {rule} (README): cannot check it")
    got = sorted((f["path"], f["line"], f["rule"]) for f in load_json(os.path.join(out_dir, "findings.json"))["findings"]
                 if f["rule"] in PLANTED and not f.get("suppressed"))
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    if missing or extra:
        fail(f"planted DEP findings differ: missing {missing[:5]} extra {extra[:5]}")
    cross_team = [f for f in load_json(os.path.join(out_dir, "findings.json"))["findings"]
                  if f["rule"] == "DEP001" and "ml-demand-forecasting" in json.dumps(f)
                  and "de-metering-pipelines" in json.dumps(f)]
    if not cross_team:
        fail("no DEP001 cycle joins de-metering-pipelines and ml-demand-forecasting")


def check_sarif_header(out_dir, label):
    doc = load_json(os.path.join(out_dir, "findings.sarif"))
    runs = doc.get("runs", [])
    if len(runs) != 1:
        fail(f"{label}: {len(runs)} SARIF runs, expected one")
        return None
    if runs[0].get("automationDetails", {}).get("id") != "pipelint/audit/":
        fail(f"{label}: automationDetails {runs[0].get('automationDetails')}")
    return runs[0]


def check_summary(out_dir):
    with open(os.path.join(out_dir, "summary.md"), encoding="utf-8") as f:
        text = f.read()
    for section in ("## Findings per team", "## Findings per rule", "## Tables per team", "## Cross-team edges",
                    "## Failed repositories"):
        if section not in text:
            fail(f"summary.md has no '{section}' section")
    # The planted cycle: DE's loss targets read the ML team's grid-adjusted forecast.
    if not any(line.startswith("| nordgrid-de | demand-forecasting | ") for line in text.splitlines()):
        fail("summary.md: no cross-team edge from nordgrid-de to demand-forecasting")
    if "## Timings" in text:
        fail("summary.md has timings without --timings")


def check_determinism(pipelint, out1):
    with tempfile.TemporaryDirectory() as out2:
        audit(pipelint, repos(), out2, "--jobs", "2", "--quiet")
        for name in OUTPUTS:
            with open(os.path.join(out1, name), "rb") as a, open(os.path.join(out2, name), "rb") as b:
                if a.read() != b.read():
                    fail(f"{name} differs between --jobs 1 and --jobs 2")


def check_parity(pipelint, out_dir):
    whole = load_json(os.path.join(out_dir, "findings.json"))["findings"]
    index = os.path.join(out_dir, "index.json")
    for repo in PARITY_REPOS:
        prefix = f"{FIXTURE}/repos/{repo}/"
        key = lambda f: json.dumps(f, sort_keys=True)  # noqa: E731
        want = sorted(key(f) for f in whole if f["rule"].startswith("DEP") and f["path"].startswith(prefix))
        p = subprocess.run([pipelint, "check", prefix, "--index", index, "--format", "json", "--exit-zero"],
                           capture_output=True, timeout=300)
        if p.returncode != 0:
            fail(f"check {repo} --index: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
            continue
        got = sorted(key(f) for f in json.loads(p.stdout)["findings"]
                     if f["rule"].startswith("DEP") and f["path"].startswith(prefix))
        if not want:
            fail(f"{repo}: the audit has no DEP finding there: nothing to compare")
        if got != want:
            fail(f"{repo}: check --index differs from the audit: missing {sorted(set(want) - set(got))[:2]} "
                 f"extra {sorted(set(got) - set(want))[:2]}")


def check_broken_repository(args):
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "gridunion")
        shutil.copytree(FIXTURE, base)
        with open(os.path.join(base, "repos", BROKEN_REPO, "pipelint.yaml"), "w", encoding="utf-8") as f:
            f.write("version: 1\nextends: ../../platform-config/pipelint.yaml\nteam: [dutchgrid-nl\nrules: {\n")
        out_dir = os.path.join(tmp, "out")
        roots = repos(base) + [os.path.join(base, "repos", "ghost-repo")]
        p = audit(args.pipelint, roots, out_dir, "--quiet", config=os.path.join(base, "platform-config", "pipelint.yaml"))
        check_outputs(out_dir, "broken repository")
        err = p.stderr.decode(errors="replace")
        for name in (BROKEN_REPO, "ghost-repo"):
            lines = [line for line in err.splitlines() if name in line]
            if len(lines) != 1:
                fail(f"broken repository: expected one stderr line about {name}, got {lines}")
        with open(os.path.join(out_dir, "summary.md"), encoding="utf-8") as f:
            summary = f.read()
        failed_section = summary.split("## Failed repositories", 1)[-1]
        for name in (BROKEN_REPO, "ghost-repo"):
            if name not in failed_section:
                fail(f"broken repository: summary.md does not list {name} as failed")
        run = check_sarif_header(out_dir, "broken repository")
        if run:
            inv = run.get("invocations", [{}])[0]
            notes = json.dumps(inv.get("toolExecutionNotifications", []))
            if inv.get("executionSuccessful") is not False or BROKEN_REPO not in notes or "ghost-repo" not in notes:
                fail(f"broken repository: SARIF invocation does not report it: {json.dumps(inv)[:500]}")
        findings = load_json(os.path.join(out_dir, "findings.json"))["findings"]
        in_broken = [f for f in findings if f"/repos/{BROKEN_REPO}/" in f["path"]]
        if [f["rule"] for f in in_broken] != ["CFG002"] or not in_broken[0]["path"].endswith("pipelint.yaml"):
            fail(f"broken repository: expected only its CFG002, got {[(f['path'], f['rule']) for f in in_broken]}")
        if not any(f["rule"] == "DEP003" and "/repos/de-metering-pipelines/" in f["path"] for f in findings):
            fail("broken repository: the other repositories were not audited (no DEP003 in de-metering-pipelines)")
        validate_sarif(args, os.path.join(out_dir, "findings.sarif"), "broken repository")


def check_exit_codes(pipelint):
    with tempfile.TemporaryDirectory() as tmp:
        audit(pipelint, repos(), os.path.join(tmp, "a"), "--quiet", "--fail-on", "error", expect=(1,))
        audit(pipelint, repos(), os.path.join(tmp, "b"), "--quiet", "--fail-on", "error", "--exit-zero", expect=(0,))
        audit(pipelint, repos(), os.path.join(tmp, "c"), "--select", "NOPE999", expect=(2,))
        p = audit(pipelint, repos(), os.path.join(tmp, "d"), "--quiet", config=os.path.join(tmp, "missing.yaml"), expect=(2,))
        if len(p.stderr.decode(errors="replace").strip().splitlines()) != 1:
            fail(f"missing platform config: expected a one-line error, got {p.stderr!r}")
        p = audit(pipelint, repos(), os.path.join(tmp, "e"), "--quiet", "--timings")
        if b"pipelint: timings (ms): discovery=" not in p.stderr or b"graph=" not in p.stderr:
            fail(f"--timings printed no phase times: {p.stderr[-500:]!r}")


def check_progress_bar(pipelint):
    with tempfile.TemporaryDirectory() as tmp:
        p = audit(pipelint, repos(), os.path.join(tmp, "plain"))
        if b"\r" in p.stderr or b"]  " in p.stderr:
            fail(f"progress drawn although stderr is not a terminal: {p.stderr[:200]!r}")
        master, slave = pty.openpty()
        cmd = [pipelint, "audit", *repos(), "--config", PLATFORM, "--out-dir", os.path.join(tmp, "tty")]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave)
        os.close(slave)
        drawn = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
        proc.wait(timeout=600)
        os.close(master)
        if b"\r[" not in drawn or b" files" not in drawn or b"repositories" not in drawn:
            fail(f"no progress bar on a terminal: {drawn[:300]!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipelint", required=True)
    ap.add_argument("--multitool")
    ap.add_argument("--schema")
    args = ap.parse_args()
    args.pipelint = os.path.abspath(args.pipelint)
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as out1:
        audit(args.pipelint, repos(), out1, "--jobs", "1", "--quiet")
        check_outputs(out1, "audit")
        check_sarif_header(out1, "audit")
        validate_sarif(args, os.path.join(out1, "findings.sarif"), "audit")
        check_planted(out1)
        check_summary(out1)
        check_determinism(args.pipelint, out1)
        check_parity(args.pipelint, out1)
    check_broken_repository(args)
    check_exit_codes(args.pipelint)
    check_progress_bar(args.pipelint)
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("ok: audit outputs, planted incidents, determinism, index parity, failed repositories, exit codes, progress")


if __name__ == "__main__":
    main()

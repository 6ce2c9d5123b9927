#!/usr/bin/env python3
"""Run pipelint on every fixture and check the expectations written in the fixtures.

Each folder directly under fixtures/ is a fixture root. Expectations live in the
fixture files themselves, like clang-tidy's CHECK-MESSAGES:

  # expect: NS001             exactly these findings on this line (several: "NS001, NS005").
  -- expect: NS002            the same in SQL (.sql files, %sql notebook cells, and SQL
                              inside Python strings: put it on the same line of the string).
  # expect-line 7: CFG002     this finding on line 7 of this file (for lines that cannot
                              hold a comment). Anywhere in the file.
  # access: write prod_de.silver_billing.invoices overwrite
                              an access on this line: op, table, mode ("-" = null mode).
                              Several on one line are separated by ";". Quote a table name
                              that contains spaces: access: read "a.b.my table" -
                              A file with at least one access annotation must match its
                              lineage EXACTLY (nothing missing, nothing extra).
  expected.txt                beside the fixture root's files: "relative/path:LINE RULE[, RULE]"
                              for files that cannot hold comments ("#" starts a comment).

Text after the rule list is allowed as an explanation ("# expect: NS001 typo in schema").
Lines without an expect annotation must produce no finding at all.

For every fixture root the runner checks, each as one test:
  findings     check ROOT --format json --exit-zero: multiset of (path, line, rule)
  lineage      lineage ROOT --format jsonl: access annotations
  sarif        check ROOT --format sarif -o tmp.sarif, validated with tests/validate_sarif.sh
               (or the SARIF multitool directly when that script does not exist)
  determinism  check (json) and lineage (jsonl) with --jobs 1 and --jobs 2 are byte-identical

Usage (from the repository root):
  python3 tests/e2e/run_fixtures.py --pipelint BIN --multitool MT --schema SCHEMA [--only NAME]
  python3 tests/e2e/run_fixtures.py --self-test
  python3 tests/e2e/run_fixtures.py --dump FIXTURE_ROOT     (print the parsed expectations)
The last line is "N passed, M failed"; the exit status is non-zero when anything failed.
Standard library only.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

RULE_ID = r"[A-Z]{2,}[0-9]{3}"
# A marker starts with "#" or "--" and names the annotation kind.
MARKER = re.compile(r"(?:#|--)[ \t]*(expect-line[ \t]+(\d+)|expect|access)[ \t]*:")
RULE_LIST = re.compile(r"\s*(" + RULE_ID + r"(?:\s*,\s*" + RULE_ID + r")*)(.*)$")
ANNOTATED_SUFFIXES = (".py", ".sql", ".yaml", ".yml", ".txt", ".ipynb", ".cfg", ".toml")
OPS = ("read", "write")
MODES = ("-", "append", "overwrite", "merge", "create", "replace", "update", "delete",
         "truncate", "drop", "errorifexists")


class AnnotationError(Exception):
    pass


def posix(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def display_path(path: str) -> str:
    """Paths as pipelint shows them: relative to the working directory."""
    if os.path.isabs(path):
        path = os.path.relpath(path, os.getcwd())
    return posix(path)


def parse_access(text: str, where: str) -> list[tuple[str, str, str]]:
    """'read a.b.c -; write "x.y.my t" overwrite' -> [(op, table, mode), ...]"""
    out = []
    for chunk in text.split(";"):
        if not chunk.strip():
            continue
        try:
            words = shlex.split(chunk)
        except ValueError as e:
            raise AnnotationError(f"{where}: bad access annotation {chunk.strip()!r}: {e}")
        if len(words) != 3 or words[0] not in OPS or words[2] not in MODES:
            raise AnnotationError(
                f"{where}: access annotation must be 'OP TABLE MODE' (op read|write, mode one of "
                f"{', '.join(MODES)}), got {chunk.strip()!r}")
        out.append((words[0], words[1], words[2]))
    return out


def parse_rules(text: str, where: str) -> list[str]:
    m = RULE_LIST.match(text)
    if not m:
        raise AnnotationError(f"{where}: expected rule ids after 'expect:', got {text.strip()!r}")
    rest = m.group(2)
    if re.match(r"\s*" + RULE_ID + r"\b", rest):
        raise AnnotationError(f"{where}: separate rule ids with commas: {text.strip()!r}")
    return [r.strip() for r in m.group(1).split(",")]


def parse_file_annotations(rel_path: str, text: str):
    """Return (findings, accesses) of one file.

    findings: list of (path, line, rule); accesses: list of (line, op, table, mode)."""
    findings, accesses = [], []
    for lineno, line in enumerate(text.splitlines(), start=1):
        markers = list(MARKER.finditer(line))
        for i, m in enumerate(markers):
            end = markers[i + 1].start() if i + 1 < len(markers) else len(line)
            body = line[m.end():end]
            where = f"{rel_path}:{lineno}"
            kind = m.group(1)
            if kind == "access":
                accesses.extend((lineno, op, table, mode) for op, table, mode in parse_access(body, where))
            elif kind == "expect":
                findings.extend((rel_path, lineno, rule) for rule in parse_rules(body, where))
            else:
                target = int(m.group(2))
                if target < 1:
                    raise AnnotationError(f"{where}: expect-line needs a line number >= 1")
                findings.extend((rel_path, target, rule) for rule in parse_rules(body, where))
    return findings, accesses


def parse_expected_txt(root: str, text: str):
    findings = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(\S+):(\d+)\s+(.+)$", line)
        if not m:
            raise AnnotationError(f"{root}/expected.txt:{lineno}: expected 'path:LINE RULE', got {raw!r}")
        path = posix(os.path.join(root, m.group(1)))
        findings.extend((path, int(m.group(2)), r)
                        for r in parse_rules(m.group(3), f"{root}/expected.txt:{lineno}"))
    return findings


def collect_expectations(root: str):
    """Walk a fixture root. Returns (Counter of (path, line, rule), {path: Counter of accesses})."""
    findings = collections.Counter()
    accesses = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = display_path(os.path.join(dirpath, name))
            if name == "expected.txt" and posix(dirpath) == posix(root):
                with open(path, encoding="utf-8", errors="replace") as f:
                    findings.update(parse_expected_txt(display_path(root), f.read()))
                continue
            if not name.endswith(ANNOTATED_SUFFIXES):
                continue
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            file_findings, file_accesses = parse_file_annotations(path, text)
            findings.update(file_findings)
            if file_accesses:
                accesses[path] = collections.Counter(file_accesses)
    return findings, accesses


# --- running pipelint ---------------------------------------------------------------


TIMEOUT_S = 300


def run(cmd: list[str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(cmd, -1, b"", f"timed out after {TIMEOUT_S} s (hang?)".encode())
    except OSError as e:
        return subprocess.CompletedProcess(cmd, -1, b"", str(e).encode())


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, name: str, problems: list[str]):
        if problems:
            self.failed += 1
            print(f"FAIL {name}")
            for p in problems:
                print(f"  {p}")
        else:
            self.passed += 1
            print(f"ok   {name}")


def pipelint_output(args, cmd: list[str], problems: list[str]) -> bytes | None:
    proc = run([args.pipelint] + cmd)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        problems.append(f"`pipelint {' '.join(cmd)}` exited {proc.returncode}: "
                        f"{err[-1] if err else '(no stderr)'}")
        return None
    return proc.stdout


def compare_findings(expected: collections.Counter, report: dict) -> list[str]:
    actual = collections.Counter()
    details = collections.defaultdict(list)
    for f in report.get("findings", []):
        if f.get("suppressed"):
            continue
        key = (display_path(f["path"]), int(f["line"]), f["rule"])
        actual[key] += 1
        details[key].append(f"{key[0]}:{key[1]}:{f.get('col', '?')}: {f.get('severity', '?')}"
                            f"[{key[2]}] {f.get('message', '')}")
    problems = []
    for key in sorted((expected - actual).elements()):
        problems.append(f"missing    {key[0]}:{key[1]} {key[2]}")
    for key in sorted(set((actual - expected).keys())):
        extra = (actual - expected)[key]
        for text in details[key][:extra]:
            problems.append(f"unexpected {text}")
    return problems


def access_records(jsonl: bytes, problems: list[str]):
    records = []
    for n, line in enumerate(jsonl.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"lineage line {n} is not JSON: {e}")
            continue
        if rec.get("type", "access") == "access":
            records.append(rec)
    return records


def compare_accesses(expected: dict, records: list[dict]) -> list[str]:
    by_file = collections.defaultdict(collections.Counter)
    for r in records:
        mode = r.get("mode") or "-"
        by_file[display_path(r["path"])][(int(r["line"]), r["op"], r["table"], mode)] += 1
    problems = []
    for path in sorted(expected):
        want, got = expected[path], by_file.get(path, collections.Counter())
        for line, op, table, mode in sorted((want - got).elements()):
            problems.append(f"missing    {path}:{line} access: {op} {table} {mode}")
        for line, op, table, mode in sorted((got - want).elements()):
            problems.append(f"unexpected {path}:{line} access: {op} {table} {mode}")
    return problems


def validate_sarif(args, sarif_path: str, problems: list[str]):
    script = os.path.join("tests", "validate_sarif.sh")
    if os.path.exists(script):
        cmd = ["bash", script]
        if args.multitool:
            cmd += ["--multitool", os.path.abspath(args.multitool)]
        if args.schema:
            cmd += ["--schema", os.path.abspath(args.schema)]
        proc = run(cmd + [sarif_path])
        if proc.returncode != 0:
            problems.append(f"{script} failed:\n" + (proc.stdout + proc.stderr).decode("utf-8", "replace"))
        return
    if not args.multitool:
        problems.append("no tests/validate_sarif.sh and no --multitool given")
        return
    log = sarif_path + ".validation.sarif"
    if os.path.exists(log):
        os.remove(log)
    # The file goes first: the multitool's list-valued options swallow what follows them.
    cmd = [args.multitool, "validate", sarif_path, "--output", log]
    if args.schema:
        cmd += ["--json-schema", args.schema]
    cmd += ["--rule-kind", "Sarif;Gh"]
    proc = run(cmd)
    if proc.returncode != 0 or not os.path.exists(log):
        problems.append("multitool validate failed:\n" + (proc.stdout + proc.stderr).decode("utf-8", "replace"))
        return
    try:
        with open(log, encoding="utf-8-sig") as f:
            results = json.load(f)["runs"][0].get("results", [])
    except (OSError, ValueError, KeyError, IndexError) as e:
        problems.append(f"multitool log unreadable: {e}")
        return
    # The multitool exits 0 whatever it finds: its own log says whether the file is valid.
    for r in results:
        if r.get("level") == "error":
            msg = r.get("message", {})
            problems.append(f"SARIF {r.get('ruleId')}: {msg.get('text') or msg.get('arguments')}")


def first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()
    for i, (x, y) in enumerate(zip(la, lb), start=1):
        if x != y:
            return f"line {i}:\n    --jobs 1: {x[:200]}\n    --jobs 2: {y[:200]}"
    return f"lengths differ: {len(la)} vs {len(lb)} lines"


def check_fixture(args, root: str, results: Results):
    name = os.path.basename(root)
    try:
        expected, accesses = collect_expectations(root)
    except AnnotationError as e:
        results.record(f"{name}: annotations", [str(e)])
        return
    config = ["--config", args.config] if args.config else []

    problems: list[str] = []
    outputs = {}
    for jobs in ("1", "2"):
        outputs[("check", jobs)] = pipelint_output(
            args, ["check", root, "--format", "json", "--exit-zero", "--jobs", jobs] + config, problems)
        outputs[("lineage", jobs)] = pipelint_output(
            args, ["lineage", root, "--format", "jsonl", "--jobs", jobs] + config, problems)

    findings_problems = []
    check_out = outputs[("check", "1")]
    if check_out is None:
        findings_problems = list(problems)
    else:
        try:
            findings_problems = compare_findings(expected, json.loads(check_out))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            findings_problems = [f"check --format json output unusable: {e}"]
    results.record(f"{name}: findings ({sum(expected.values())} expected)", findings_problems)

    lineage_out = outputs[("lineage", "1")]
    if lineage_out is None:
        lineage_problems = list(problems) or ["lineage failed"]
    else:
        lineage_problems = []
        records = access_records(lineage_out, lineage_problems)
        try:
            lineage_problems += compare_accesses(accesses, records)
        except (KeyError, TypeError, ValueError) as e:
            lineage_problems.append(f"lineage record without path/line/op/table: {e}")
    results.record(f"{name}: lineage ({len(accesses)} files pinned)", lineage_problems)

    det_problems = []
    for what in ("check", "lineage"):
        one, two = outputs[(what, "1")], outputs[(what, "2")]
        if one is None or two is None:
            det_problems.append(f"{what} did not run")
        elif one != two:
            det_problems.append(f"{what}: --jobs 1 and --jobs 2 differ at {first_difference(one, two)}")
    results.record(f"{name}: determinism", det_problems)

    if args.no_sarif:
        return
    sarif_problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pipelint-e2e-") as tmp:
        sarif = os.path.join(tmp, "tmp.sarif")
        if pipelint_output(args, ["check", root, "--format", "sarif", "-o", sarif, "--exit-zero"] + config,
                           sarif_problems) is not None:
            if not os.path.exists(sarif):
                sarif_problems.append("check --format sarif -o FILE wrote no file")
            else:
                validate_sarif(args, sarif, sarif_problems)
    results.record(f"{name}: sarif", sarif_problems)


# --- self-test of the expectation parser and the comparisons ------------------------


# Stands in for pipelint in the self-test; FAKE_PIPELINT_MODE picks its behaviour.
FAKE_PIPELINT = r'''#!/usr/bin/env python3
import json, os, sys
mode, path = os.environ["FAKE_PIPELINT_MODE"], os.environ["FAKE_PIPELINT_PATH"]
if mode == "crash":
    sys.stderr.write("boom\\n"); sys.exit(2)
jobs = sys.argv[sys.argv.index("--jobs") + 1] if "--jobs" in sys.argv else "1"
findings = [{"rule": "NS002", "severity": "warning", "path": path, "line": 1, "col": 13, "message": "unqualified"}]
accesses = [{"path": path, "line": 1, "col": 13, "op": "read", "table": "readings", "kind": "table",
             "mode": None, "api": "spark.table", "resolved": "full"}]
if mode == "extra":
    findings.append({"rule": "NS001", "severity": "error", "path": path, "line": 2, "col": 1, "message": "bad"})
    accesses.append(dict(accesses[0], op="write", table="x.y.z", mode="append"))
if sys.argv[1] == "check":
    report = {"version": 1, "findings": findings}
    if mode == "nondeterministic":
        report["jobs"] = jobs
    print(json.dumps(report))
else:
    for a in accesses:
        print(json.dumps(a))
'''


def self_test() -> int:
    results = Results()

    def case(name, fn):
        try:
            fn()
            results.record(f"self-test: {name}", [])
        except (AssertionError, AnnotationError) as e:
            results.record(f"self-test: {name}", [f"{type(e).__name__}: {e}"])

    py = "\n".join([
        'spark.table("silver_billing.readings")  # expect: NS002',
        'df.write.saveAsTable("prod_de.silverbilling.x")  # expect: NS001, NS005 typo',
        'spark.sql("""',
        '  SELECT * FROM readings  -- expect: NS002',
        '""")',
        '# expect-line 2: SYN001',
        'spark.table("a.b.c")  # access: read a.b.c -; write "a.b.my t" overwrite',
        'x = 1  # just a comment mentioning expect NS001',
        'spark.table("x.y.z")  # access: read x.y.z -  # expect: NS001',
    ])

    def parses_every_form():
        f, a = parse_file_annotations("r/job.py", py)
        assert collections.Counter(f) == collections.Counter([
            ("r/job.py", 1, "NS002"), ("r/job.py", 2, "NS001"), ("r/job.py", 2, "NS005"),
            ("r/job.py", 4, "NS002"), ("r/job.py", 2, "SYN001"), ("r/job.py", 9, "NS001")]), f
        assert a == [(7, "read", "a.b.c", "-"), (7, "write", "a.b.my t", "overwrite"),
                     (9, "read", "x.y.z", "-")], a

    def rejects(text):
        try:
            parse_file_annotations("r/x.py", text)
        except AnnotationError:
            return
        raise AssertionError(f"accepted malformed annotation {text!r}")

    def rejects_malformed():
        rejects("x  # expect: NS001 NS002")
        rejects("x  # expect: ns001")
        rejects("x  # access: read a.b.c")
        rejects("x  # access: fetch a.b.c -")
        rejects("x  # access: write a.b.c sideways")
        rejects("x  # expect-line 0: CFG002")

    def reads_expected_txt():
        got = parse_expected_txt("fixtures/demo", "# comment\nconf/a.yaml:3 CFG002, CFG001\n\n")
        assert got == [("fixtures/demo/conf/a.yaml", 3, "CFG002"), ("fixtures/demo/conf/a.yaml", 3, "CFG001")], got

    def compares_findings():
        want = collections.Counter([("a.py", 1, "NS002"), ("a.py", 2, "NS001")])
        report = {"findings": [
            {"rule": "NS002", "path": "a.py", "line": 1, "col": 3, "severity": "warning", "message": "m"},
            {"rule": "NS004", "path": "a.py", "line": 5, "col": 1, "severity": "note", "message": "blind"},
            {"rule": "NS001", "path": "a.py", "line": 2, "col": 1, "message": "s", "suppressed": True},
        ]}
        problems = compare_findings(want, report)
        assert problems == ["missing    a.py:2 NS001", "unexpected a.py:5:1: note[NS004] blind"], problems
        assert compare_findings(collections.Counter([("a.py", 1, "NS002")]), {"findings": report["findings"][:1]}) == []

    def compares_accesses():
        want = {"a.py": collections.Counter([(3, "write", "p.s.t", "merge"), (2, "read", "p.s.t", "-")])}
        lines = b'{"path":"a.py","line":2,"op":"read","table":"p.s.t","mode":null}\n' \
                b'{"type":"dag","path":"a.py","line":1,"dag_id":"d"}\n' \
                b'{"type":"access","path":"a.py","line":3,"op":"write","table":"p.s.t","mode":"merge"}\n' \
                b'{"path":"b.py","line":9,"op":"read","table":"q.r.s","mode":null}\n'
        problems = []
        assert compare_accesses(want, access_records(lines, problems)) == [] and problems == []
        extra = lines + b'{"path":"a.py","line":4,"op":"write","table":"p.s.u","mode":"append"}\n'
        got = compare_accesses(want, access_records(extra, problems))
        assert got == ["unexpected a.py:4 access: write p.s.u append"], got

    def fixtures_parse():
        base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures")
        for entry in sorted(os.listdir(base)) if os.path.isdir(base) else []:
            if os.path.isdir(os.path.join(base, entry)):
                collect_expectations(os.path.join(base, entry))

    def runs_a_fake_pipelint():
        with tempfile.TemporaryDirectory(prefix="run-fixtures-self-test-") as tmp:
            root = os.path.join(tmp, "demo")
            os.makedirs(root)
            with open(os.path.join(root, "job.py"), "w") as f:
                f.write('spark.table("readings")  # expect: NS002  # access: read readings -\n')
            fake = os.path.join(tmp, "fake_pipelint.py")
            with open(fake, "w") as f:
                f.write(FAKE_PIPELINT)
            os.chmod(fake, 0o755)
            job = display_path(os.path.join(root, "job.py"))
            outcomes = {}
            for mode in ("good", "extra", "nondeterministic", "crash"):
                os.environ["FAKE_PIPELINT_MODE"] = mode
                os.environ["FAKE_PIPELINT_PATH"] = job
                sub = Results()
                ns = argparse.Namespace(pipelint=fake, config=None, no_sarif=True, multitool=None, schema=None)
                import contextlib
                import io
                with contextlib.redirect_stdout(io.StringIO()) as out:
                    check_fixture(ns, posix(root), sub)
                outcomes[mode] = (sub.passed, sub.failed, out.getvalue())
            os.environ.pop("FAKE_PIPELINT_MODE")
            assert outcomes["good"][:2] == (3, 0), outcomes["good"]
            assert outcomes["extra"][:2] == (1, 2), outcomes["extra"]
            assert "unexpected " + job + ":2:1: error[NS001]" in outcomes["extra"][2], outcomes["extra"][2]
            assert "unexpected " + job + ":1 access: write x.y.z append" in outcomes["extra"][2], outcomes["extra"][2]
            assert outcomes["nondeterministic"][:2] == (2, 1), outcomes["nondeterministic"]
            assert outcomes["crash"][:2] == (0, 3), outcomes["crash"]
            assert "exited 2: boom" in outcomes["crash"][2], outcomes["crash"][2]

    case("parses every annotation form", parses_every_form)
    case("rejects malformed annotations", rejects_malformed)
    case("reads expected.txt", reads_expected_txt)
    case("compares findings as multisets", compares_findings)
    case("compares pinned accesses exactly", compares_accesses)
    case("every fixture's annotations parse", fixtures_parse)
    case("judges a fake pipelint's output", runs_a_fake_pipelint)
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


def dump(root: str) -> int:
    findings, accesses = collect_expectations(root)
    for (path, line, rule), n in sorted(findings.items()):
        for _ in range(n):
            print(f"{path}:{line} {rule}")
    for path in sorted(accesses):
        for (line, op, table, mode), n in sorted(accesses[path].items()):
            for _ in range(n):
                print(f"{path}:{line} access: {op} {table} {mode}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--pipelint", help="the pipelint binary")
    ap.add_argument("--multitool", help="Sarif.Multitool (used when tests/validate_sarif.sh is absent)")
    ap.add_argument("--schema", help="sarif-2.1.0.json")
    ap.add_argument("--fixtures", default="fixtures", help="folder of fixture roots (default: fixtures)")
    ap.add_argument("--only", action="append", help="run only this fixture root (repeatable)")
    ap.add_argument("--config", help="pass --config to pipelint (normally discovery is used)")
    ap.add_argument("--no-sarif", action="store_true", help="skip the SARIF validation")
    ap.add_argument("--self-test", action="store_true", help="test the expectation parser and exit")
    ap.add_argument("--dump", metavar="ROOT", help="print the expectations parsed from ROOT and exit")
    args = ap.parse_args()

    if args.self_test:
        return self_test()
    if args.dump:
        return dump(args.dump)
    if not args.pipelint:
        ap.error("--pipelint is required")

    results = Results()
    roots = sorted(e for e in os.listdir(args.fixtures) if os.path.isdir(os.path.join(args.fixtures, e)))
    if args.only:
        roots = [r for r in roots if r in args.only]
    if not roots:
        results.record("fixtures", [f"no fixture roots under {args.fixtures}"])
    for entry in roots:
        check_fixture(args, posix(os.path.join(args.fixtures, entry)), results)
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())

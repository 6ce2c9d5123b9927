#!/usr/bin/env python3
"""End-to-end: bad input never crashes pipelint and never stops the analysis (SPEC 6).

Builds a repository of hostile files in a temporary folder, next to one good job,
and checks that every bad file becomes a finding or a one-line note while the good
job's accesses are still reported.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

GOOD = 'df = spark.table("prod_de.silver_metering.readings")\ndf.write.mode("append").saveAsTable("prod_de.gold_metering.daily")\n'


def build_tree(root):
    def write(rel, data):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())

    write("pipelint.yaml", "version: 1\nteam: metering-de\n")
    write("jobs/good.py", GOOD)
    write("jobs/binary.py", b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4)
    write("jobs/latin1.py", b'name = "prod_de.silver_metering.z\xe4hler"\nspark.table(name)\n')
    write("jobs/nul.py", b'spark.table("prod_de.silver_metering.readings")\x00\n')
    write("jobs/empty.py", b"")
    write("jobs/deep.py", "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n" + "y = " + "[" * 5000 + "]" * 5000 + "\n")
    write("jobs/broken.py", 'def f(:\n    spark.table("prod_de.silver_metering.readings")\n')
    write("jobs/huge.py", "# filler\n" * (17 * 1024 * 1024 // 9))
    write("sql/unterminated.sql", "SELECT * FROM prod_de.silver_metering.readings WHERE x = 'open\n")
    write("sql/deep.sql", "SELECT * FROM " + "(" * 5000 + "SELECT 1" + ")" * 5000 + "\n")
    os.symlink(os.path.join(root, "jobs"), os.path.join(root, "jobs", "loop"))
    os.symlink(os.path.join(root, "nowhere.py"), os.path.join(root, "jobs", "dangling.py"))
    # A repository with a broken configuration still gets analysed.
    write("other/pipelint.yaml", "version: 1\nnamespace: [unclosed\n")
    write("other/job.py", GOOD)


def run(binary, args, cwd):
    return subprocess.run([binary] + args, cwd=cwd, capture_output=True, text=True, timeout=120)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipelint", required=True)
    args = ap.parse_args()
    failures = []
    checks = 0

    def expect(cond, what):
        nonlocal checks
        checks += 1
        if not cond:
            failures.append(what)

    with tempfile.TemporaryDirectory() as root:
        build_tree(root)
        res = run(args.pipelint, ["check", ".", "--format", "json", "--exit-zero", "--jobs", "2"], root)
        expect(res.returncode == 0, f"check exited {res.returncode}: {res.stderr.strip()}")
        report = json.loads(res.stdout) if res.stdout.strip().startswith("{") else {"findings": [], "failures": []}
        by_file = {}
        for f in report.get("findings", []):
            by_file.setdefault(f["path"], []).append(f["rule"])
        for bad in ["jobs/binary.py", "jobs/nul.py", "jobs/latin1.py", "jobs/broken.py", "jobs/huge.py",
                    "sql/unterminated.sql"]:
            expect("SYN001" in by_file.get(bad, []), f"{bad}: expected SYN001, got {by_file.get(bad)}")
        expect("other/pipelint.yaml" in by_file and "CFG002" in by_file["other/pipelint.yaml"],
               f"broken config: expected CFG002, got {by_file.get('other/pipelint.yaml')}")
        failed_paths = {f["path"] for f in report.get("failures", [])}
        expect("jobs/dangling.py" in failed_paths or "jobs/dangling.py" in res.stderr,
               f"dangling link not reported: {failed_paths}")
        expect(any("loop" in f["path"] for f in report.get("failures", [])) or "loop" in res.stderr,
               "symlink loop not reported")
        for ok in ["jobs/empty.py", "jobs/deep.py", "sql/deep.sql"]:
            expect(ok not in by_file, f"{ok}: expected no finding, got {by_file.get(ok)}")

        lin = run(args.pipelint, ["lineage", ".", "--format", "jsonl", "--jobs", "2", "-q"], root)
        expect(lin.returncode == 0, f"lineage exited {lin.returncode}: {lin.stderr.strip()}")
        records = [json.loads(line) for line in lin.stdout.splitlines() if line.strip()]
        tables = {(r["path"], r["op"], r["table"]) for r in records if r.get("type", "access") == "access"}
        for path in ["jobs/good.py", "other/job.py"]:
            expect((path, "write", "prod_de.gold_metering.daily") in tables, f"{path}: good job's write missing")
        expect(("jobs/broken.py", "read", "prod_de.silver_metering.readings") in tables,
               "broken.py: access after the syntax error not recovered")

        # An editor buffer is analysed as the named file, not the file on disk.
        buf = subprocess.run([args.pipelint, "check", "--stdin-filename", "jobs/good.py", "--format", "json",
                              "--exit-zero"], cwd=root, capture_output=True, text=True, timeout=60,
                             input='spark.table("silver_metering.readings")\n')
        buffered = json.loads(buf.stdout) if buf.stdout.strip().startswith("{") else {"findings": []}
        got = [(f["path"], f["line"], f["rule"]) for f in buffered["findings"]]
        expect(got == [("jobs/good.py", 1, "NS002")], f"--stdin-filename: expected NS002 on the buffer, got {got}")

        missing = run(args.pipelint, ["check", "does-not-exist", "--config", "nope.yaml"], root)
        expect(missing.returncode == 2 and missing.stderr.count("\n") == 1,
               f"missing --config: expected exit 2 and one line, got {missing.returncode}: {missing.stderr!r}")
        usage = run(args.pipelint, ["check", "--format", "xml"], root)
        expect(usage.returncode == 2, f"bad --format: expected exit 2, got {usage.returncode}")

    for f in failures:
        print("FAIL:", f)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The rule registry is the single source of the rule documentation: docs/rules.md and
the README's rule table must be exactly what the binary generates from it."""
import argparse
import subprocess
import sys


def section(text, start, end):
    a = text.index(start) + len(start)
    return text[a:text.index(end, a)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipelint", required=True)
    args = ap.parse_args()
    failed = 0
    docs = subprocess.run([args.pipelint, "rules", "--format", "docs"], capture_output=True, text=True, check=True).stdout
    with open("docs/rules.md") as f:
        if f.read() != docs:
            print("FAIL: docs/rules.md is stale: run `build/pipelint rules --format docs > docs/rules.md`")
            failed += 1
    table = subprocess.run([args.pipelint, "rules", "--format", "markdown"], capture_output=True, text=True, check=True).stdout
    with open("README.md") as f:
        readme = f.read()
    if section(readme, "<!-- rules:start -->\n", "<!-- rules:end -->").strip() != table.strip():
        print("FAIL: README rule table is stale: replace it with `build/pipelint rules --format markdown`")
        failed += 1
    print(f"{2 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

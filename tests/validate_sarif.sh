#!/usr/bin/env bash
# Validates SARIF files the way code scanning will judge them:
#   1. against the official SARIF 2.1.0 JSON schema (python3-jsonschema), and
#   2. with `Sarif.Multitool validate --rule-kind "Sarif;Gh"` (SARIF and GitHub rules).
# Any schema error, or any multitool result of level error or warning, fails.
# The multitool exits 0 even when it reports errors, so its result log is parsed.
#
# Usage: tests/validate_sarif.sh [--multitool PATH] [--schema PATH] FILE.sarif...
# Defaults: $SARIF_MULTITOOL / $SARIF_SCHEMA, else <repo>/build/_deps/sarif-multitool/.
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
multitool=${SARIF_MULTITOOL:-$repo/build/_deps/sarif-multitool/Sarif.Multitool}
schema=${SARIF_SCHEMA:-$repo/build/_deps/sarif-multitool/sarif-2.1.0.json}
python=/usr/bin/python3   # Debian's python3 has python3-jsonschema

files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --multitool) multitool=$2; shift 2 ;;
    --schema) schema=$2; shift 2 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then echo "usage: $0 [--multitool PATH] [--schema PATH] FILE.sarif..." >&2; exit 2; fi
[ -x "$multitool" ] || { echo "validate_sarif: multitool not found: $multitool" >&2; exit 2; }
[ -f "$schema" ] || { echo "validate_sarif: schema not found: $schema" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

for file in "${files[@]}"; do
  if [ ! -f "$file" ]; then echo "$file: no such file" >&2; status=1; continue; fi

  if ! "$python" - "$schema" "$file" <<'PY'
import json, sys
import jsonschema
schema_path, sarif_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
try:
    with open(sarif_path, encoding="utf-8") as f:
        log = json.load(f)
except (ValueError, UnicodeDecodeError) as e:
    print(f"{sarif_path}: not JSON: {e}")
    sys.exit(1)
cls = jsonschema.validators.validator_for(schema)
errors = sorted(cls(schema, format_checker=jsonschema.FormatChecker()).iter_errors(log),
                key=lambda e: list(e.absolute_path))
for e in errors[:50]:
    where = "/".join(str(p) for p in e.absolute_path) or "(root)"
    print(f"{sarif_path}: schema: {where}: {e.message[:300]}")
sys.exit(1 if errors else 0)
PY
  then status=1; fi

  log="$work/multitool.sarif"
  abs=$(realpath "$file")
  rm -f "$log"
  # The file must come before the list-valued options or the parser swallows it.
  if ! (cd "$work" && "$multitool" validate "$abs" --rule-kind "Sarif;Gh" \
          --output "$log" --log ForceOverwrite --max-file-size-in-kb 1048576 >"$work/console.txt" 2>&1); then
    echo "$file: multitool failed:" >&2; cat "$work/console.txt" >&2; status=1; continue
  fi
  if ! "$python" - "$log" "$file" <<'PY'
import json, sys
log_path, sarif_path = sys.argv[1], sys.argv[2]
try:
    with open(log_path, encoding="utf-8-sig") as f:
        log = json.load(f)
except (OSError, ValueError) as e:
    print(f"{sarif_path}: multitool wrote no readable log: {e}")
    sys.exit(1)
bad = 0
for run in log.get("runs", []):
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    default_level = {}
    for i, r in enumerate(rules):
        lvl = r.get("defaultConfiguration", {}).get("level", "warning")
        default_level[r.get("id")] = lvl
        default_level[i] = lvl
    for res in run.get("results", []):
        level = res.get("level") or default_level.get(res.get("ruleIndex"), default_level.get(res.get("ruleId"), "warning"))
        if res.get("kind", "fail") != "fail" or level not in ("error", "warning"):
            continue
        bad += 1
        msg = res.get("message", {})
        text = msg.get("text") or f"{msg.get('id', '')} {msg.get('arguments', [])}"
        print(f"{sarif_path}: {level} {res.get('ruleId')}: {text}")
    for inv in run.get("invocations", []):
        notes = inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", [])
        for n in notes:
            if n.get("level", "warning") in ("error", "warning"):
                bad += 1
                print(f"{sarif_path}: multitool {n.get('level', 'warning')}: {n.get('message', {}).get('text', '')}")
        if inv.get("executionSuccessful") is False:
            bad += 1
            print(f"{sarif_path}: multitool run did not succeed")
sys.exit(1 if bad else 0)
PY
  then
    status=1
  fi
done
exit $status

#!/usr/bin/env bash
# Builds pipelint and runs every test (unit, end-to-end, SARIF validation).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/ci/build.sh" "$here/build"
cd "$here/build"
ctest --output-on-failure -j"$(nproc)"

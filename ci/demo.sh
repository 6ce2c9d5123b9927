#!/usr/bin/env bash
# Builds pipelint and runs it on the GridUnion demo platform.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/ci/build.sh" "$here/build"
cd "$here"
./build/pipelint check fixtures/gridunion --exit-zero

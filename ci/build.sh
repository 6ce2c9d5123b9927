#!/usr/bin/env bash
# Sets up the machine (idempotent) and builds pipelint and its tests into BUILD_DIR.
# Usage: ci/build.sh [BUILD_DIR]   (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
"$here/ci/setup.sh" "$build"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)"

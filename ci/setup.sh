#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine, run as root.
# Installs the Debian packages the build and tests need, and fetches the pinned,
# sha256-checked npm tarballs (tree-sitter runtime and grammar, SARIF multitool)
# into the build folder's _deps/ (never into the repository).
# Usage: ci/setup.sh [BUILD_DIR]   (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$here/$build" ;; esac
deps="$build/_deps"

debs=(build-essential cmake pkg-config git nodejs npm python3 python3-jsonschema
      libyaml-cpp-dev nlohmann-json3-dev libre2-dev catch2 libcli11-dev libfmt-dev
      libxxhash-dev libtbb-dev libicu72
      chromium-headless-shell)  # tests/e2e/catalog_html.py opens the catalog page
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Debian's nodejs may be replaced by a newer one that ships npm itself.
if [ ${#missing[@]} -gt 0 ] && command -v npm >/dev/null 2>&1; then
  filtered=(); for p in "${missing[@]}"; do case "$p" in nodejs|npm) ;; *) filtered+=("$p");; esac; done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# name@version  sha256-of-tarball  folder-under-_deps
npm_pins=(
  "tree-sitter@0.25.0 016448ee8e2c23aed7e1155c118cd66cd026e6436f7394b3f3606d30bf9aaa4a tree-sitter"
  "tree-sitter-python@0.25.0 63b76b3fa8181fd79eaad4abcdb21e2babcb504dbfc7710a89934fa456d26096 tree-sitter-python"
  "@microsoft/sarif-multitool-linux@5.7.0 27d8e3e96dde578a23b7c45035b8d741fece5731e2700aa068015b8c44d1514e sarif-multitool"
)
mkdir -p "$deps/tarballs"
for pin in "${npm_pins[@]}"; do
  read -r spec sum dir <<<"$pin"
  stamp="$deps/$dir/.pin"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$spec $sum" ]; then continue; fi
  tarball=""
  for t in "$deps/tarballs/"*.tgz; do
    [ -f "$t" ] && [ "$(sha256sum "$t" | cut -d' ' -f1)" = "$sum" ] && { tarball=$t; break; }
  done
  if [ -z "$tarball" ]; then
    echo "setup: fetching $spec"
    name=$(cd "$deps/tarballs" && npm pack --silent "$spec" | tail -n1)
    tarball="$deps/tarballs/$name"
  fi
  got=$(sha256sum "$tarball" | cut -d' ' -f1)
  if [ "$got" != "$sum" ]; then
    echo "setup: sha256 mismatch for $spec: expected $sum, got $got" >&2
    rm -f "$tarball"; exit 1
  fi
  rm -rf "$deps/$dir"; mkdir -p "$deps/$dir"
  tar xzf "$tarball" -C "$deps/$dir" --strip-components=1
  echo "$spec $sum" > "$stamp"
done
chmod +x "$deps/sarif-multitool/Sarif.Multitool"
echo "setup: ready ($deps)"

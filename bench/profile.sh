#!/usr/bin/env bash
# The size table by crate of each browser app (or those named), from the last `make build`:
# wasm-bindgen's output before wasm-opt, which still has the function names.
# Usage: bench/profile.sh [APP...]
set -euo pipefail
cd "$(dirname "$0")/.."
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(home ticket customer account service projects staff devices video)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for app in "${apps[@]}"; do
  wasm-bindgen --target web --out-dir "$out" "target/wasm32-unknown-unknown/release/$app-app.wasm"
  echo "== $app"
  python3 bench/wasm_sizes.py "$out/$app-app_bg.wasm" 15
done

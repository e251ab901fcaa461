#!/usr/bin/env bash
# Installs what the build and tests need, skipping anything already present at the right version.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian Chromium and CJK fonts)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WORKER_BUILD_VERSION=0.8.7
# wasm-bindgen-cli must match the wasm-bindgen crate pinned in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

say() { printf '[setup] %s\n' "$*"; }

has_version() { # command, expected version substring
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"
}

if ! rustup target list --installed | grep -q wasm32-unknown-unknown; then
  say "adding wasm32 target"; rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
command -v cargo-nextest >/dev/null || cargo install --locked cargo-nextest

has_version trunk "$TRUNK_VERSION" || { say "installing trunk $TRUNK_VERSION"; cargo install --locked "trunk@$TRUNK_VERSION"; }
# No --locked: a dependency locked by wasm-bindgen-cli is missing from the registry.
has_version wasm-bindgen "$WASM_BINDGEN_VERSION" || { say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"; cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"; }
has_version worker-build "$WORKER_BUILD_VERSION" || { say "installing worker-build $WORKER_BUILD_VERSION"; cargo install --locked "worker-build@$WORKER_BUILD_VERSION"; }

if [ ! -x node_modules/.bin/wrangler ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"; npm ci --no-audit --no-fund
fi

# The API contract's fuzzing and validation (tests/fuzz.sh): Schemathesis and an OpenAPI
# validator from PyPI, pinned in tests/requirements.txt, in a virtual environment of our own.
if ! cmp -s tests/requirements.txt .venv/requirements.txt 2>/dev/null; then
  say "installing Python test tools"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r tests/requirements.txt
  cp tests/requirements.txt .venv/requirements.txt
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then
    say "installing Debian chromium and CJK fonts"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
fi
say "ready"

#!/usr/bin/env bash
# Runs every benchmark (or the one named by $1) against GRIDHALL_URL, then writes the summary.
# Each benchmark writes bench/results/<name>.json with its figures, targets and "pass".
set -uo pipefail
cd "$(dirname "$0")"
status=0
# Rust benchmarks: one binary each in src/bin/.
for source in src/bin/*.rs; do
  name=$(basename "$source" .rs)
  [ -n "${1:-}" ] && [ "$1" != "$name" ] && continue
  echo "== bench $name"
  cargo run -q --release -p bench --bin "$name" || status=1
done
# Node benchmarks against the running server.
for script in *.bench.mjs; do
  name=${script%.bench.mjs}
  [ -n "${1:-}" ] && [ "$1" != "$name" ] && continue
  echo "== bench $name"
  # Each benchmark starts on a quiet server, not on the previous one's closing sockets and
  # the events it left to copy to D1.
  sleep 3
  node --experimental-websocket "$script" || status=1
done
# The scale benchmark needs a second server on a generated city: bench/scale.sh.
if [ -z "${1:-}" ] || [ "$1" = scale ]; then
  echo "== bench scale"
  ./scale.sh || status=1
fi
node summary.mjs
exit $status

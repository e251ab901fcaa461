#!/usr/bin/env bash
# `make bench B=scale`: the ten most frequent reads on the demo city (GRIDHALL_URL, the server
# `make bench` started) and on a generated city of SCALE_N accounts (default 100,000, a tenth of
# the plan's city), made once by scripts/scale-data.sh and kept in .wrangler/scale-state.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${SCALE_N:-100000}
state=.wrangler/scale-state
# (A city made before the billing databases, migration 0036, is made again: its bills are in
# the city's database, which 0036 empties.)
grep -q "\"accounts\": $n, .*\"billing_databases\"" "$state/scale.json" 2>/dev/null ||
  scripts/scale-data.sh "$n" 1 "$state"
# A city made before the latest migrations gets them (applied ones are skipped).
for name in gridhall $(grep -o 'gridhall-billing-[0-9]*' wrangler.toml); do
  CI=true wrangler d1 migrations apply "$name" --local --persist-to "$state" >/dev/null
done
# Both cities up together: the reads alternate between them (bench/scale.mjs).
DEMO_URL=$GRIDHALL_URL KEEP_STATE=1 scripts/with-server.sh "$state" 8792 node bench/scale.mjs

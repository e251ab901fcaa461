#!/usr/bin/env bash
# Generates a city of N accounts (demo/src/scale.rs, docs/SCALE.md) on top of the demo data in
# a local state folder of its own, and reports how long the load took.
# Usage: scripts/scale-data.sh N [SEED] [STATE_DIR]   (make scale-data N=100000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: scripts/scale-data.sh N [SEED] [STATE_DIR]}
seed=${2:-1}
state=${3:-.wrangler/scale-state}
start=$(date +%s)
rm -rf "$state"
scripts/db.sh "$state"
cargo build -q --release -p demo
mkdir -p "$state/scale"
target/release/demo scale "$n" "$seed" "$state/scale" | python3 scripts/load_sql.py "$state"
sql_done=$(date +%s)
wrangler r2 bulk put gridhall-files --local --persist-to "$state" --filename "$state/scale/usage.json" \
  --content-type application/octet-stream --concurrency 50 2>&1 | grep -v "experimental" | tail -n 1
objects=$(grep -o '"key"' "$state/scale/usage.json" | wc -l)
rm -rf "$state/scale"
end=$(date +%s)
billing=$(grep -c 'gridhall-billing-[0-9]*"' wrangler.toml)
printf '{"accounts": %s, "seed": %s, "billing_databases": %s, "usage_objects": %s, "sql_seconds": %s, "load_seconds": %s}\n' \
  "$n" "$seed" "$billing" "$objects" "$((sql_done - start))" "$((end - start))" > "$state/scale.json"
echo "[scale] $n accounts in $state: $(cat "$state/scale.json")"

#!/usr/bin/env bash
# Applies D1 migrations and loads the demo data (D1 rows, R2 usage objects) into the local
# state folder given as $1.
set -euo pipefail
cd "$(dirname "$0")/.."
state=${1:?usage: scripts/db.sh STATE_DIR}
mkdir -p "$state"
CI=true wrangler d1 migrations apply gridhall --local --persist-to "$state" >/dev/null
cargo run -q -p demo > "$state/demo.sql"
wrangler d1 execute gridhall --local --persist-to "$state" --file "$state/demo.sql" >/dev/null
# Daily usage lives in R2, one object per account and year (docs/SCALE.md).
rm -rf "$state/objects"
cargo run -q -p demo -- usage "$state/objects"
wrangler r2 bulk put gridhall-files --local --persist-to "$state" --filename "$state/objects/usage.json" \
  --content-type application/octet-stream >/dev/null
echo "[db] migrated and loaded demo data into $state"

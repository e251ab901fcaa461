#!/usr/bin/env bash
# Applies D1 migrations and loads the demo data (D1 rows, R2 usage objects) into the local
# state folder given as $1.
set -euo pipefail
cd "$(dirname "$0")/.."
state=${1:?usage: scripts/db.sh STATE_DIR}
mkdir -p "$state"
# The billing databases' names, from wrangler.toml (gridhall-billing-1, …).
billing_databases() { grep -o 'gridhall-billing-[0-9]*' wrangler.toml; }
# The local runtime has once failed an ordinary migration with an internal "false == true" on a
# fresh state (CI, 2026-12-04). The migrations are ours and fine: start the local database
# again from nothing, once.
if ! CI=true wrangler d1 migrations apply gridhall --local --persist-to "$state" >/dev/null; then
  echo "[db] the local runtime failed to migrate; starting the local database again" >&2
  rm -rf "$state/v3/d1"
  CI=true wrangler d1 migrations apply gridhall --local --persist-to "$state" >/dev/null
fi
cargo run -q -p demo > "$state/demo.sql"
wrangler d1 execute gridhall --local --persist-to "$state" --file "$state/demo.sql" >/dev/null
# Bills, ledger and payments live in the billing databases (domain::billing::regions), each
# with the schema in migrations-billing/ and its accounts' demo rows.
for name in $(billing_databases); do
  n=${name##*-}
  CI=true wrangler d1 migrations apply "$name" --local --persist-to "$state" >/dev/null
  cargo run -q -p demo -- billing "$n" > "$state/$name.sql"
  wrangler d1 execute "$name" --local --persist-to "$state" --file "$state/$name.sql" >/dev/null
done
# Daily usage lives in R2, one object per account and year (docs/SCALE.md).
rm -rf "$state/objects"
cargo run -q -p demo -- usage "$state/objects"
wrangler r2 bulk put gridhall-files --local --persist-to "$state" --filename "$state/objects/usage.json" \
  --content-type application/octet-stream >/dev/null
echo "[db] migrated and loaded demo data into $state"

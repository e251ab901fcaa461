#!/usr/bin/env bash
# The tests that need a running server: API integration tests, Playwright end to end, the
# restart test (it restarts the server), and last the contract fuzzed (it changes the demo data
# at random).
# Each runs even when one before it fails, so one report shows everything.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
cargo nextest run -p api-tests --no-fail-fast --test-threads 4 || status=1
# Every statement the API tests made the Worker run, against the migrated schema: no full scan
# of a table that grows with the city unless allowed with its reason.
python3 tests/query_plans.py "$STATE_DIR/wrangler.log" || status=1
# `wrangler dev` exits without a message now and then and is restarted (scripts/with-server.sh);
# a test that met it mid-restart fails on a 503. Only then are the failed tests run once more:
# a failure with no restart stands.
restarts() { grep -c "restarting" "$STATE_DIR/wrangler.log" || true; }
before=$(restarts)
if ! npx playwright test --config e2e/playwright.config.mjs; then
  if [ "$(restarts)" -gt "$before" ]; then
    echo "[tests] wrangler dev restarted during the browser tests; running the failed ones once more"
    npx playwright test --config e2e/playwright.config.mjs --last-failed || status=1
  else
    status=1
  fi
fi
tests/restart.sh || status=1
# The contract, fuzzed: last, as it changes the demo data at random.
tests/fuzz.sh || status=1
exit $status

#!/usr/bin/env bash
# The tests that need a running server: API integration tests, Playwright end to end, the
# restart test (it restarts the server), and last the contract fuzzed (it changes the demo data
# at random).
# Each runs even when one before it fails, so one report shows everything. Each step's output
# is also kept in $STATE_DIR/<step>.out, and the end of a failed step's output is gathered in
# $STATE_DIR/summary.txt, which scripts/with-server.sh prints last: CI shows only the end of
# the log, and that end should say what failed.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
summary="$STATE_DIR/summary.txt"
: > "$summary"
# step NAME COMMAND...: runs COMMAND, keeps its output, and notes it in the summary if it fails.
step() {
  local name=$1; shift
  "$@" 2>&1 | tee "$STATE_DIR/$name.out"
  local rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ]; then
    { echo "=== $name failed (exit $rc); the end of its output:"
      grep -v '^\s*$' "$STATE_DIR/$name.out" | tail -n 30 | cut -c1-240; } >> "$summary"
  fi
  return "$rc"
}
step api cargo nextest run -p api-tests --no-fail-fast --test-threads 4 || status=1
# Every statement the API tests made the Worker run, against the migrated schema: no full scan
# of a table that grows with the city unless allowed with its reason.
step query-plans python3 tests/query_plans.py "$STATE_DIR/wrangler.log" || status=1
# `wrangler dev` exits without a message now and then and is restarted (scripts/with-server.sh);
# a test that met it mid-restart fails on a 503. Only then are the failed tests run once more:
# a failure with no restart stands.
restarts() { grep -c "restarting" "$STATE_DIR/wrangler.log" || true; }
before=$(restarts)
if ! step e2e npx playwright test --config e2e/playwright.config.mjs; then
  if [ "$(restarts)" -gt "$before" ]; then
    echo "[tests] wrangler dev restarted during the browser tests; running the failed ones once more"
    step e2e-again npx playwright test --config e2e/playwright.config.mjs --last-failed || status=1
  else
    status=1
  fi
fi
step restart tests/restart.sh || status=1
# The contract, fuzzed: last, as it changes the demo data at random.
step fuzz tests/fuzz.sh || status=1
[ -s "$summary" ] || echo "[tests] every step passed" > "$summary"
exit $status

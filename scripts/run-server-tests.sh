#!/usr/bin/env bash
# The tests that need a running server: API integration tests, Playwright end to end, and last
# the restart test (it restarts the server).
# Both run even when the first fails, so one report shows everything.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
cargo nextest run -p api-tests --no-fail-fast --test-threads 4 || status=1
npx playwright test --config e2e/playwright.config.mjs || status=1
tests/restart.sh || status=1
exit $status

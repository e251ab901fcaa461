#!/usr/bin/env bash
# The tests that need a running server: API integration tests, then Playwright end to end.
# Both run even when the first fails, so one report shows everything.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
cargo nextest run -p api-tests --no-fail-fast --test-threads 4 || status=1
npx playwright test --config e2e/playwright.config.mjs || status=1
exit $status

#!/usr/bin/env bash
# A restart of `wrangler dev` mid-day loses no ticket and no event: check in, kill the server
# (scripts/with-server.sh restarts it on the same state), then read the queue and D1.
# Run after the other tests but the fuzzing: it restarts the server under their feet.
set -euo pipefail
cd "$(dirname "$0")/.."
now='x-test-now: 2600-01-06T02:00:00Z'   # a Monday, 10:00 in the hall
# The numbers are taken at the hall's kiosk, which its manager pairs first.
# Writes say they come from the site's own pages, as a browser's do (or they are refused).
ours="Origin: $GRIDHALL_URL"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
curl -sf -H "$ours" -c "$jar" -X POST "$GRIDHALL_URL/api/auth/login" -d '{"login":"manager.gaoxin","password":"Gridhall2026"}' >/dev/null
kiosk=$(curl -sf -H "$ours" -b "$jar" -X POST "$GRIDHALL_URL/api/halls/gaoxin/displays" -d '{"name":"restart kiosk"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
for _ in 1 2 3; do
  curl -sf -H "$ours" -H "$now" -H "x-device-token: $kiosk" -X POST "$GRIDHALL_URL/api/halls/gaoxin/tickets" -d '{"business":"payment","channel":"kiosk"}' >/dev/null
done
sleep 2   # the outbox copies events to D1 within about a second
port=${GRIDHALL_URL##*:}
kill "$(pgrep -f "cli.js dev --ip 127.0.0.1 --port $port")"
for _ in $(seq 1 60); do sleep 0.5; curl -sf "$GRIDHALL_URL/api/health" >/dev/null && break; done
waiting=$(curl -sf -H "$now" "$GRIDHALL_URL/api/halls/gaoxin/queue" | python3 -c 'import sys, json; print(len(json.load(sys.stdin)["waiting"]))')
events=$(wrangler d1 execute gridhall --local --persist-to "${STATE_DIR:?}" --json \
  --command "SELECT COUNT(*) AS n FROM ticket_events WHERE hall_id = 'gaoxin' AND day = '2600-01-06'" | python3 -c 'import sys, json; print(json.load(sys.stdin)[0]["results"][0]["n"])')
if [ "$waiting" = 3 ] && [ "$events" = 3 ]; then
  echo "restart: 1 passed, 0 failed"
else
  echo "restart: after a restart $waiting of 3 tickets wait and $events of 3 events are in D1"
  echo "restart: 0 passed, 1 failed"
  exit 1
fi

#!/usr/bin/env bash
# Starts `wrangler dev` on fresh local state, waits until /api/health answers, runs the given
# command with GRIDHALL_URL set, then stops the server. Exits with the command's status.
# `wrangler dev` has been seen to exit without a message now and then; a supervisor restarts
# it on the same state (nothing is lost: D1 and the Durable Objects persist), and the number of
# restarts is reported at the end so it is never silent.
# Usage: scripts/with-server.sh STATE_DIR PORT COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
state=$1 port=$2; shift 2
# The SMS and e-mail gateways' stand-in (scripts/sms-sink.mjs) listens on the next port; the courier
# posts there, and a failed send is retried after 200 ms, then 400, 800, ... (not 30 s). The
# sink is also the tests' push service; the VAPID key pair below is for tests only (production
# keys are secrets, see README "Notifications").
test_vapid_public=BMXFBbu2g5-fyzE6dal-XS-6eH5POlaqF6jBSkYXKvBwibOPNfm6utni95pyPCiOJHfuLaVXUgZ_5d79o-s_9XM
test_vapid_private=gIpHhjAB0QI7QB6IXvvEX5a3cXOMO7rp04FKA83eL0w
sink_port=$((port + 1))
# KEEP_STATE=1 serves a state made beforehand (scripts/scale-data.sh) instead of a fresh demo.
if [ "${KEEP_STATE:-0}" != 1 ]; then
  rm -rf "$state"
  scripts/db.sh "$state"
fi
log="$state/wrangler.log"
# wrangler dev attaches a DevTools inspector proxy that posts every inspector event to its
# node process, which costs about half of this 2-core machine under load. There is no flag
# to turn it off; wrangler skips it inside VS Code's debug terminal, which this variable marks.
export VSCODE_INSPECTOR_OPTIONS=1
setsid bash -c '
  while true; do
    wrangler dev --ip 127.0.0.1 --port "$1" --persist-to "$2" --show-interactive-dev-session=false --var TEST_CLOCK:1 --var QUERY_LOG:1 --var PAYMENT_NOTIFY_SECRET:test-gateway-secret --var SMS_WEBHOOK_URL:http://127.0.0.1:"$3"/sms --var EMAIL_WEBHOOK_URL:http://127.0.0.1:"$3"/email --var SITE_URL:http://127.0.0.1:"$1" --var NOTIFY_RETRY_BASE_MS:200 --var VAPID_PUBLIC_KEY:"$4" --var VAPID_PRIVATE_KEY:"$5" --var VAPID_SUBJECT:mailto:ops@gridhall.test --log-level warn
    echo "[server] wrangler dev exited with status $?; restarting"
    sleep 1
  done' supervisor "$port" "$state" "$sink_port" "$test_vapid_public" "$test_vapid_private" > "$log" 2>&1 &
supervisor=$!
setsid node scripts/sms-sink.mjs "$sink_port" > "$state/sms-sink.log" 2>&1 &
sink=$!
stop() { kill -- -"$supervisor" 2>/dev/null; kill -- -"$sink" 2>/dev/null; wait "$supervisor" 2>/dev/null || true; }
trap stop EXIT
trap 'exit 130' INT TERM
export GRIDHALL_URL="http://127.0.0.1:$port" STATE_DIR="$state" SMS_SINK_URL="http://127.0.0.1:$sink_port"
for _ in $(seq 1 120); do
  curl -sf "$GRIDHALL_URL/api/health" >/dev/null && break
  sleep 0.5
done
curl -sf "$GRIDHALL_URL/api/health" >/dev/null || { echo "server did not become healthy:"; cat "$log"; exit 1; }
echo "[server] $GRIDHALL_URL is up"
set +e
"$@"
status=$?
restarts=$(grep -c "restarting" "$log" || true)
# tests/restart.sh restarts the server on purpose, once.
[ "$restarts" -le "${EXPECTED_RESTARTS:-0}" ] || echo "[server] WARNING: wrangler dev exited and was restarted $restarts time(s) during this run; see $log"
[ $status -eq 0 ] || { echo "--- wrangler log (last 40 lines) ---"; tail -n 40 "$log" | cut -c1-300; }
# What the command said failed, last, where a CI log's tail shows it (scripts/run-server-tests.sh).
[ $status -eq 0 ] || [ ! -s "$state/summary.txt" ] || { echo "--- summary ---"; cat "$state/summary.txt"; }
exit $status

#!/usr/bin/env bash
# Starts `wrangler dev` on fresh local state, waits until /api/health answers, runs the given
# command with GRIDHALL_URL set, then stops the server. Exits with the command's status.
# Usage: scripts/with-server.sh STATE_DIR PORT COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
state=$1 port=$2; shift 2
rm -rf "$state"
scripts/db.sh "$state"
log="$state/wrangler.log"
wrangler dev --ip 127.0.0.1 --port "$port" --persist-to "$state" --show-interactive-dev-session=false --var TEST_CLOCK:1 \
  --log-level warn > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
export GRIDHALL_URL="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -sf "$GRIDHALL_URL/api/health" >/dev/null && break
  kill -0 $server 2>/dev/null || { echo "wrangler dev exited:"; cat "$log"; exit 1; }
  sleep 0.5
done
curl -sf "$GRIDHALL_URL/api/health" >/dev/null || { echo "server did not become healthy:"; cat "$log"; exit 1; }
echo "[server] $GRIDHALL_URL is up"
set +e
"$@"
status=$?
[ $status -eq 0 ] || { echo "--- wrangler log (last 40 lines) ---"; tail -n 40 "$log"; }
exit $status

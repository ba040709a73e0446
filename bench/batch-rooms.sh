#!/usr/bin/env bash
# Batch room creation speed (issue 3 target: well under a second per hundred rooms).
# Starts a VTO on a fresh data directory, then times POST /api/v1/rooms/batch for several sizes
# (each after clearing the rooms), end to end through HTTP Digest, on SQLite.
#   bench/batch-rooms.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OFFSET=31100
BASE="http://127.0.0.1:$((8080 + OFFSET))"
WORK=$(mktemp -d /tmp/openvto-bench.XXXXXX)
AUTH=(--digest -u 'admin:Bench#Mark42' -s -H 'Content-Type: application/json')
trap 'pkill -f "openvto.jar run --data-dir $WORK" 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$ROOT/openvto" init --data-dir "$WORK/data" --password 'Bench#Mark42' >/dev/null 2>&1
"$ROOT/openvto" run --data-dir "$WORK/data" --port-offset "$OFFSET" >"$WORK/log" 2>&1 &
until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.1; done

for spec in "10 10" "40 50" "99 40" "99 99"; do
  set -- $spec
  curl "${AUTH[@]}" -X DELETE "$BASE/api/v1/rooms?confirm=true" >/dev/null
  start=$(date +%s%N)
  out=$(curl "${AUTH[@]}" -X POST "$BASE/api/v1/rooms/batch" \
    -d "{\"layers\":$1,\"roomsPerLayer\":$2,\"firstFloorNo\":100101,\"secondFloorNo\":100201}")
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rooms=$(( $1 * $2 ))
  echo "batch $1 x $2 = $rooms rooms: ${ms} ms total, $(( ms * 100 / rooms )) ms per 100 rooms ($out)"
done

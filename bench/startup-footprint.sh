#!/usr/bin/env bash
# Footprint benchmark: time from `openvto run` to a ready /healthz, and resident memory at idle.
# Targets (issue 2): ready in under 3 s, idle RSS under 200 MB.
#   bench/startup-footprint.sh [RUNS]    (default 5 runs; each on a fresh data directory)
# Prints one line per run and a summary; results go into docs/PERFORMANCE.md by hand.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
OFFSET=31000
PORT=$((8080 + OFFSET))
WORK=$(mktemp -d /tmp/openvto-bench.XXXXXX)
trap 'pkill -f "openvto.jar run --data-dir $WORK" 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$ROOT/openvto" --version >/dev/null   # builds the jar if needed, outside the measurement

ready_ms=(); rss_idle=(); rss_used=()
for i in $(seq 1 "$RUNS"); do
  data="$WORK/run-$i"
  start=$(date +%s%N)
  "$ROOT/openvto" run --data-dir "$data" --port-offset "$OFFSET" >"$WORK/log-$i" 2>&1 &
  launcher=$!
  until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
    kill -0 "$launcher" 2>/dev/null || { cat "$WORK/log-$i"; exit 1; }
    sleep 0.02
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  pid=$(pgrep -f "openvto.jar run --data-dir $data")
  sleep 10
  idle=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  # Initialize, log in over the API a few times (Argon2id + Digest), then idle again.
  curl -fs -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/init" -d '{"password":"Bench#Mark42"}' >/dev/null
  for _ in 1 2 3 4 5; do curl -fs --digest -u admin:Bench#Mark42 "http://127.0.0.1:$PORT/api/v1/device" >/dev/null; done
  sleep 10
  used=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$launcher" 2>/dev/null || true
  echo "run $i: ready ${ready} ms, idle RSS ${idle} MiB, RSS after init+logins ${used} MiB"
  ready_ms+=("$ready"); rss_idle+=("$idle"); rss_used+=("$used")
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
max() { printf '%s\n' "$@" | sort -n | tail -n 1; }
echo "---"
echo "ready:            median $(median "${ready_ms[@]}") ms, max $(max "${ready_ms[@]}") ms (target < 3000 ms)"
echo "idle RSS:         median $(median "${rss_idle[@]}") MiB, max $(max "${rss_idle[@]}") MiB (target < 200 MiB)"
echo "RSS after logins: median $(median "${rss_used[@]}") MiB, max $(max "${rss_used[@]}") MiB"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)}' /proc/meminfo) GiB, $("${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -version 2>&1 | head -n 1)"

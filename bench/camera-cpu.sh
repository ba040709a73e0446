#!/usr/bin/env bash
# The VTO on embedded defaults (test camera, main 640x360 @ 10 fps, sub 320x180): process CPU and RSS with nobody
# watching (encode on demand: the camera must cost ~0), then with one viewer of the main stream (ffmpeg over TCP),
# then one viewer of each stream; the encoder's own share from /api/v1/video/status. Usage: bench/camera-cpu.sh [SECONDS]
# (build first: mvn install -DskipTests -DskipITs)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
SECONDS_PER=${1:-20}
DATA=$(mktemp -d /tmp/camera-cpu.XXXXXX); PW=Bench-Door42x; OFFSET=24000
HTTP="http://127.0.0.1:$((8080 + OFFSET))"; RTSP="rtsp://admin:$PW@127.0.0.1:$((8554 + OFFSET))"
VIEWERS=()
trap 'kill ${VIEWERS[@]+"${VIEWERS[@]}"} $VTO 2>/dev/null || true; rm -rf "$DATA"' EXIT
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
"$JAVA" -jar "$ROOT/app/target/openvto.jar" init --data-dir "$DATA" --password "$PW" >/dev/null
"$JAVA" -XX:+UseSerialGC -Xmx128m -jar "$ROOT/app/target/openvto.jar" run --data-dir "$DATA" --port-offset $OFFSET \
  >"$DATA/vto.log" 2>&1 & VTO=$!
for _ in $(seq 100); do curl -sf "$HTTP/healthz" >/dev/null && break; sleep 0.2; done
HZ=$(getconf CLK_TCK)
measure() { # label
  sleep 5 # settle
  local t0 t1; t0=$(ticks $VTO); sleep "$SECONDS_PER"; t1=$(ticks $VTO)
  local enc; enc=$(curl -s --digest -u "admin:$PW" "$HTTP/api/v1/video/status" \
    | /usr/bin/python3 -c 'import json,sys; print(" ".join("%s=%s%%@%sfps" % (s["stream"], s["cpuPercent"], s["measuredFps"]) for s in json.load(sys.stdin)["streams"]))')
  printf '| %s | %.1f | %s | %s |\n' "$1" "$(echo "($t1 - $t0) * 100 / $HZ / $SECONDS_PER" | bc -l)" "$(rss_mb $VTO)" "$enc"
}
view() { ffmpeg -v error -rtsp_transport tcp -i "$RTSP$1" -f null - </dev/null & VIEWERS+=($!); }
echo "| viewers | VTO CPU % of one core | RSS MB | encoder (status API) |"
echo "|---|---|---|---|"
measure "0 (idle, camera configured)"
view "/cam/realmonitor?channel=1&subtype=0"; measure "1 main"
view "/cam/realmonitor?channel=1&subtype=1"; measure "1 main + 1 sub"

#!/usr/bin/env bash
# PLAY → first decodable (IDR) picture at the client, against the VTO on embedded defaults (test camera, main and sub
# stream), 30 connections each. The GOP cache makes the first picture the cached key frame; the first connection also
# pays for starting the camera (encode on demand). Usage: bench/rtsp-first-frame.sh   (build first: mvn install)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
DATA=$(mktemp -d /tmp/rtsp-ff.XXXXXX); PW=Bench-Door42x; OFFSET=23000
trap 'kill $VTO 2>/dev/null || true; rm -rf "$DATA"' EXIT
"$JAVA" -jar "$ROOT/app/target/openvto.jar" init --data-dir "$DATA" --password "$PW" >/dev/null
"$JAVA" -XX:+UseSerialGC -Xmx128m -jar "$ROOT/app/target/openvto.jar" run --data-dir "$DATA" --port-offset $OFFSET \
  >"$DATA/vto.log" 2>&1 & VTO=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$((8080 + OFFSET))/healthz" >/dev/null && break; sleep 0.2; done
for path in "/cam/realmonitor?channel=1&subtype=0" "/cam/realmonitor?channel=1&subtype=1"; do
  echo -n "$path: "
  /usr/bin/python3 "$ROOT/bench/rtsp-first-frame.py" "rtsp://admin:$PW@127.0.0.1:$((8554 + OFFSET))$path" 30
done

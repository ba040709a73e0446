#!/usr/bin/env bash
# CPU and resident memory of an RTSP server sending one pre-encoded H.264 stream (640x360, 10 fps, 600 kbit/s)
# to 1, 6 and 60 viewers over interleaved TCP and UDP, after a warm-up, in steady state: OpenVTO's RtspServer, GStreamer's gst-rtsp-server and VLC, side by
# side in one run. Viewers are ffmpeg processes copying the stream to /dev/null (no decoding).
# Needs: ffmpeg, gir1.2-gst-rtsp-server-1.0, python3-gi (Debian's /usr/bin/python3), gstreamer1.0-plugins-{good,bad}, vlc-bin, vlc-plugin-base.
# Usage: [MVN_ARGS=...] [SERVERS="openvto gst vlc"] [COUNTS="1 6 60"] [SETTLE=15] [WARMUP=30] bench/rtsp-viewers.sh [seconds-per-sample]   (results: docs/PERFORMANCE.md)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SAMPLE=${1:-15}
SERVERS=${SERVERS:-"openvto gst vlc"}   # which servers to measure
COUNTS=${COUNTS:-"1 6 60"}
SETTLE=${SETTLE:-15}   # seconds between starting the viewers and sampling: 60 ffmpeg processes need ~10 s on 2 vCPU
WARMUP=${WARMUP:-30}   # seconds of 6 viewers per server before the table (the JVM compiles its hot paths)
WORK=$(mktemp -d /tmp/rtsp-bench.XXXXXX)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; pkill -f "$WORK" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# -am builds testkit too; each module writes the classpath file in turn and media, built last, wins
mvn -q -B ${MVN_ARGS:-} -pl media -am test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
ffmpeg -v error -f lavfi -i testsrc=size=640x360:rate=10 -t 600 -c:v libx264 -profile:v baseline -pix_fmt yuv420p \
  -g 20 -b:v 600k -x264-params slices=1 "$WORK/pattern.mkv"
ffmpeg -v error -i "$WORK/pattern.mkv" -c copy -f h264 "$WORK/pattern.h264"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
HZ=$(getconf CLK_TCK)

# warm NAME URL: WARMUP seconds of 6 viewers, not measured
warm() {
  local viewers=()
  for ((i = 0; i < 6; i++)); do
    ffmpeg -v error -rtsp_transport tcp -i "$2" -c copy -f null - </dev/null >/dev/null 2>&1 &
    viewers+=($!)
  done
  sleep "$WARMUP"
  kill "${viewers[@]}" 2>/dev/null || true; wait "${viewers[@]}" 2>/dev/null || true
}

# measure NAME PID URL N: N viewers for SAMPLE seconds after a 5 s settle; prints CPU % of one core and RSS
measure() {
  local name=$1 pid=$2 url=$3 n=$4 transport=${5:-tcp} viewers=()
  for ((i = 0; i < n; i++)); do
    ffmpeg -v error -rtsp_transport "$transport" -i "$url" -c copy -f null - </dev/null >/dev/null 2>&1 &
    viewers+=($!)
  done
  sleep "$SETTLE"
  local alive=0
  for v in "${viewers[@]}"; do kill -0 "$v" 2>/dev/null && alive=$((alive + 1)); done
  local t0; t0=$(ticks "$pid"); sleep "$SAMPLE"; local t1; t1=$(ticks "$pid")
  local cpu; cpu=$(awk -v d=$((t1 - t0)) -v hz="$HZ" -v s="$SAMPLE" 'BEGIN {printf "%.1f", 100 * d / hz / s}')
  printf '| %s | %s | %d | %d | %s | %s | %s |\n' "$name" "$transport" "$n" "$alive" "$cpu" \
    "$(awk -v c="$cpu" -v n="$n" 'BEGIN {printf "%.2f", c / n}')" "$(rss_mb "$pid")"
  kill "${viewers[@]}" 2>/dev/null || true; wait "${viewers[@]}" 2>/dev/null || true
  sleep 2
}

"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx128m -cp "media/target/test-classes:media/target/classes:$(cat "$WORK/cp.txt")" \
  org.openvto.media.rtsp.RtspServeFile "$WORK/pattern.h264" 640 360 10 18554 100 >"$WORK/openvto.log" 2>&1 &
pids+=($!); OPENVTO=$!
# gst-rtsp-server's shared media deadlocks once many viewers left at once (threads stuck in
# gst_rtsp_stream_set_blocked / gst_rtsp_media_seek_trickmode; later viewers get no packets and it shows 0 % CPU), so
# each GStreamer row gets a fresh server
gst_start() {
  /usr/bin/python3 bench/rtsp-gst-server.py "$WORK/pattern.mkv" 18555 >>"$WORK/gst.log" 2>&1 &
  GST=$!; pids+=($GST)
  for _ in $(seq 50); do grep -q ready "$WORK/gst.log" 2>/dev/null && break; sleep 0.1; done
}
gst_stop() { kill "$GST" 2>/dev/null; wait "$GST" 2>/dev/null || true; : >"$WORK/gst.log"; }
# VLC refuses to run as root; its RTSP output serves RTP over UDP only (461 for interleaved TCP)
chmod 755 "$WORK"; chmod 644 "$WORK/pattern.mkv"
AS=(); [[ $(id -u) -eq 0 ]] && AS=(runuser -u nobody -- env HOME="$WORK")
"${AS[@]}" cvlc -q "$WORK/pattern.mkv" --loop --sout "#rtp{sdp=rtsp://127.0.0.1:18556/live/main}" --sout-keep >"$WORK/vlc.log" 2>&1 &
pids+=($!)
sleep 5

[[ $SERVERS == *openvto* ]] && warm OpenVTO rtsp://127.0.0.1:18554/live/main
echo "| server | transport | viewers | playing | CPU % of one core | CPU % per viewer | RSS MB |"
echo "|---|---|---|---|---|---|---|"
for n in $COUNTS; do
  if [[ $SERVERS == *openvto* ]]; then
    measure OpenVTO "$OPENVTO" rtsp://127.0.0.1:18554/live/main "$n"
    measure OpenVTO "$OPENVTO" rtsp://127.0.0.1:18554/live/main "$n" udp
  fi
  if [[ $SERVERS == *gst* ]]; then
    gst_start; measure GStreamer "$GST" rtsp://127.0.0.1:18555/live/main "$n"; gst_stop
    gst_start; measure GStreamer "$GST" rtsp://127.0.0.1:18555/live/main "$n" udp; gst_stop
  fi
  if [[ $SERVERS == *vlc* ]]; then
    VLC=$(pgrep -f "bin/vlc -I dummy.*$WORK" | head -1)
    measure VLC "$VLC" rtsp://127.0.0.1:18556/live/main "$n" udp
  fi
done

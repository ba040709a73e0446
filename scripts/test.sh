#!/usr/bin/env bash
# Runs the whole OpenVTO test suite on a fresh Debian machine:
#   1. installs the Debian packages the tests use as real peers when they are missing
#      (chromium for the browser tests, curl for HTTP Digest, postgresql for the PostgreSQL tests,
#      sip-tester (SIPp), baresip and linphone-cli (with pulseaudio as its null sound card) for the SIP server tests,
#      tshark (dumpcap) to capture the TLS calls on loopback, ffmpeg/ffprobe and GStreamer (rtspsrc, h264parse,
#      avdec_h264) as RTSP viewers and external encoders);
#   2. starts a throw-away PostgreSQL server on 127.0.0.1 and points the tests at it;
#   3. runs `mvn verify` (unit tests with Surefire, integration tests against the real server with Failsafe).
# Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=DigestCurlIT
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PACKAGES=(chromium curl postgresql sip-tester baresip linphone-cli pulseaudio tshark
  ffmpeg gstreamer1.0-tools gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  # tshark asks whether non-root users may capture: answer no (the tests capture as root) without a prompt
  echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

# A private PostgreSQL for the tests, on loopback only, removed on exit.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGWORK=$(mktemp -d /tmp/openvto-pg.XXXXXX)
PGPORT=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) -eq 0 ]] && chown postgres "$PGWORK"
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$PGWORK/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGWORK"; }
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$PGWORK/data" -A trust -U postgres >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGWORK/data" -l "$PGWORK/log" -w \
  -o "-p $PGPORT -k $PGWORK -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export OPENVTO_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?user=postgres"
echo "PostgreSQL for tests on 127.0.0.1:$PGPORT"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mvn -B -Dstyle.color=never verify "$@"

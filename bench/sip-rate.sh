#!/usr/bin/env bash
# SIP server throughput: OpenVTO (this VTO as the building's registrar + forking proxy) against Kamailio from
# Debian configured as the same registrar/proxy (bench/sip/kamailio.cfg), side by side in one run.
#
# For each server, SIPp runs REGISTER-with-digest (REGISTER → 401 → REGISTER with credentials → 200; 1,000
# rooms) at increasing rates, then calls (INVITE → 407 → ACK → INVITE with credentials → 180 → 200 → ACK → BYE;
# one caller VTO, 1,000 other rooms (a room the REGISTER load registered would also fork to that load generator) whose device is one answering SIPp UAS) at increasing rates. A step holds when
# every SIPp call of it succeeded (0 failed: no timeout, no unexpected message, no 4xx/5xx), and SIPp could
# send at the rate asked (the step took no longer than its length + 10% + 1.5 s). The search: 10-second steps
# up to the first that does not hold, one step halfway back, then the highest held rate must hold again for
# 35 s (longer than the 32 s a server keeps a finished UDP transaction, so its state reaches steady size);
# otherwise the next lower held rate is confirmed. After a step that did not hold, the script waits 33 s.
# Prints the confirmed rates side by side with the ratio OpenVTO / Kamailio.
# Issue target: OpenVTO's REGISTER rate ≥ 50% of Kamailio's; memory flat across a 5-minute run (--soak).
#
#   bench/sip-rate.sh [--soak] [--soak-seconds N] [--step S] [--confirm S] [--settle S]
#                     [--reg-rates "500 1000 ..."] [--call-rates "100 200 ..."] [--only openvto|kamailio] [--keep]
#     --soak        at the end, REGISTER at 70% of OpenVTO's confirmed rate for 5 minutes and print the VTO's
#                   resident memory (VmRSS of the JVM) before, every 30 s, and after
#     --keep        keep the work directory (SIPp statistics and error files, server logs) for inspection
# Needs: sipp (Debian sip-tester), kamailio (Debian kamailio), curl, a JDK 21+ and Maven (./openvto builds).
# Only 127.0.0.1 is used. A default run takes about 15 minutes (more when a step fails: each failed step waits 33 s); --soak adds 5.
# OpenVTO runs from a copy of app/target/openvto.jar taken at the start (after ./openvto builds it if needed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIPDIR="$ROOT/bench/sip"

REG_RATES="1000 2000 4000 8000 12000 16000 20000 24000 28000"
CALL_RATES="200 400 800 1200 1600 2000 3000"
STEP=10
CONFIRM=35
SETTLE=33
SOAK=0
SOAK_SECONDS=300
ONLY=""
KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --soak) SOAK=1 ;;
    --soak-seconds) SOAK_SECONDS="$2"; shift ;;
    --step) STEP="$2"; shift ;;
    --confirm) CONFIRM="$2"; shift ;;
    --settle) SETTLE="$2"; shift ;;
    --reg-rates) REG_RATES="$2"; shift ;;
    --call-rates) CALL_RATES="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in sipp kamailio curl python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y sip-tester kamailio curl python3)" >&2; exit 1; }
done

HOST=127.0.0.1
OFFSET=31200
VTO_SIP=$((5060 + OFFSET))        # 36260, UDP (and TCP)
VTO_HTTP=$((8080 + OFFSET))       # 39280
KAM_SIP=36360
CLIENT_PORT=36401                 # SIPp REGISTER load generator
CALLER_PORT=36402                 # SIPp caller VTO 8002 (registers, then calls)
UAS_PORT=36403                    # SIPp UAS: the device of every room in the call test
SETUP_PORT=36404                  # SIPp registering the rooms to the UAS
PASSWORD='Bench#Mark42'
AUTH=(--digest -u "admin:$PASSWORD" -s -f)
BASE="http://$HOST:$VTO_HTTP"

WORK=$(mktemp -d /tmp/openvto-sip-bench.XXXXXX)
PIDS=()   # every process this script started (killed on exit)
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [[ $KEEP -eq 1 ]]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[$(date +%H:%M:%S)] $*"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# --- OpenVTO: a fresh VTO that is the SIP server, 2,000 rooms, one VTO (the caller) -----------------------------
start_openvto() {
  "$ROOT/openvto" --version >/dev/null   # builds the jar if sources changed, outside the measurement
  # run a private copy of the launcher and jar: a rebuild of app/target/openvto.jar during the run (someone
  # running mvn install) would otherwise make the running JVM fail with NoClassDefFoundError
  mkdir -p "$WORK/snapshot/app/target"
  cp "$ROOT/openvto" "$WORK/snapshot/openvto"
  cp "$ROOT/app/target/openvto.jar" "$WORK/snapshot/app/target/openvto.jar"
  "$WORK/snapshot/openvto" --version >"$WORK/vto-version.txt"
  "$WORK/snapshot/openvto" init --data-dir "$WORK/vto" --password "$PASSWORD" >"$WORK/vto-init.log" 2>&1
  # every SIPp call comes from 127.0.0.1: the per-address flood ban (sip.flood-requests-per-second) would stop it
  OPENVTO_SIP_FLOOD_REQUESTS_PER_SECOND=0 \
  "$WORK/snapshot/openvto" run --data-dir "$WORK/vto" --port-offset "$OFFSET" >"$WORK/vto.log" 2>&1 &
  VTO_PID=$!   # the launcher execs the JVM: this is the java process
  PIDS+=("$VTO_PID")
  until curl -fs "$BASE/healthz" >/dev/null 2>&1; do
    kill -0 "$VTO_PID" 2>/dev/null || { cat "$WORK/vto.log" >&2; echo "OpenVTO did not start" >&2; exit 1; }
    sleep 0.1
  done
  curl "${AUTH[@]}" -X PUT "$BASE/api/v1/device/properties" -d '{"systemType":"TCP/IP"}' >/dev/null
  curl "${AUTH[@]}" -X PUT "$BASE/api/v1/sip-server" -d '{"enabled":true,"type":"VTO"}' >/dev/null
  curl "${AUTH[@]}" -X POST "$BASE/api/v1/rooms/batch" \
    -d '{"layers":40,"roomsPerLayer":50,"firstFloorNo":1001,"secondFloorNo":1101}' >/dev/null
  curl "${AUTH[@]}" -X POST "$BASE/api/v1/vtos" \
    -d '{"recNo":"8002","ipAddress":"192.168.1.109","registerPassword":"Pw-8002"}' >/dev/null
  curl "${AUTH[@]}" "$BASE/api/v1/rooms?limit=1000&offset=0" >"$WORK/rooms-1.json"
  curl "${AUTH[@]}" "$BASE/api/v1/rooms?limit=1000&offset=1000" >"$WORK/rooms-2.json"
}

# --- input files for SIPp and Kamailio from the VTO's rooms and passwords --------------------------------------
write_inputs() {
  python3 - "$WORK" "$UAS_PORT" <<'EOF'
import json, sys
work, uas = sys.argv[1], sys.argv[2]
rooms = json.load(open(f"{work}/rooms-1.json"))["rooms"] + json.load(open(f"{work}/rooms-2.json"))["rooms"]
users = [(r["roomNo"], r["registerPassword"]) for r in rooms]
assert len(users) == 2000, len(users)
# the REGISTER load uses the first 1,000 rooms, the calls the other 1,000: a room the load registered keeps that
# binding (to the load generator, gone after its run), and a call to it would fork to that dead contact too
loaded, called = users[:1000], users[1000:]
with open(f"{work}/register.csv", "w") as f:          # REGISTER load: every room in turn
    f.write("SEQUENTIAL\n")
    for u, p in loaded:
        f.write(f"{u.replace('#', '%23')};[authentication username={u} password={p}]\n")
with open(f"{work}/rooms-to-uas.csv", "w") as f:      # call set-up: every room's contact is the UAS
    f.write("SEQUENTIAL\n")
    for u, p in called:
        f.write(f"{u.replace('#', '%23')};[authentication username={u} password={p}];{uas}\n")
with open(f"{work}/caller.csv", "w") as f:            # the calling VTO registers itself
    f.write("SEQUENTIAL\n8002;[authentication username=8002 password=Pw-8002]\n")
with open(f"{work}/calls.csv", "w") as f:             # VTO 8002 calls the called rooms in turn
    f.write("SEQUENTIAL\n")
    for u, _ in called:
        f.write(f"8002;[authentication username=8002 password=Pw-8002];{u.split('#')[0]}\n")
with open(f"{work}/kamailio-users.cfg", "w") as f:    # the same accounts for Kamailio's hash table
    f.write("event_route[htable:mod-init] {\n")
    for u, p in users + [("8002", "Pw-8002")]:
        f.write(f'\t$var(k) = "{u}"; $sht(users=>$var(k)) = "{p}";\n')
    f.write("}\n")
EOF
}

start_kamailio() {
  cp "$SIPDIR/kamailio.cfg" "$WORK/kamailio.cfg"
  (cd "$WORK" && exec kamailio -f kamailio.cfg -DD -E -l "udp:$HOST:$KAM_SIP" -m 256 -M 32 -w "$WORK" \
    >"$WORK/kamailio.log" 2>&1) &
  KAM_PID=$!
  PIDS+=("$KAM_PID")
  sleep 1.5
  kill -0 "$KAM_PID" 2>/dev/null || { cat "$WORK/kamailio.log" >&2; echo "Kamailio did not start" >&2; exit 1; }
}

# --- one SIPp run; sets STEP_OK (1/0) and STEP_INFO ------------------------------------------------------------
# sipp_run NAME TARGET_PORT SCENARIO CSV RATE CALLS LOCAL_PORT
sipp_run() {
  local name=$1 port=$2 scen=$3 csv=$4 rate=$5 calls=$6 lport=$7
  local stat="$WORK/$name.stat.csv" err="$WORK/$name.err.log"
  local limit=$(( rate > 2000 ? rate : 2000 ))
  local expect_ms=$(( calls * 1000 / rate ))
  local start end rc=0
  start=$(date +%s%N)
  sipp "$HOST:$port" -sf "$scen" -inf "$csv" -r "$rate" -rp 1000 -m "$calls" -l "$limit" \
    -i "$HOST" -p "$lport" -t u1 -nd -nostdin -buff_size 8388608 \
    -timeout "$(( expect_ms / 1000 * 2 + 60 ))s" -timeout_error -recv_timeout 8000 \
    -trace_stat -stf "$stat" -fd 3600 -trace_err -error_file "$err" >"$WORK/$name.out" 2>&1 &
  local sipp_pid=$!
  PIDS+=("$sipp_pid")
  wait "$sipp_pid" || rc=$?   # (in the background so that a TERM to this script stops the run at once)
  end=$(date +%s%N)
  local wall_ms=$(( (end - start) / 1000000 ))
  # last line of the statistics file: cumulative counters
  read -r ok failed retrans < <(awk -F';' '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { last = $0 }
    END { n = split(last, v, ";"); print v[col["SuccessfulCall(C)"]] + 0, v[col["FailedCall(C)"]] + 0, v[col["Retransmissions(C)"]] + 0 }
  ' "$stat" 2>/dev/null || echo "0 0 0")
  local slack_ms=$(( expect_ms / 10 + 1500 ))
  STEP_OK=0
  if [[ $rc -eq 0 && $ok -eq $calls && $failed -eq 0 && $wall_ms -le $(( expect_ms + slack_ms )) ]]; then
    STEP_OK=1
  fi
  STEP_INFO="rate $rate/s: $ok/$calls ok, $failed failed, $retrans retransmissions, ${wall_ms} ms (sipp exit $rc)"
}

# step_once KIND SERVER PORT RATE SECONDS: one step; sets STEP_OK and STEP_INFO
step_once() {
  local kind=$1 server=$2 port=$3 rate=$4 seconds=$5
  local calls=$(( rate * seconds ))
  if [[ $kind == register ]]; then
    sipp_run "$server-register-$rate-${seconds}s" "$port" "$SIPDIR/register.xml" "$WORK/register.csv" "$rate" "$calls" "$CLIENT_PORT"
  else
    if ! setup_call_targets "$server" "$port"; then
      log "$server $kind ${seconds}s rate $rate/s: $STEP_INFO -> NOT held"
      sleep "$SETTLE"
      return 0
    fi
    sipp_run "$server-call-$rate-${seconds}s" "$port" "$SIPDIR/call-uac.xml" "$WORK/calls.csv" "$rate" "$calls" "$CALLER_PORT"
  fi
  log "$server $kind ${seconds}s $STEP_INFO -> $([[ $STEP_OK -eq 1 ]] && echo held || echo NOT held)"
  # after an overloaded step, let the server drain: transactions it keeps (Timer J/H) are gone after 32 s
  [[ $STEP_OK -eq 1 ]] || sleep "$SETTLE"
}

# search KIND SERVER PORT RATES... ; sets BEST
#   1. STEP-second steps at increasing rates until one does not hold;
#   2. one step halfway between the highest held rate and that one;
#   3. the highest held rate must hold again for CONFIRM seconds (longer than the 32 s a server keeps a finished
#      UDP transaction, so the server's state reaches its steady size); if not, the next lower held rate is tried.
search() {
  local kind=$1 server=$2 port=$3; shift 3
  local rate held=()
  BEST=0
  for rate in "$@"; do
    step_once "$kind" "$server" "$port" "$rate" "$STEP"
    [[ $STEP_OK -eq 1 ]] || break
    held=("$rate" "${held[@]}")
  done
  if [[ $STEP_OK -eq 0 && ${#held[@]} -gt 0 ]]; then
    local mid=$(( (held[0] + rate) / 2 ))
    mid=$(( mid >= 1000 ? mid / 100 * 100 : mid / 10 * 10 ))
    if [[ $mid -gt ${held[0]} && $mid -lt $rate ]]; then
      step_once "$kind" "$server" "$port" "$mid" "$STEP"
      [[ $STEP_OK -eq 1 ]] && held=("$mid" "${held[@]}")
    fi
  fi
  local tries=0
  for rate in "${held[@]}"; do
    (( tries++ < 3 )) || break
    step_once "$kind" "$server" "$port" "$rate" "$CONFIRM"
    if [[ $STEP_OK -eq 1 ]]; then BEST=$rate; break; fi
  done
}

# the rooms' contact is the UAS, the caller is registered (again before each step: nothing expires mid-run)
setup_call_targets() {
  local server=$1 port=$2
  sipp_run "$server-setup-rooms" "$port" "$SIPDIR/register-contact.xml" "$WORK/rooms-to-uas.csv" 2000 1000 "$SETUP_PORT"
  [[ $STEP_OK -eq 1 ]] || { STEP_INFO="set-up (rooms register to the UAS) failed: $STEP_INFO"; return 1; }
  sipp_run "$server-setup-caller" "$port" "$SIPDIR/register.xml" "$WORK/caller.csv" 10 1 "$CALLER_PORT"
  [[ $STEP_OK -eq 1 ]] || { STEP_INFO="set-up (caller registers) failed: $STEP_INFO"; return 1; }
}

start_uas() {
  sipp -sf "$SIPDIR/call-uas.xml" -i "$HOST" -p "$UAS_PORT" -t u1 -nostdin -buff_size 8388608 \
    -trace_err -error_file "$WORK/uas-$1.err.log" >"$WORK/uas-$1.out" 2>&1 &
  UAS_PID=$!
  PIDS+=("$UAS_PID")
  sleep 0.3
}
stop_uas() { kill "$UAS_PID" 2>/dev/null || true; wait "$UAS_PID" 2>/dev/null || true; }

# --- run ----------------------------------------------------------------------------------------------------
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo) GiB; $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -n 1); $(kamailio -v 2>&1 | head -n 1)"
log "starting OpenVTO (SIP udp:$HOST:$VTO_SIP) and setting it up: SIP server, 2,000 rooms (1,000 for the REGISTER load, 1,000 called), VTO 8002"
start_openvto
write_inputs
for _ in $(seq 50); do   # the SIP server restarts when the VTO becomes the SIP server: wait for its registrar
  sipp_run openvto-ready "$VTO_SIP" "$SIPDIR/register.xml" "$WORK/caller.csv" 10 1 "$CALLER_PORT"
  [[ $STEP_OK -eq 1 ]] && break
  sleep 0.2
done
[[ $STEP_OK -eq 1 ]] || { echo "OpenVTO's registrar does not answer: $STEP_INFO" >&2; exit 1; }
log "OpenVTO $(cat "$WORK/vto-version.txt"), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- '*.java' 2>/dev/null || echo ' + local changes')"
log "OpenVTO ready, RSS $(rss_mib "$VTO_PID") MiB"
if [[ -z $ONLY || $ONLY == kamailio ]]; then
  start_kamailio
  log "Kamailio ready (udp:$HOST:$KAM_SIP, 2 UDP workers)"
fi

declare -A REG CALL
read -r -a reg_rates <<<"$REG_RATES"
read -r -a call_rates <<<"$CALL_RATES"
servers=(kamailio openvto)
[[ -n $ONLY ]] && servers=("$ONLY")
for server in "${servers[@]}"; do
  if [[ $server == openvto ]]; then port=$VTO_SIP; else port=$KAM_SIP; fi
  # warm-up (the JVM compiles the hot paths): 5 s at 1000 REGISTER/s, not counted
  sipp_run "$server-warmup" "$port" "$SIPDIR/register.xml" "$WORK/register.csv" 1000 5000 "$CLIENT_PORT"
  log "$server warm-up $STEP_INFO"
  search register "$server" "$port" "${reg_rates[@]}"
  REG[$server]=$BEST
  [[ $server == openvto ]] && log "OpenVTO RSS after the REGISTER search: $(rss_mib "$VTO_PID") MiB"
  start_uas "$server"
  search call "$server" "$port" "${call_rates[@]}"
  CALL[$server]=$BEST
  stop_uas
  [[ $server == openvto ]] && log "OpenVTO RSS after the call search: $(rss_mib "$VTO_PID") MiB"
done

SOAK_LINE=""
if [[ $SOAK -eq 1 && -n ${REG[openvto]:-} && ${REG[openvto]} -gt 0 ]]; then
  rate=$(( REG[openvto] * 7 / 10 ))
  rate=$(( rate >= 1000 ? rate / 100 * 100 : rate / 10 * 10 ))
  [[ $rate -ge 10 ]] || rate=10
  log "soak: REGISTER at $rate/s for $SOAK_SECONDS s against OpenVTO (70% of its highest held rate)"
  rss_before=$(rss_mib "$VTO_PID")
  ( while sleep 30; do echo "[$(date +%H:%M:%S)] soak: OpenVTO RSS $(rss_mib "$VTO_PID") MiB"; done ) &
  SAMPLER=$!
  PIDS+=("$SAMPLER")
  sipp_run "openvto-soak" "$VTO_SIP" "$SIPDIR/register.xml" "$WORK/register.csv" "$rate" $(( rate * SOAK_SECONDS )) "$CLIENT_PORT"
  kill "$SAMPLER" 2>/dev/null || true
  rss_after=$(rss_mib "$VTO_PID")
  log "soak $STEP_INFO -> $([[ $STEP_OK -eq 1 ]] && echo held || echo NOT held)"
  SOAK_LINE="OpenVTO RSS across ${SOAK_SECONDS} s of REGISTER at $rate/s: before $rss_before MiB, after $rss_after MiB ($([[ $STEP_OK -eq 1 ]] && echo 'all calls succeeded' || echo 'NOT all calls succeeded'))"
fi

ratio() { [[ ${2:-0} -gt 0 && -n ${1:-} ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }' || echo "n/a"; }
echo
echo "Highest rate held with zero failed calls for ${CONFIRM} s (REGISTER = 2 transactions, call = 4: INVITE 407, INVITE, ACK, BYE):"
printf '%-26s %12s %12s %10s\n' "" "OpenVTO" "Kamailio" "ratio"
printf '%-26s %12s %12s %10s\n' "REGISTER with digest /s" "${REG[openvto]:-n/a}" "${REG[kamailio]:-n/a}" "$(ratio "${REG[openvto]:-}" "${REG[kamailio]:-}")"
printf '%-26s %12s %12s %10s\n' "calls (INVITE..BYE) /s" "${CALL[openvto]:-n/a}" "${CALL[kamailio]:-n/a}" "$(ratio "${CALL[openvto]:-}" "${CALL[kamailio]:-}")"
echo "(0 means even the lowest rate tried did not hold; the highest rate tried is the ceiling of the search)"
echo "target: OpenVTO REGISTER rate >= 50% of Kamailio's"
[[ -n $SOAK_LINE ]] && echo "$SOAK_LINE"
if [[ -n ${VTO_PID:-} ]] && kill -0 "$VTO_PID" 2>/dev/null; then
  echo "OpenVTO RSS at the end: $(rss_mib "$VTO_PID") MiB"
  errors=$(grep -c -E 'ERROR|Exception|Error:' "$WORK/vto.log" || true)
  echo "OpenVTO log: $errors lines with ERROR/Exception/Error"
  grep -E '^Exception in thread|OutOfMemoryError|WARN' "$WORK/vto.log" | head -n 5 | sed 's/^/  /' || true
else
  echo "OpenVTO is no longer running (crashed?) - see its log:"; tail -n 30 "$WORK/vto.log"
fi

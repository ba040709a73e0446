#!/usr/bin/env bash
# SIP server throughput: OpenVTO (this VTO as the building's registrar + forking proxy) against Kamailio from
# Debian configured as the same registrar/proxy (bench/sip/kamailio.cfg), side by side in one run.
#
# For each server, SIPp runs REGISTER-with-digest (REGISTER → 401 → REGISTER with credentials → 200) at increasing
# rates, once per room count (--rooms, default 1,000 and 5,000 rooms registering in turn), then calls (INVITE →
# 407 → ACK → INVITE with credentials → 180 → 200 → ACK → BYE; one caller VTO, 1,000 other rooms (a room the REGISTER load registered would also fork to that load generator) whose device is one answering SIPp UAS) at increasing rates. A step holds when
# every SIPp call of it succeeded (0 failed: no timeout, no unexpected message, no 4xx/5xx), and SIPp could
# send at the rate asked (the step took no longer than its length + 10% + 1.5 s). The search: 10-second steps
# up to the first that does not hold, one step halfway back, then the highest held rate must hold again for
# 35 s (longer than the 32 s a server keeps a finished UDP transaction, so its state reaches steady size);
# otherwise the next lower held rate is confirmed. After a step that did not hold, the script waits 33 s.
# Prints the confirmed rates side by side with the ratio OpenVTO / Kamailio.
# Then the cold burst (a building after a power cut: the VTO boots and every indoor monitor re-registers at once):
# each server is restarted (OpenVTO: a new JVM on the same data directory; Kamailio: a new process, loading its
# SQLite bindings), sees only --burst-from REGISTER/s for --burst-warm s, then --burst-to REGISTER/s for
# --burst-seconds s, over --burst-rooms rooms (bench/sip/register-burst.xml); printed side by side: registered
# (200), backed off (503 with Retry-After: a device retries after it, so not a failure), failed, retransmissions.
# Memory: OpenVTO's resident memory (VmRSS of the JVM) and Kamailio's (VmRSS summed over its processes, and the
# PSS sum, which counts its shared memory once) are sampled every 0.5 s during the load steps; the peak per case
# is printed next to the JVM's heap limit (-Xmx).
# Kamailio keeps its registrations in SQLite (usrloc db_mode=2 write-back every second, db_sqlite), as OpenVTO
# persists its bindings (write-behind every 500 ms); --kamailio-mem keeps them in memory only (db_mode=0).
# Issue target: OpenVTO's REGISTER rate ≥ 50% of Kamailio's; memory flat across a 5-minute run (--soak).
#
#   bench/sip-rate.sh [--soak] [--soak-seconds N] [--step S] [--confirm S] [--settle S]
#                     [--reg-rates "500 1000 ..."] [--call-rates "100 200 ..."] [--rooms "1000 5000"]
#                     [--burst-from R] [--burst-warm S] [--burst-to R] [--burst-seconds S] [--burst-rooms N]
#                     [--no-burst] [--kamailio-mem] [--only openvto|kamailio] [--keep]
#     --rooms       room counts for the REGISTER search, one search each (default "1000 5000")
#     --burst-from  cold burst: REGISTER/s after the fresh start (default 500) for --burst-warm s (default 20),
#     --burst-to    then REGISTER/s (default 8000) for --burst-seconds s (default 20), over --burst-rooms rooms
#                   (default 5000); --no-burst skips the cold burst
#     --kamailio-mem  Kamailio keeps registrations in memory only (the default anchor persists them in SQLite)
#     --soak        after the searches, REGISTER at 70% of OpenVTO's confirmed rate (first --rooms count) for
#                   5 minutes and print the VTO's resident memory (VmRSS of the JVM) before, every 30 s, and after
#     --keep        keep the work directory (SIPp statistics and error files, server logs) for inspection
# Needs: sipp (Debian sip-tester), kamailio and kamailio-sqlite-modules (Debian), sqlite3, curl, python3, a JDK 21+
# and Maven (./openvto builds).
# Only 127.0.0.1 is used. A default run takes about 30 minutes (more when a step fails: each failed step waits 33 s); --soak adds 5.
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
ROOMS_LIST="1000 5000"
BURST=1
BURST_FROM=500
BURST_WARM=20
BURST_TO=8000
BURST_SECONDS=20
BURST_ROOMS=5000
KAM_DB=sqlite
KAM_UL_TIMER=1                    # Kamailio's usrloc write-back interval (s); its minimum, OpenVTO's is 0.5 s
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
    --rooms) ROOMS_LIST="$2"; shift ;;
    --burst-from) BURST_FROM="$2"; shift ;;
    --burst-warm) BURST_WARM="$2"; shift ;;
    --burst-to) BURST_TO="$2"; shift ;;
    --burst-seconds) BURST_SECONDS="$2"; shift ;;
    --burst-rooms) BURST_ROOMS="$2"; shift ;;
    --no-burst) BURST=0 ;;
    --kamailio-mem) KAM_DB=mem ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in sipp kamailio curl python3 sqlite3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y sip-tester kamailio kamailio-sqlite-modules sqlite3 curl python3)" >&2; exit 1; }
done
KAM_SCHEMA=/usr/share/kamailio/db_sqlite   # Kamailio's users are loaded from SQLite in either mode
if [[ ! -f /usr/lib/x86_64-linux-gnu/kamailio/modules/db_sqlite.so || ! -f $KAM_SCHEMA/usrloc-create.sql ]]; then
  echo "needs kamailio-sqlite-modules (apt-get install -y kamailio-sqlite-modules)" >&2; exit 1
fi
read -r -a rooms_list <<<"$ROOMS_LIST"
for n in "${rooms_list[@]}" "$BURST_ROOMS"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || { echo "room counts must be positive integers: $n" >&2; exit 2; }
done
MAX_ROOMS=$BURST_ROOMS
for n in "${rooms_list[@]}"; do (( n > MAX_ROOMS )) && MAX_ROOMS=$n; done
[[ $BURST -eq 1 ]] || { MAX_ROOMS=0; for n in "${rooms_list[@]}"; do (( n > MAX_ROOMS )) && MAX_ROOMS=$n; done; }
TOTAL_ROOMS=$(( MAX_ROOMS + 1000 ))   # the REGISTER load's rooms, then 1,000 called rooms

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
AUTH=(--digest -u "admin:$PASSWORD" -s -f -H "Content-Type: application/json")
BASE="http://$HOST:$VTO_HTTP"

WORK=$(mktemp -d /tmp/openvto-sip-bench.XXXXXX)
PIDS=()   # every process this script started and has not reaped yet (killed on exit)
# forget_pid PID: after wait reaped it (its number may be reused by someone else's process: never kill it later)
forget_pid() {
  local p kept=()
  for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || kept+=("$p"); done
  PIDS=("${kept[@]}")
}
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
# Kamailio's memory: "RSS-sum PSS-sum" in KiB over the main process and its children (PSS counts shared memory once)
kam_mem_kib() {
  local p rss=0 pss=0 r q
  for p in "$1" $(pgrep -P "$1" 2>/dev/null); do
    r=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
    q=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)
    rss=$(( rss + ${r:-0} )); pss=$(( pss + ${q:-0} ))
  done
  echo "$rss $pss"
}
# RSS_SERVER/RSS_CASE set: sipp_run samples that server's memory every 0.5 s into $WORK/rss/SERVER.CASE
RSS_SERVER=""
RSS_CASE=""
mkdir -p "$WORK/rss"
start_sampler() {
  SAMPLER_PID=""
  [[ -n $RSS_SERVER && -n $RSS_CASE ]] || return 0
  ( while :; do sample_mem; sleep 0.5; done ) &
  SAMPLER_PID=$!
  PIDS+=("$SAMPLER_PID")
}
sample_mem() {
  if [[ $RSS_SERVER == openvto ]]; then
    awk '/^VmRSS/ {print $2}' "/proc/$VTO_PID/status" 2>/dev/null || true
  else
    kam_mem_kib "$KAM_PID"
  fi >>"$WORK/rss/$RSS_SERVER.$RSS_CASE"
}
stop_sampler() {
  [[ -n ${SAMPLER_PID:-} ]] || return 0
  sample_mem   # one more at the end of the step
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  forget_pid "$SAMPLER_PID"
  SAMPLER_PID=""
}
# peak_mem SERVER CASE: "405 MiB" (OpenVTO) or "120 MiB (PSS 60 MiB)" (Kamailio), "-" when not sampled
peak_mem() {
  local f="$WORK/rss/$1.$2"
  [[ -s $f ]] || { echo "-"; return; }
  awk -v k="$1" '$1 > r { r = $1 } $2 > p { p = $2 }
    END { if (k == "kamailio") printf "%.0f MiB (PSS %.0f MiB)", r / 1024, p / 1024; else printf "%.0f MiB", r / 1024 }' "$f"
}

# --- OpenVTO: a fresh VTO that is the SIP server, TOTAL_ROOMS rooms, one VTO (the caller) -----------------------
start_openvto() {
  "$ROOT/openvto" --version >/dev/null   # builds the jar if sources changed, outside the measurement
  # run a private copy of the launcher and jar: a rebuild of app/target/openvto.jar during the run (someone
  # running mvn install) would otherwise make the running JVM fail with NoClassDefFoundError
  mkdir -p "$WORK/snapshot/app/target"
  cp "$ROOT/openvto" "$WORK/snapshot/openvto"
  cp "$ROOT/app/target/openvto.jar" "$WORK/snapshot/app/target/openvto.jar"
  "$WORK/snapshot/openvto" --version >"$WORK/vto-version.txt"
  "$WORK/snapshot/openvto" init --data-dir "$WORK/vto" --password "$PASSWORD" >"$WORK/vto-init.log" 2>&1
  run_openvto
  curl "${AUTH[@]}" -X PUT "$BASE/api/v1/device/properties" -d '{"systemType":"TCP/IP"}' >/dev/null
  curl "${AUTH[@]}" -X PUT "$BASE/api/v1/sip-server" -d '{"enabled":true,"type":"VTO"}' >/dev/null
  # "Add in batch" (at most 99 floors × 99 rooms a batch): batches of 40 floors × 50 rooms, the first from floor
  # 1001 (1001–1050, 1101–1150, … 4901–4950, as before), the next ones from 101001, 201001, … (6 digits: no clash
  # with VTO 8002)
  local left=$TOTAL_ROOMS b=0 layers first
  while (( left > 0 )); do
    layers=$(( (left + 49) / 50 )); (( layers <= 40 )) || layers=40
    first=$(( b == 0 ? 1001 : b * 100000 + 1001 ))
    curl "${AUTH[@]}" -X POST "$BASE/api/v1/rooms/batch" \
      -d "{\"layers\":$layers,\"roomsPerLayer\":50,\"firstFloorNo\":$first,\"secondFloorNo\":$(( first + 100 ))}" >/dev/null
    left=$(( left - layers * 50 )); b=$(( b + 1 ))
  done
  curl "${AUTH[@]}" -X POST "$BASE/api/v1/vtos" \
    -d '{"recNo":"8002","ipAddress":"192.168.1.109","registerPassword":"Pw-8002"}' >/dev/null
  local page=0
  while :; do
    curl "${AUTH[@]}" "$BASE/api/v1/rooms?limit=1000&offset=$(( page * 1000 ))" >"$WORK/rooms-$page.json"
    python3 -c 'import json,sys; sys.exit(0 if len(json.load(open(sys.argv[1]))["rooms"]) == 1000 else 1)' \
      "$WORK/rooms-$page.json" || break
    page=$(( page + 1 ))
  done
}

# the VTO process on the data directory (again for the cold burst: a new JVM); waits for /healthz
run_openvto() {
  # every SIPp call comes from 127.0.0.1, so the per-address flood ban (sip.flood-requests-per-second, 2,000/s by
  # default) would stop the load: the limit is raised to its maximum instead of switched off, so that the lockout
  # and rate-limit checks stay on the measured hot path
  OPENVTO_SIP_FLOOD_REQUESTS_PER_SECOND=1000000 \
  "$WORK/snapshot/openvto" run --data-dir "$WORK/vto" --port-offset "$OFFSET" >>"$WORK/vto.log" 2>&1 &
  VTO_PID=$!   # the launcher execs the JVM: this is the java process
  PIDS+=("$VTO_PID")
  until curl -fs "$BASE/healthz" >/dev/null 2>&1; do
    kill -0 "$VTO_PID" 2>/dev/null || { cat "$WORK/vto.log" >&2; echo "OpenVTO did not start" >&2; exit 1; }
    sleep 0.1
  done
}
stop_pid() {   # stop_pid PID: TERM, then KILL after 10 s
  kill "$1" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget_pid "$1"
}
# a REGISTER of VTO 8002 answered 200: the registrar is up (OpenVTO restarts its SIP server when it becomes one)
wait_registrar() {
  local name=$1 port=$2 deadline=$(( $(date +%s) + 30 ))
  while (( $(date +%s) < deadline )); do
    sipp_run "$name-ready" "$port" "$SIPDIR/register.xml" "$WORK/caller.csv" 10 1 "$CALLER_PORT"
    [[ $STEP_OK -eq 1 ]] && return 0
    sleep 0.2
  done
  echo "$name's registrar does not answer: $STEP_INFO" >&2
  exit 1
}

# --- input files for SIPp and Kamailio from the VTO's rooms and passwords --------------------------------------
write_inputs() {
  python3 - "$WORK" "$UAS_PORT" "$MAX_ROOMS" $ROOMS_LIST $BURST_ROOMS <<'EOF'
import glob, json, sys
work, uas, max_rooms, counts = sys.argv[1], sys.argv[2], int(sys.argv[3]), sorted({int(n) for n in sys.argv[4:]})
rooms = [r for f in sorted(glob.glob(f"{work}/rooms-*.json"), key=lambda f: int(f.split("-")[-1][:-5]))
         for r in json.load(open(f))["rooms"]]
users = [(r["roomNo"], r["registerPassword"]) for r in rooms]
assert len(users) >= max_rooms + 1000, len(users)
# the REGISTER loads use the first max_rooms rooms, the calls the 1,000 after them: a room the load registered keeps
# that binding (to the load generator, gone after its run), and a call to it would fork to that dead contact too
loaded, called = users[:max_rooms], users[max_rooms:max_rooms + 1000]
for n in counts:                                      # REGISTER load over n rooms: every room in turn
    with open(f"{work}/register-{n}.csv", "w") as f:
        f.write("SEQUENTIAL\n")
        for u, p in loaded[:n]:
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
with open(f"{work}/kamailio-users.sql", "w") as f:    # the same accounts for Kamailio's hash table (its htable)
    f.write("BEGIN;\n")
    for u, p in users + [("8002", "Pw-8002")]:
        q = lambda v: v.replace("'", "''")
        f.write(f"INSERT INTO htable (key_name, key_type, value_type, key_value) VALUES ('{q(u)}', 0, 0, '{q(p)}');\n")
    f.write("COMMIT;\n")
EOF
}

# Kamailio's SQLite database: Debian's schema (version, location and htable tables), WAL mode like OpenVTO's
# database; the users (htable users, loaded at start) from write_inputs
create_kamailio_db() {
  rm -f "$WORK/kamailio.db"*
  cat "$KAM_SCHEMA/standard-create.sql" "$KAM_SCHEMA/usrloc-create.sql" "$KAM_SCHEMA/htable-create.sql" \
    "$WORK/kamailio-users.sql" | sqlite3 "$WORK/kamailio.db"
  sqlite3 "$WORK/kamailio.db" 'PRAGMA journal_mode=WAL;' >/dev/null
}
KAM_DEFS=(-A "DBURL=\"sqlite:///$WORK/kamailio.db\"")
if [[ $KAM_DB == sqlite ]]; then
  KAM_DEFS+=(-A WITH_SQLITE -A "UL_TIMER=$KAM_UL_TIMER")
  KAM_MODE="registrations in SQLite (usrloc db_mode=2, write-back every $KAM_UL_TIMER s, db_sqlite)"
else
  KAM_MODE="registrations in memory only (usrloc db_mode=0, --kamailio-mem)"
fi
start_kamailio() {   # (again for the cold burst: a new process; with SQLite it loads the bindings it wrote)
  cp "$SIPDIR/kamailio.cfg" "$WORK/kamailio.cfg"
  (cd "$WORK" && exec kamailio -f kamailio.cfg -DD -E -l "udp:$HOST:$KAM_SIP" -m 256 -M 32 -w "$WORK" "${KAM_DEFS[@]}" \
    >>"$WORK/kamailio.log" 2>&1) &
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
  start_sampler
  start=$(date +%s%N)
  sipp "$HOST:$port" -sf "$scen" -inf "$csv" -r "$rate" -rp 1000 -m "$calls" -l "$limit" \
    -i "$HOST" -p "$lport" -t u1 -nd -nostdin -buff_size 8388608 \
    -timeout "$(( expect_ms / 1000 * 2 + 60 ))s" -timeout_error -recv_timeout 8000 \
    -trace_stat -stf "$stat" -fd 3600 -trace_err -error_file "$err" >"$WORK/$name.out" 2>&1 &
  local sipp_pid=$!
  PIDS+=("$sipp_pid")
  wait "$sipp_pid" || rc=$?   # (in the background so that a TERM to this script stops the run at once)
  forget_pid "$sipp_pid"
  end=$(date +%s%N)
  stop_sampler
  local wall_ms=$(( (end - start) / 1000000 ))
  # last line of the statistics file: cumulative counters (BackedOff/Got503: bench/sip/register-burst.xml only)
  read -r ok failed retrans backoff got503 < <(awk -F';' '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { last = $0 }
    END { n = split(last, v, ";"); print v[col["SuccessfulCall(C)"]] + 0, v[col["FailedCall(C)"]] + 0, v[col["Retransmissions(C)"]] + 0,
          ("BackedOff(C)" in col ? v[col["BackedOff(C)"]] + 0 : 0), ("Got503(C)" in col ? v[col["Got503(C)"]] + 0 : 0) }
  ' "$stat" 2>/dev/null || echo "0 0 0 0 0")
  RUN_OK=$ok RUN_FAILED=$failed RUN_RETRANS=$retrans RUN_BACKOFF=$backoff RUN_503=$got503 RUN_WALL_MS=$wall_ms RUN_CALLS=$calls
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
    sipp_run "$server-register-${REG_ROOMS}r-$rate-${seconds}s" "$port" "$SIPDIR/register.xml" "$WORK/register-$REG_ROOMS.csv" "$rate" "$calls" "$CLIENT_PORT"
  else
    if ! setup_call_targets "$server" "$port"; then
      log "$server $kind ${seconds}s rate $rate/s: $STEP_INFO -> NOT held"
      sleep "$SETTLE"
      return 0
    fi
    sipp_run "$server-call-$rate-${seconds}s" "$port" "$SIPDIR/call-uac.xml" "$WORK/calls.csv" "$rate" "$calls" "$CALLER_PORT"
  fi
  log "$server $kind$([[ $kind == register ]] && echo " ($REG_ROOMS rooms)") ${seconds}s $STEP_INFO -> $([[ $STEP_OK -eq 1 ]] && echo held || echo NOT held)"
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
stop_uas() { kill "$UAS_PID" 2>/dev/null || true; wait "$UAS_PID" 2>/dev/null || true; forget_pid "$UAS_PID"; }

# --- run ----------------------------------------------------------------------------------------------------
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo) GiB; $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -n 1); $(kamailio -v 2>&1 | head -n 1)"
log "starting OpenVTO (SIP udp:$HOST:$VTO_SIP) and setting it up: SIP server, $TOTAL_ROOMS rooms ($MAX_ROOMS for the REGISTER loads, 1,000 called), VTO 8002"
start_openvto
write_inputs
wait_registrar openvto "$VTO_SIP"
log "OpenVTO $(cat "$WORK/vto-version.txt"), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- '*.java' 2>/dev/null || echo ' + local changes')"
# the JVM's heap limit from its command line (the launcher's -Xmx)
HEAP_LIMIT=$(tr '\0' '\n' <"/proc/$VTO_PID/cmdline" | sed -n 's/^-Xmx//p' | tail -n 1)
log "OpenVTO ready, RSS $(rss_mib "$VTO_PID") MiB, heap limit -Xmx${HEAP_LIMIT:-?}"
if [[ -z $ONLY || $ONLY == kamailio ]]; then
  create_kamailio_db
  start_kamailio
  wait_registrar kamailio "$KAM_SIP"
  log "Kamailio ready (udp:$HOST:$KAM_SIP, 2 UDP workers, $KAM_MODE)"
fi

declare -A REG CALL BURST_RES
read -r -a reg_rates <<<"$REG_RATES"
read -r -a call_rates <<<"$CALL_RATES"
servers=(kamailio openvto)
[[ -n $ONLY ]] && servers=("$ONLY")
for server in "${servers[@]}"; do
  if [[ $server == openvto ]]; then port=$VTO_SIP; else port=$KAM_SIP; fi
  # warm-up (the JVM compiles the hot paths): 5 s at 1000 REGISTER/s, not counted
  sipp_run "$server-warmup" "$port" "$SIPDIR/register.xml" "$WORK/register-${rooms_list[0]}.csv" 1000 5000 "$CLIENT_PORT"
  log "$server warm-up $STEP_INFO"
  RSS_SERVER=$server
  for REG_ROOMS in "${rooms_list[@]}"; do
    RSS_CASE="register-$REG_ROOMS"
    search register "$server" "$port" "${reg_rates[@]}"
    REG[$server,$REG_ROOMS]=$BEST
    if [[ $server == openvto ]]; then
      log "OpenVTO RSS after the REGISTER search ($REG_ROOMS rooms): $(rss_mib "$VTO_PID") MiB, peak $(peak_mem openvto "$RSS_CASE")"
    else
      log "Kamailio memory peak in the REGISTER search ($REG_ROOMS rooms): RSS sum $(peak_mem kamailio "$RSS_CASE")"
    fi
  done
  RSS_CASE=calls
  start_uas "$server"
  search call "$server" "$port" "${call_rates[@]}"
  CALL[$server]=$BEST
  stop_uas
  [[ $server == openvto ]] && log "OpenVTO RSS after the call search: $(rss_mib "$VTO_PID") MiB, peak $(peak_mem openvto calls)"
  RSS_SERVER="" RSS_CASE=""
done

SOAK_LINE=""
SOAK_ROOMS=${rooms_list[0]}
if [[ $SOAK -eq 1 && -n ${REG[openvto,$SOAK_ROOMS]:-} && ${REG[openvto,$SOAK_ROOMS]} -gt 0 ]]; then
  rate=$(( REG[openvto,$SOAK_ROOMS] * 7 / 10 ))
  rate=$(( rate >= 1000 ? rate / 100 * 100 : rate / 10 * 10 ))
  [[ $rate -ge 10 ]] || rate=10
  log "soak: REGISTER at $rate/s for $SOAK_SECONDS s against OpenVTO ($SOAK_ROOMS rooms, 70% of its highest held rate)"
  rss_before=$(rss_mib "$VTO_PID")
  ( while sleep 30; do echo "[$(date +%H:%M:%S)] soak: OpenVTO RSS $(rss_mib "$VTO_PID") MiB"; done ) &
  SAMPLER=$!
  PIDS+=("$SAMPLER")
  RSS_SERVER=openvto RSS_CASE=soak
  sipp_run "openvto-soak" "$VTO_SIP" "$SIPDIR/register.xml" "$WORK/register-$SOAK_ROOMS.csv" "$rate" $(( rate * SOAK_SECONDS )) "$CLIENT_PORT"
  RSS_SERVER="" RSS_CASE=""
  kill "$SAMPLER" 2>/dev/null || true
  wait "$SAMPLER" 2>/dev/null || true
  forget_pid "$SAMPLER"
  rss_after=$(rss_mib "$VTO_PID")
  log "soak $STEP_INFO -> $([[ $STEP_OK -eq 1 ]] && echo held || echo NOT held)"
  SOAK_LINE="OpenVTO RSS across ${SOAK_SECONDS} s of REGISTER at $rate/s: before $rss_before MiB, after $rss_after MiB, peak $(peak_mem openvto soak) ($([[ $STEP_OK -eq 1 ]] && echo 'all calls succeeded' || echo 'NOT all calls succeeded'))"
fi

# --- cold burst: a fresh server, BURST_FROM/s for BURST_WARM s, then BURST_TO/s for BURST_SECONDS s -------------
# burst_phase SERVER PORT PHASE RATE SECONDS: one SIPp run of register-burst.xml; keeps its counters in BURST_RES
burst_phase() {
  local server=$1 port=$2 phase=$3 rate=$4 seconds=$5
  RSS_SERVER=$server RSS_CASE="cold-$phase"
  sipp_run "$server-cold-$phase-$rate" "$port" "$SIPDIR/register-burst.xml" "$WORK/register-$BURST_ROOMS.csv" \
    "$rate" $(( rate * seconds )) "$CLIENT_PORT"
  RSS_SERVER="" RSS_CASE=""
  BURST_RES[$server,$phase]="$(( RUN_OK - RUN_BACKOFF )) $RUN_BACKOFF $RUN_FAILED $RUN_RETRANS $RUN_503 $RUN_WALL_MS $RUN_CALLS"
  log "$server cold $phase: $(( RUN_OK - RUN_BACKOFF )) registered, $RUN_BACKOFF backed off (503 + Retry-After), $STEP_INFO"
}
if [[ $BURST -eq 1 ]]; then
  for server in "${servers[@]}"; do
    log "cold burst, $server: restarting it, then $BURST_FROM REGISTER/s for $BURST_WARM s, then $BURST_TO/s for $BURST_SECONDS s ($BURST_ROOMS rooms)"
    if [[ $server == openvto ]]; then
      stop_pid "$VTO_PID"
      run_openvto
      wait_registrar openvto-cold "$VTO_SIP"
      port=$VTO_SIP
      log "OpenVTO restarted (a new JVM, same data directory), RSS $(rss_mib "$VTO_PID") MiB"
    else
      stop_pid "$KAM_PID"
      [[ $KAM_DB == sqlite ]] && log "Kamailio's SQLite location table before the restart: $(sqlite3 "$WORK/kamailio.db" 'SELECT count(*) FROM location') bindings"
      start_kamailio
      wait_registrar kamailio-cold "$KAM_SIP"
      port=$KAM_SIP
      log "Kamailio restarted ($KAM_MODE)"
    fi
    burst_phase "$server" "$port" warm "$BURST_FROM" "$BURST_WARM"
    burst_phase "$server" "$port" burst "$BURST_TO" "$BURST_SECONDS"
  done
fi

ratio() { [[ ${2:-0} -gt 0 && -n ${1:-} ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }' || echo "n/a"; }
echo
echo "Kamailio anchor: $KAM_MODE"
echo "Highest rate held with zero failed calls for ${CONFIRM} s (REGISTER = 2 transactions, call = 4: INVITE 407, INVITE, ACK, BYE):"
printf '%-36s %12s %12s %10s\n' "" "OpenVTO" "Kamailio" "ratio"
for n in "${rooms_list[@]}"; do
  printf '%-36s %12s %12s %10s\n' "REGISTER with digest /s, $n rooms" "${REG[openvto,$n]:-n/a}" "${REG[kamailio,$n]:-n/a}" \
    "$(ratio "${REG[openvto,$n]:-}" "${REG[kamailio,$n]:-}")"
done
printf '%-36s %12s %12s %10s\n' "calls (INVITE..BYE) /s" "${CALL[openvto]:-n/a}" "${CALL[kamailio]:-n/a}" "$(ratio "${CALL[openvto]:-}" "${CALL[kamailio]:-}")"
echo "(0 means even the lowest rate tried did not hold; the highest rate tried is the ceiling of the search)"
echo "target: OpenVTO REGISTER rate >= 50% of Kamailio's"
if [[ $BURST -eq 1 ]]; then
  echo
  echo "Cold burst: fresh server, $BURST_FROM REGISTER/s for $BURST_WARM s, then $BURST_TO/s for $BURST_SECONDS s, $BURST_ROOMS rooms:"
  printf '%-36s %12s %12s\n' "" "OpenVTO" "Kamailio"
  for phase in warm burst; do
    if [[ $phase == warm ]]; then label="warm ($BURST_FROM/s, ${BURST_WARM} s)"; else label="burst ($BURST_TO/s, ${BURST_SECONDS} s)"; fi
    read -r o_reg o_back o_fail o_re o_503 o_ms o_calls <<<"${BURST_RES[openvto,$phase]:-- - - - - - -}"
    read -r k_reg k_back k_fail k_re k_503 k_ms k_calls <<<"${BURST_RES[kamailio,$phase]:-- - - - - - -}"
    echo "$label:"
    printf '%-36s %12s %12s\n' "  REGISTERs started" "$o_calls" "$k_calls"
    printf '%-36s %12s %12s\n' "  registered (200)" "$o_reg" "$k_reg"
    printf '%-36s %12s %12s\n' "  backed off (503 + Retry-After)" "$o_back" "$k_back"
    printf '%-36s %12s %12s\n' "  failed" "$o_fail" "$k_fail"
    printf '%-36s %12s %12s\n' "  503 responses (all)" "$o_503" "$k_503"
    printf '%-36s %12s %12s\n' "  retransmissions" "$o_re" "$k_re"
    printf '%-36s %12s %12s\n' "  SIPp run took (ms)" "$o_ms" "$k_ms"
  done
fi
echo
echo "Peak memory during the load steps (sampled every 0.5 s; OpenVTO: VmRSS of the JVM, heap limit -Xmx${HEAP_LIMIT:-?};"
echo "Kamailio: VmRSS summed over its processes, its shared memory counted in each, PSS sum in brackets):"
printf '%-36s %12s %28s\n' "" "OpenVTO" "Kamailio"
cases=()
for n in "${rooms_list[@]}"; do cases+=("register-$n"); done
cases+=(calls soak cold-warm cold-burst)
for c in "${cases[@]}"; do
  [[ -s $WORK/rss/openvto.$c || -s $WORK/rss/kamailio.$c ]] || continue
  case $c in
    register-*) label="REGISTER search, ${c#register-} rooms" ;;
    calls) label="call search" ;;
    soak) label="soak" ;;
    cold-warm) label="cold start, warm phase" ;;
    cold-burst) label="cold start, burst" ;;
  esac
  printf '%-36s %12s %28s\n' "$label" "$(peak_mem openvto "$c")" "$(peak_mem kamailio "$c")"
done
[[ -n $SOAK_LINE ]] && echo "$SOAK_LINE"
if [[ -n ${VTO_PID:-} ]] && kill -0 "$VTO_PID" 2>/dev/null; then
  echo "OpenVTO RSS at the end: $(rss_mib "$VTO_PID") MiB"
  errors=$(grep -c -E 'ERROR|Exception|Error:' "$WORK/vto.log" || true)
  echo "OpenVTO log: $errors lines with ERROR/Exception/Error"
  grep -E '^Exception in thread|OutOfMemoryError|WARN' "$WORK/vto.log" | head -n 5 | sed 's/^/  /' || true
else
  echo "OpenVTO is no longer running (crashed?) - see its log:"; tail -n 30 "$WORK/vto.log"
fi

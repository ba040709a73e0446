#!/usr/bin/env bash
# Records search and credential lookup (issue 11): a fresh SQLite database as the VTO opens it (WAL,
# synchronous=FULL, the migrations' indexes) with 1,000,000 unlock records over one year (6 methods, 500 rooms,
# 10% refused), then p50/p99/max over RUNS runs of each typical search and its count, the CSV-export row rate of
# forEach (30 days, and the whole year under the launcher's 256 MiB heap), and 10,000 people with 50,000 cards
# imported through PeopleStore.insertAll and looked up by card. Target: p99 < 50 ms for the searches.
#   bench/records-search.sh [RECORDS] [RUNS] [PEOPLE] [CARDS]    (defaults 1000000 200 10000 50000)
# Needs a JDK 21+ and Maven; extra Maven options (e.g. -Dmaven.repo.local=…, -o) through MAVEN_ARGS.
# Main class: storage/src/test/java/org/openvto/storage/bench/RecordSearchBench.java. Takes about 2–4 minutes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK=$(mktemp -d /tmp/openvto-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn -B -q -pl storage -am install -DskipTests -Dspotless.check.skip=true >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; exit 1; }
mvn -B -q -pl storage dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" \
  >"$WORK/cp.log" 2>&1 || { cat "$WORK/cp.log"; exit 1; }
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$("$JAVA" -version 2>&1 | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?');" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the launcher's GC and heap (./openvto), so the export's memory is bounded as in production
"$JAVA" -XX:+UseSerialGC -Xms16m -Xmx256m --enable-native-access=ALL-UNNAMED \
  -cp "storage/target/test-classes:storage/target/classes:$(cat "$WORK/cp")" \
  org.openvto.storage.bench.RecordSearchBench "${1:-1000000}" "${2:-200}" "${3:-10000}" "${4:-50000}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Card → lock relay latency (issue 11 target: p99 under 20 ms) with 10,000 people and 50,000 cards in SQLite,
# over 10,000 presentations through the VTO's own path (driver report → bus → access decision → relay), with the
# simulated drivers, with the launcher's JVM flags (serial GC, 128 MiB heap). Prints p50/p99/max.
#   bench/card-to-relay.sh [PRESENTATIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q install -DskipTests -pl app -am >/dev/null
mvn -B -q test-compile -pl app >/dev/null
CP="app/target/test-classes:app/target/classes:$(mvn -B -q -pl app dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx128m -cp "$CP" org.openvto.app.bench.CardToRelayBench "${1:-10000}"

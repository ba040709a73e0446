#!/usr/bin/env bash
# GPIO input latency: an edge on a fake GPIO chip → the door-sensor driver's reader thread (debounce, contact
# logic) → FacadeInputs → a FacadeEvent on the real EventBus → a synchronous subscriber. p50/p99 over N events
# (default 100,000 after 20,000 warm-up), one at a time. Target: p99 < 1 ms.
# The kernel's share (interrupt → poll wake-up → read) is not in it: there is no GPIO chip here.
#   bench/gpio-event-latency.sh [EVENTS] [WARMUP]
# Needs a JDK 21+ and Maven; extra Maven options (e.g. -Dmaven.repo.local=…) through MAVEN_ARGS.
# Main class: hardware/src/test/java/org/openvto/hardware/linux/GpioEventLatencyBench.java
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK=$(mktemp -d /tmp/openvto-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
mvn -B -q -pl hardware -am install -DskipTests >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
mvn -B -q -pl hardware dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" \
  >"$WORK/cp.log" 2>&1 || { cat "$WORK/cp.log"; exit 1; }
# the launcher's GC and heap (./openvto), so pauses are those of production
java -XX:+UseSerialGC -Xms16m -Xmx256m -cp "hardware/target/test-classes:hardware/target/classes:$(cat "$WORK/cp")" \
  org.openvto.hardware.linux.GpioEventLatencyBench "${1:-100000}" "${2:-20000}"

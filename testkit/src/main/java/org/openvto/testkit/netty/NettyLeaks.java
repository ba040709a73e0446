package org.openvto.testkit.netty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fails a test that leaked a Netty buffer: {@link #assertNone()} after the work (typically in {@code @AfterEach}).
 * Needs {@link RecordingLeakDetector} installed (the parent pom does it for every module's tests).
 *
 * <p>Netty learns of a leak only when the garbage collector has collected an unreleased buffer and a detector
 * tracks its next object. So this collects garbage, then leaks a sentinel of its own and waits (up to 10 s) until
 * that is reported: by then the leaks found by the same collection are reported too.
 */
public final class NettyLeaks {
    private static final RecordingLeakDetector<Sentinel> SENTINELS = new RecordingLeakDetector<>(Sentinel.class, 1);

    static final String SENTINEL = "Sentinel";

    private NettyLeaks() {}

    private static final class Sentinel {}

    /** Whether Netty's detector is ours (set by the build); without it nothing could be found. */
    public static boolean installed() {
        return RecordingLeakDetector.ALL.size() > 1;
    }

    /** The leaks reported so far, and forgets them. */
    public static List<String> collect() {
        leakSentinel();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && !sentinelReported()) {
            System.gc();
            Thread.yield();
            SENTINELS.poll();
        }
        for (RecordingLeakDetector<?> d : RecordingLeakDetector.ALL) {
            d.poll();
        }
        List<String> leaks = new ArrayList<>();
        for (String leak : RecordingLeakDetector.LEAKS) {
            if (!leak.contains(SENTINEL)) {
                leaks.add(leak);
            }
        }
        RecordingLeakDetector.LEAKS.clear();
        return leaks;
    }

    /** Throws an {@link AssertionError} naming each leak (with Netty's access records) since the last check. */
    public static void assertNone() {
        if (!installed()) {
            throw new AssertionError("Netty's leak detector is not org.openvto.testkit.netty.RecordingLeakDetector:"
                    + " run the tests with -Dio.netty.customResourceLeakDetector="
                    + RecordingLeakDetector.class.getName());
        }
        List<String> leaks = collect();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s):\n" + String.join("\n\n", leaks));
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong CHECKS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Never closed: collected, then reported. Each sentinel records a hint of its own, since Netty reports a leak
     * only once per distinct access record — a second sentinel from the same place would never be reported and the
     * check would wait out its 10 s.
     */
    private static void leakSentinel() {
        var tracker = SENTINELS.track(new Sentinel());
        if (tracker != null) {
            tracker.record("leak check " + CHECKS.incrementAndGet());
        }
    }

    private static boolean sentinelReported() {
        for (String leak : RecordingLeakDetector.LEAKS) {
            if (leak.contains(SENTINEL)) {
                return true;
            }
        }
        return false;
    }
}

package org.openvto.testkit.peers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a peer's process the same way everywhere. */
final class Processes {
    private Processes() {}

    /**
     * SIGTERM, then SIGKILL if it has not exited within {@code grace}; waits at most 5 s more after the kill (a
     * process that survives even that is left to the operating system: the test must not hang on it).
     */
    static void stop(Process process, Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}

package org.openvto.facade.io;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lock output of the user port (lock 1, lock 2). Thread-safe; never throws (a relay that cannot be driven
 * reports it in its {@link #status}).
 */
public interface LockRelay {
    /** 1 or 2. */
    int number();

    /** Energizes for {@code duration}, then releases (a later pulse or hold replaces the running one). */
    void pulse(Duration duration);

    /** Energizes until {@link #release}. */
    void hold();

    void release();

    State state();

    ModuleStatus status();

    /** @param until when a pulse ends; empty while held or released */
    record State(boolean energized, Optional<Instant> until) {
        public static final State RELEASED = new State(false, Optional.empty());
    }
}

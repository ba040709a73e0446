package org.openvto.app.supervision;

import java.util.Optional;

/**
 * A service a {@link Supervisor} keeps running: it knows how to start and stop itself on the current settings.
 * The supervisor calls every method under its lock, one call at a time, so implementations need no locking of
 * their own for the state these methods share.
 */
public interface Supervised {
    /** For logs and status, e.g. {@code SIP server}: "SIP server could not start", "the SIP server is not running". */
    String name();

    /**
     * Why the service must not run on the current settings (it is switched off), or empty when it should run.
     * Asked before each start; a reason here is reported as the status, not as a failure.
     */
    default Optional<String> whyOff() {
        return Optional.empty();
    }

    /**
     * Starts the service on the current settings. On failure it throws, having released whatever it opened; the
     * supervisor reports {@link #failureReason} as the status instead of passing the exception on.
     */
    void start() throws Exception;

    /** Stops the service. Called also when it is not running (never started, or its start failed): then no-op. */
    void stop();

    /** Asked by the watchdog while the service runs: false restarts it. Must return quickly. */
    default boolean alive() {
        return true;
    }

    /**
     * Whether the settings this service runs on differ from the current ones. Asked on a {@code ConfigChanged}
     * that names this service; false skips that restart (a reboot restarts regardless).
     */
    default boolean settingsChanged() {
        return true;
    }

    /** The status reason after {@link #start} threw {@code failure}. */
    default String failureReason(Exception failure) {
        return name() + " could not start: " + failure.getMessage();
    }
}

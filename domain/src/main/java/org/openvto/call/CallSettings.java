package org.openvto.call;

import java.time.Duration;
import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;

/**
 * How long the VTO's own calls may last, and whom the call-centre key calls. Immutable; the constructor checks every
 * value and names its key ({@link ConfigException}). Read by {@link Calls} when a call starts, so a change applies to
 * the next call.
 *
 * @param ringTimeout  an outgoing call not answered this long after it was dialled is hung up and recorded missed
 *                     ({@code call.ring-timeout-seconds}, 5–120 s)
 * @param talkTime     an answered call is hung up after this long ({@code call.talk-time-seconds}, 10–1800 s)
 * @param monitorTime  a monitor session from an indoor monitor (Quick Start Guide 4.3.2) is hung up after this long
 *                     ({@code call.monitor-time-seconds}, 10–600 s)
 * @param centreNumber the management centre's number, called by the call-centre key (guide 1.2 "Emergency call",
 *                     2.5) ({@code call.centre-number}, 1–16 digits)
 */
public record CallSettings(Duration ringTimeout, Duration talkTime, Duration monitorTime, String centreNumber) {
    public static final CallSettings DEFAULTS =
            new CallSettings(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(60), "888888");

    public CallSettings {
        seconds("call.ring-timeout-seconds", ringTimeout, 5, 120);
        seconds("call.talk-time-seconds", talkTime, 10, 1800);
        seconds("call.monitor-time-seconds", monitorTime, 10, 600);
        if (centreNumber == null || !centreNumber.matches("[0-9]{1,16}")) {
            throw new ConfigException("call.centre-number", "must be 1 to 16 digits (was '" + centreNumber + "')");
        }
    }

    private static void seconds(String key, Duration d, int min, int max) {
        if (d == null) {
            throw new ConfigException(key, "must be set");
        }
        if (d.toNanos() % 1_000_000_000L != 0) {
            throw new ConfigException(key, "must be whole seconds (was " + d + ")");
        }
        ConfigChecks.inRange(
                key, (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, d.toSeconds())), min, max);
    }
}

package org.openvto.household;

import java.util.Set;
import org.openvto.event.Event;

/**
 * Published after a configuration area was saved: {@code config/device/changed},
 * {@code config/network/changed}, {@code config/sip-server/changed}, {@code config/household/changed}.
 * {@code restart} names the services that must restart to apply it ({@code http}, {@code https},
 * {@code rtsp}, {@code sip}); the supervisor of each service subscribes. {@code what} says in a few words
 * what changed (never a secret) and {@code actor} who changed it, for the security log.
 */
public record ConfigChanged(String area, Set<String> restart, String what, Actor actor) implements Event {
    public ConfigChanged(String area, Set<String> restart) {
        this(area, restart, area + " changed", Actor.SYSTEM);
    }

    @Override
    public String topic() {
        return "config/" + area + "/changed";
    }
}

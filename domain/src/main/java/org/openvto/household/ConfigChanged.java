package org.openvto.household;

import java.util.Set;
import org.openvto.event.Event;

/**
 * Published after a configuration area was saved: {@code config/device/changed},
 * {@code config/network/changed}, {@code config/sip-server/changed}, {@code config/household/changed}.
 * {@code restart} names the {@link Service}s that must restart to apply it (HTTP, HTTPS, RTSP, SIP); the supervisor of each service subscribes. {@code what} says in a few words
 * what changed (never a secret) and {@code actor} who changed it, for the security log.
 */
public record ConfigChanged(String area, Set<Service> restart, String what, Actor actor) implements Event {
    public ConfigChanged(String area, Set<Service> restart) {
        this(area, restart, area + " changed", Actor.SYSTEM);
    }

    @Override
    public String topic() {
        return "config/" + area + "/changed";
    }
}

package org.openvto.household;

import java.util.Set;
import org.openvto.event.Event;

/**
 * Published after a configuration area was saved: {@code config/device/changed},
 * {@code config/network/changed}, {@code config/sip-server/changed}, {@code config/household/changed}.
 * {@code restart} names the services that must restart to apply it ({@code http}, {@code https},
 * {@code rtsp}, {@code sip}); the supervisor of each service subscribes.
 */
public record ConfigChanged(String area, Set<String> restart) implements Event {
    @Override
    public String topic() {
        return "config/" + area + "/changed";
    }
}

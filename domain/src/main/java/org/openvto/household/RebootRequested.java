package org.openvto.household;

import org.openvto.event.Event;

/** Every service restarts in-process (Local Setting › System › Reboot); each supervisor subscribes. */
public record RebootRequested(Actor actor) implements Event {
    @Override
    public String topic() {
        return "system/reboot";
    }
}

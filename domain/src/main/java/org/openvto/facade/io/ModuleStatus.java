package org.openvto.facade.io;

import java.util.Objects;

/**
 * Whether a module works now, and if not, why ("not connected", "GPIO chip /dev/gpiochip0 not found"). Drivers
 * report this instead of throwing: a door station keeps running with a module missing.
 */
public record ModuleStatus(boolean online, String reason) {
    public static final ModuleStatus ONLINE = new ModuleStatus(true, "");

    public ModuleStatus {
        Objects.requireNonNull(reason, "reason");
    }

    public static ModuleStatus offline(String reason) {
        return new ModuleStatus(false, reason);
    }

    @Override
    public String toString() {
        return online ? "online" : "offline: " + reason;
    }
}

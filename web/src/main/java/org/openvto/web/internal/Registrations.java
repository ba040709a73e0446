package org.openvto.web.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import org.openvto.household.RegistrationStatus;

/** How the VTO and room lists show whether a device is registered with the SIP server now. */
public final class Registrations {
    private final RegistrationStatus status;

    public Registrations(RegistrationStatus status) {
        this.status = status;
    }

    /** "Online · contact" or "Offline" for a user name, as the list pages show it. */
    public Function<String, String> text() {
        return user ->
                status.lookup(user).map(reg -> "Online · " + reg.contact()).orElse("Offline");
    }

    /** Adds {@code status} (online/offline) and, when registered, address, user agent and expiry to {@code n}. */
    public void put(ObjectNode n, String user) {
        var registration = status.lookup(user);
        n.put("status", registration.isPresent() ? "online" : "offline");
        registration.ifPresent(reg -> n.put("address", reg.contact())
                .put("userAgent", reg.userAgent())
                .put("expires", reg.expires().toString()));
    }

    /** Why no status can be shown (the SIP server is not running), if so. */
    public java.util.Optional<String> unavailableReason() {
        return status.unavailableReason();
    }
}

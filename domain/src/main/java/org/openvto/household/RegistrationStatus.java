package org.openvto.household;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a device's registration state comes from: the building SIP server when this VTO runs one.
 * "Refresh" on Room No. Management asks this for every row.
 */
public interface RegistrationStatus {
    /** The live registration of the SIP user {@code user} (e.g. {@code 101#0} or {@code 8002}), if any. */
    Optional<Registration> lookup(String user);

    /** A short reason shown when nothing is registered because no SIP server runs here; empty if one does. */
    Optional<String> unavailableReason();

    /** The VTO's own registration with the SIP server (not applicable unless the app runs one). */
    default org.openvto.call.OwnRegistration own() {
        return org.openvto.call.OwnRegistration.notApplicable("the VTO does not register");
    }

    /** One registered contact. */
    record Registration(String contact, String userAgent, Instant expires) {}

    /** Used while this VTO runs no SIP server: every device is offline, with the reason. */
    static RegistrationStatus none(String reason) {
        return new RegistrationStatus() {
            @Override
            public Optional<Registration> lookup(String user) {
                return Optional.empty();
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.of(reason);
            }
        };
    }
}

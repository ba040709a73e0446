package org.openvto.call;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the VTO's own registration with the building SIP server stands (Quick Start Guide 4.2.5: the SIP server
 * itself is in the VTO list too; Network Setting › SIP Server: the main VTO): shown on the SIP Server page, in its
 * API and raised as {@link RegistrationChanged}.
 *
 * @param state what it is doing
 * @param reason why it failed or does not apply; empty when registered or registering
 * @param server where it registers ({@code 127.0.0.1:5060}); empty when not applicable
 * @param until the binding's expiry when registered, the next try when failed; null otherwise
 */
public record OwnRegistration(State state, String reason, String server, Instant until) {
    public enum State {
        REGISTERING,
        REGISTERED,
        FAILED,
        NOT_APPLICABLE;

        /** {@code not-applicable}: the form used in the API and topics. */
        public String token() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public OwnRegistration {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        server = server == null ? "" : server;
    }

    public static OwnRegistration notApplicable(String why) {
        return new OwnRegistration(State.NOT_APPLICABLE, why, "", null);
    }
}

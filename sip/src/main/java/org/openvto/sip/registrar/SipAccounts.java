package org.openvto.sip.registrar;

import java.util.Optional;

/** The SIP accounts of the building: user (e.g. {@code 101#0}, {@code 8002}) → register password. Thread-safe. */
@FunctionalInterface
public interface SipAccounts {
    Optional<String> password(String user);
}

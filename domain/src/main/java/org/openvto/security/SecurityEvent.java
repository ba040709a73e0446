package org.openvto.security;

import org.openvto.event.Event;

/** Security-relevant facts published on the bus; the security log persists every one of them. */
public sealed interface SecurityEvent extends Event {
    String username();

    /** Source of the attempt: an IP address, or {@code cli} for the command line. */
    String source();

    /** Short human-readable detail for the log. */
    String detail();

    record DeviceInitialized(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/device/initialized";
        }
    }

    record LoginSucceeded(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/login/succeeded";
        }
    }

    record LoginFailed(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/login/failed";
        }
    }

    record LoginLocked(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/login/locked";
        }
    }

    record LoggedOut(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/logout";
        }
    }

    record PasswordChanged(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/password/changed";
        }
    }

    /** SIP digest refused an account from one source address after repeated wrong passwords (published by the SIP server). */
    record SipLocked(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/sip/locked";
        }
    }

    /** The SIP server ignores a source address that flooded it with unauthenticated requests; no user name. */
    record SipBanned(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/sip/banned";
        }
    }

    /** A configuration area was saved (console, API or import): who, from where, and a short what, never a secret. */
    record ConfigurationChanged(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/config/changed";
        }
    }

    /** Local Setting › System › Reboot, or {@code POST /api/v1/system/reboot}. */
    record SystemRebooted(String username, String source, String detail) implements SecurityEvent {
        @Override
        public String topic() {
            return "security/system/reboot";
        }
    }
}

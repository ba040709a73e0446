package org.openvto.security;

import java.time.Duration;
import org.openvto.config.ConfigChecks;

/**
 * Account-security settings (Quick Start Guide Appendix 1, item 4 "Enable Account Lock").
 *
 * @param lockoutThreshold   failed attempts that lock the account and the source IP ({@code security.lockout-threshold})
 * @param lockoutDuration    how long a lock lasts ({@code security.lockout-minutes})
 * @param failureDelay       pause before answering a failed attempt ({@code security.failure-delay-ms})
 * @param sessionIdleTimeout web session expiry without activity ({@code security.session-idle-minutes})
 * @param nonceLifetime      lifetime of a Digest nonce ({@code security.digest-nonce-seconds})
 */
public record SecurityConfig(
        int lockoutThreshold,
        Duration lockoutDuration,
        Duration failureDelay,
        Duration sessionIdleTimeout,
        Duration nonceLifetime) {

    public SecurityConfig {
        ConfigChecks.inRange("security.lockout-threshold", lockoutThreshold, 1, 100);
        ConfigChecks.inRange("security.lockout-minutes", (int) lockoutDuration.toMinutes(), 1, 1440);
        ConfigChecks.inRange("security.failure-delay-ms", (int) failureDelay.toMillis(), 0, 10_000);
        ConfigChecks.inRange("security.session-idle-minutes", (int) sessionIdleTimeout.toMinutes(), 1, 1440);
        ConfigChecks.inRange("security.digest-nonce-seconds", (int) nonceLifetime.toSeconds(), 10, 3600);
    }
}

package org.openvto.centre.syslog;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;

/**
 * Where remote syslog goes and how (keys {@code centre.syslog.*}). Checked on construction: each problem is a
 * {@link ConfigException} naming the key. Immutable.
 *
 * @param host      the collector: an IP address or a host name ({@code centre.syslog.host})
 * @param port      its port ({@code centre.syslog.port}; 514 is the usual one for both transports)
 * @param transport {@code udp} (RFC 5426) or {@code tcp} (RFC 6587 octet counting) ({@code centre.syslog.transport})
 * @param facility  0–23 (RFC 5424 Table 1; {@link #facility(String)} reads names such as {@code local0})
 *                  ({@code centre.syslog.facility})
 * @param maxSize   the largest message sent, in bytes, {@value #MIN_SIZE}–{@value #MAX_SIZE}: a longer one is cut
 *                  at the end of its MSG (RFC 5424 §6.1, RFC 5426 §3.2); 480 is what every IPv4 receiver must
 *                  take, 2048 what it should ({@code centre.syslog.max-size})
 * @param timeout   the most one TCP attempt takes, connecting included ({@code centre.syslog.timeout-ms},
 *                  100–60,000 ms); a UDP send does not wait
 */
public record SyslogConfig(String host, int port, Transport transport, int facility, int maxSize, Duration timeout) {
    public static final int MIN_SIZE = 480;
    public static final int MAX_SIZE = 65_000;

    /** The two transports. */
    public enum Transport {
        /** RFC 5426: one message per datagram, nothing acknowledged. */
        UDP,
        /** RFC 6587 §3.4.1 octet counting over one kept connection. */
        TCP;

        /** {@code udp} / {@code tcp}, any case; the key for the message when it is neither. */
        public static Transport parse(String key, String value) {
            return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
                case "udp" -> UDP;
                case "tcp" -> TCP;
                default -> throw new ConfigException(key, "must be udp or tcp (was \"" + value + "\")");
            };
        }
    }

    /** RFC 5424 Table 1, by the names syslog daemons use; the index is the facility's number. */
    private static final List<String> FACILITIES = List.of(
            "kern",
            "user",
            "mail",
            "daemon",
            "auth",
            "syslog",
            "lpr",
            "news",
            "uucp",
            "cron",
            "authpriv",
            "ftp",
            "ntp",
            "audit",
            "alert",
            "clock",
            "local0",
            "local1",
            "local2",
            "local3",
            "local4",
            "local5",
            "local6",
            "local7");

    public SyslogConfig {
        ConfigChecks.notBlank("centre.syslog.host", host);
        host = host.strip();
        if (host.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConfigException("centre.syslog.host", "must be an address or a host name (was \"" + host + "\")");
        }
        ConfigChecks.port("centre.syslog.port", port);
        if (transport == null) {
            throw new ConfigException("centre.syslog.transport", "must be udp or tcp");
        }
        ConfigChecks.inRange("centre.syslog.facility", facility, 0, 23);
        ConfigChecks.inRange("centre.syslog.max-size", maxSize, MIN_SIZE, MAX_SIZE);
        if (timeout == null) {
            throw new ConfigException("centre.syslog.timeout-ms", "must not be empty");
        }
        ConfigChecks.inRange(
                "centre.syslog.timeout-ms", (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE), 100, 60_000);
    }

    /** From the configuration's text values ({@code transport} and {@code facility} by name). */
    public static SyslogConfig of(
            String host, int port, String transport, String facility, int maxSize, int timeoutMs) {
        return new SyslogConfig(
                host,
                port,
                Transport.parse("centre.syslog.transport", transport),
                facility(facility),
                maxSize,
                Duration.ofMillis(timeoutMs));
    }

    /** A facility by name ({@code local0}, {@code auth}, any case) or number ({@code 16}). */
    public static int facility(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        int named = FACILITIES.indexOf(v);
        if (named >= 0) {
            return named;
        }
        try {
            return ConfigChecks.inRange("centre.syslog.facility", Integer.parseInt(v), 0, 23);
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    "centre.syslog.facility",
                    "must be a facility name (local0…local7, auth, daemon, …) or 0–23 (was \"" + value + "\")");
        }
    }
}

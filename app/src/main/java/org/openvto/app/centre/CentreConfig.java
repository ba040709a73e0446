package org.openvto.app.centre;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openvto.centre.CentreDestination;
import org.openvto.centre.syslog.SyslogConfig;
import org.openvto.centre.syslog.SyslogDestination;
import org.openvto.centre.webhook.WebhookConfig;
import org.openvto.centre.webhook.WebhookDestination;
import org.openvto.sip.server.SipServer;

/**
 * The management centre's destinations ({@code centre.*} in defaults.yaml): SIP MESSAGE to the centre number when
 * enabled, an HTTP webhook when a URL is set, remote syslog when a host is set. Each present destination's own
 * config record checks its keys (errors name the key) when this is read at start-up. A failed delivery is retried
 * after 1 s, doubling up to {@code maxBackOff}.
 */
public record CentreConfig(
        Optional<SipCentreDestination.Config> sip,
        Optional<WebhookConfig> webhook,
        Optional<SyslogConfig> syslog,
        java.time.Duration maxBackOff) {
    public CentreConfig {
        org.openvto.config.ConfigChecks.inRange(
                "centre.max-backoff-seconds", (int) Math.min(Integer.MAX_VALUE, maxBackOff.toSeconds()), 1, 3600);
    }

    /** The destinations, in a stable order; each is {@link AutoCloseable} where it holds connections. */
    public List<CentreDestination> destinations(
            Supplier<Optional<SipServer>> sipServer, Supplier<String> vtoAddress, String hostname, Clock clock) {
        List<CentreDestination> out = new ArrayList<>();
        sip.ifPresent(c -> out.add(new SipCentreDestination(c, sipServer, vtoAddress)));
        webhook.ifPresent(c -> out.add(new WebhookDestination(c, clock)));
        syslog.ifPresent(c -> out.add(new SyslogDestination(c, hostname)));
        return out;
    }
}

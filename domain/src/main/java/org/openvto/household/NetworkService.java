package org.openvto.household;

import java.util.EnumSet;
import java.util.Set;
import org.openvto.network.NetworkSettings;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * Network Setting › Basic (Quick Start Guide 4.2.3): the TCP/IP address, mask, gateway, DNS and service ports.
 * Thread-safe; changes are serialised with every other installer change.
 */
public final class NetworkService {
    private final InstallationContext ctx;

    NetworkService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    /** The stored settings, or the configuration file's factory values before the first save. */
    public NetworkSettings current() {
        return ctx.network();
    }

    /** Saves, or rejects with field errors and writes nothing; the change names the services on moved ports. */
    public Result<Change> update(NetworkSettings n) {
        return ctx.locked(() -> {
            Violations v = new Violations();
            InstallationRules.checkNetwork(v, n);
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            NetworkSettings old = ctx.network();
            ctx.settings.putAll(NetworkKeys.write(n));
            return ctx.changed("network", restarts(old, n), RecordDiff.of(old, n));
        });
    }

    /** A service restarts when its port or the address it listens on changes. */
    private static Set<Service> restarts(NetworkSettings old, NetworkSettings n) {
        boolean moved = !n.ipAddress().equals(old.ipAddress());
        Set<Service> restart = EnumSet.noneOf(Service.class);
        if (moved || n.httpPort() != old.httpPort()) {
            restart.add(Service.HTTP);
        }
        if (n.httpsPort() != old.httpsPort()) {
            restart.add(Service.HTTPS);
        }
        if (moved || n.rtspPort() != old.rtspPort()) {
            restart.add(Service.RTSP);
        }
        if (moved || n.sipPort() != old.sipPort()) {
            restart.add(Service.SIP);
        }
        return restart;
    }
}

package org.openvto.web.internal.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.NetworkService;
import org.openvto.web.HostAddresses;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;

/** {@code /api/v1/network}: Network Setting › Basic, and whether this host has the stored address. */
public final class NetworkApi {
    private final NetworkService network;
    private final HostAddresses hostAddresses;

    public NetworkApi(NetworkService network, HostAddresses hostAddresses) {
        this.network = network;
        this.hostAddresses = hostAddresses;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/network", ctx -> Json.send(ctx, 200, json()));
        routes.put("/api/v1/network", ctx -> {
            var n = ConfigurationFile.network(Json.body(ctx), ApiResults.reader(ctx), network.current());
            ApiResults.apply(ctx, () -> network.update(n), this::json);
        });
    }

    private ObjectNode json() {
        ObjectNode n = ConfigurationFile.network(network.current());
        n.put("hostHasAddress", hostAddresses.isLocal(network.current().ipAddress()));
        return n;
    }
}

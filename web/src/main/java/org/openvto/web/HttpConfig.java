package org.openvto.web;

import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;

/**
 * The web console / API listener.
 *
 * @param bindAddress   address to listen on ({@code http.bind-address}); only there — never all interfaces
 *                      unless configured so
 * @param port          TCP port ({@code http.port}, default 8080 so no root is needed)
 * @param metricsPublic whether {@code /metrics} is readable without authentication ({@code http.metrics-public})
 */
public record HttpConfig(String bindAddress, int port, boolean metricsPublic) {
    public HttpConfig {
        ConfigChecks.notBlank("http.bind-address", bindAddress);
        if (!bindAddress.matches("[0-9A-Fa-f:.]+|localhost")) {
            throw new ConfigException("http.bind-address", "must be an IPv4/IPv6 address (was " + bindAddress + ")");
        }
        ConfigChecks.port("http.port", port);
    }
}

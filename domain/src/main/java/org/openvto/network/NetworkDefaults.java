package org.openvto.network;

import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;

/**
 * Factory TCP/IP settings from the configuration file ({@code network.*}), shown until the installer
 * saves Network Setting › Basic. The HTTP port comes from {@code http.port}.
 */
public record NetworkDefaults(NetworkSettings settings) {
    public NetworkDefaults {
        if (!Ipv4.validHost(settings.ipAddress())) {
            throw new ConfigException(
                    "network.ip-address", "must be an IPv4 host address (was " + settings.ipAddress() + ")");
        }
        if (!Ipv4.validMask(settings.subnetMask())) {
            throw new ConfigException(
                    "network.subnet-mask", "must be a subnet mask (was " + settings.subnetMask() + ")");
        }
        if (!Ipv4.valid(settings.gateway())) {
            throw new ConfigException("network.gateway", "must be an IPv4 address (was " + settings.gateway() + ")");
        }
        if (!Ipv4.valid(settings.dns())) {
            throw new ConfigException("network.dns", "must be an IPv4 address (was " + settings.dns() + ")");
        }
        ConfigChecks.port("network.https-port", settings.httpsPort());
        ConfigChecks.port("network.rtsp-port", settings.rtspPort());
        ConfigChecks.port("network.sip-port", settings.sipPort());
    }
}

package org.openvto.app.video;

import org.openvto.config.ConfigChecks;

/**
 * The {@code rtsp.*} keys of the configuration file (documented in defaults.yaml). The RTSP port itself is the
 * TCP/IP page's; the stream limit is Video &amp; Audio's.
 */
public record RtspConfig(
        int rtpPort, int sessionTimeoutSeconds, int maxConnections, boolean digestQop, boolean basicAuth) {
    public RtspConfig {
        if (rtpPort != 0) {
            ConfigChecks.port("rtsp.rtp-port", rtpPort);
            if (rtpPort % 2 != 0 || rtpPort > 65_534) {
                throw new org.openvto.config.ConfigException(
                        "rtsp.rtp-port", "must be even (RTCP uses the next port), or 0");
            }
        }
        ConfigChecks.inRange("rtsp.session-timeout-seconds", sessionTimeoutSeconds, 10, 3600);
        ConfigChecks.inRange("rtsp.max-connections", maxConnections, 1, 1024);
    }
}

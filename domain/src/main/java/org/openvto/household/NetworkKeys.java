package org.openvto.household;

import java.util.Map;
import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;
import org.openvto.network.NetworkDefaults;
import org.openvto.network.NetworkSettings;

/** The settings of Network Setting › Basic: each key named once, read and written here. */
final class NetworkKeys {
    static final SettingKey IP_ADDRESS = SettingKey.plain("network.ip-address");
    static final SettingKey SUBNET_MASK = SettingKey.plain("network.subnet-mask");
    static final SettingKey GATEWAY = SettingKey.plain("network.gateway");
    static final SettingKey DNS = SettingKey.plain("network.dns");
    static final SettingKey HTTP_PORT = SettingKey.plain("network.http-port");
    static final SettingKey HTTPS_PORT = SettingKey.plain("network.https-port");
    static final SettingKey RTSP_PORT = SettingKey.plain("network.rtsp-port");
    static final SettingKey SIP_PORT = SettingKey.plain("network.sip-port");

    private NetworkKeys() {}

    /** The stored settings, each falling back to the configuration file's factory value. */
    static NetworkSettings read(SettingsStore s, NetworkDefaults defaults, int defaultHttpPort) {
        NetworkSettings d = defaults.settings();
        return new NetworkSettings(
                s.get(IP_ADDRESS).orElse(d.ipAddress()),
                s.get(SUBNET_MASK).orElse(d.subnetMask()),
                s.get(GATEWAY).orElse(d.gateway()),
                s.get(DNS).orElse(d.dns()),
                Strings.integer(s, HTTP_PORT, defaultHttpPort),
                Strings.integer(s, HTTPS_PORT, d.httpsPort()),
                Strings.integer(s, RTSP_PORT, d.rtspPort()),
                Strings.integer(s, SIP_PORT, d.sipPort()));
    }

    static Map<SettingKey, String> write(NetworkSettings n) {
        return Map.of(
                IP_ADDRESS, n.ipAddress(),
                SUBNET_MASK, n.subnetMask(),
                GATEWAY, n.gateway(),
                DNS, n.dns(),
                HTTP_PORT, String.valueOf(n.httpPort()),
                HTTPS_PORT, String.valueOf(n.httpsPort()),
                RTSP_PORT, String.valueOf(n.rtspPort()),
                SIP_PORT, String.valueOf(n.sipPort()));
    }
}

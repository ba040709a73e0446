package org.openvto.household;

import java.util.HashMap;
import java.util.Map;
import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;

/**
 * The settings of Network Setting › SIP Server: each key named once, read and written here. The four
 * passwords are {@linkplain SettingKey#secret() secret}: the store seals them at rest.
 */
final class SipServerKeys {
    static final SettingKey ENABLED = SettingKey.plain("sip.enabled");
    static final SettingKey TYPE = SettingKey.plain("sip.type");
    static final SettingKey IP_ADDRESS = SettingKey.plain("sip.ip-address");
    static final SettingKey PORT = SettingKey.plain("sip.port");
    static final SettingKey USERNAME = SettingKey.plain("sip.username");
    static final SettingKey PASSWORD = SettingKey.secret("sip.password");
    static final SettingKey DOMAIN = SettingKey.plain("sip.domain");
    static final SettingKey LOGIN_USERNAME = SettingKey.plain("sip.login-username");
    static final SettingKey LOGIN_PASSWORD = SettingKey.secret("sip.login-password");
    static final SettingKey ALT_IP_ADDRESS = SettingKey.plain("sip.alt-ip-address");
    static final SettingKey ALT_USERNAME = SettingKey.plain("sip.alt-username");
    static final SettingKey ALT_PASSWORD = SettingKey.secret("sip.alt-password");
    static final SettingKey ALT_VTS_IP_ADDRESS = SettingKey.plain("sip.alt-vts-ip-address");
    static final SettingKey ALT_ENABLED = SettingKey.plain("sip.alt-enabled");
    static final SettingKey SUPPORT_BUILDING = SettingKey.plain("sip.support-building");
    static final SettingKey SUPPORT_UNIT = SettingKey.plain("sip.support-unit");
    static final SettingKey CENTRE_PASSWORD = SettingKey.secret("sip.centre-password");

    private SipServerKeys() {}

    /** The stored settings; a new VTO is its own (disabled) SIP server of type VTO in domain {@code VDP}. */
    static SipServerSettings read(SettingsStore s) {
        ServerType type = s.get(TYPE).flatMap(ServerType::parse).orElse(ServerType.VTO);
        return SipServerSettings.builder()
                .enabled(bool(s, ENABLED))
                .type(type)
                .ipAddress(s.get(IP_ADDRESS).orElse(""))
                .port(Strings.integer(s, PORT, type.defaultPort()))
                .username(s.get(USERNAME).orElse(""))
                .password(s.get(PASSWORD).orElse(""))
                .domain(s.get(DOMAIN).orElse(type == ServerType.VTO ? "VDP" : ""))
                .loginUsername(s.get(LOGIN_USERNAME).orElse(""))
                .loginPassword(s.get(LOGIN_PASSWORD).orElse(""))
                .altIpAddress(s.get(ALT_IP_ADDRESS).orElse(""))
                .altUsername(s.get(ALT_USERNAME).orElse(""))
                .altPassword(s.get(ALT_PASSWORD).orElse(""))
                .altVtsIpAddress(s.get(ALT_VTS_IP_ADDRESS).orElse(""))
                .altEnabled(bool(s, ALT_ENABLED))
                .supportBuilding(bool(s, SUPPORT_BUILDING))
                .supportUnit(bool(s, SUPPORT_UNIT))
                .centrePassword(s.get(CENTRE_PASSWORD).orElse(""))
                .build();
    }

    static Map<SettingKey, String> write(SipServerSettings s) {
        Map<SettingKey, String> m = new HashMap<>();
        m.put(ENABLED, String.valueOf(s.enabled()));
        m.put(TYPE, s.type().name());
        m.put(IP_ADDRESS, Strings.nz(s.ipAddress()));
        m.put(PORT, String.valueOf(s.port()));
        m.put(USERNAME, Strings.nz(s.username()));
        m.put(PASSWORD, Strings.nz(s.password()));
        m.put(DOMAIN, Strings.nz(s.domain()));
        m.put(LOGIN_USERNAME, Strings.nz(s.loginUsername()));
        m.put(LOGIN_PASSWORD, Strings.nz(s.loginPassword()));
        m.put(ALT_IP_ADDRESS, Strings.nz(s.altIpAddress()));
        m.put(ALT_USERNAME, Strings.nz(s.altUsername()));
        m.put(ALT_PASSWORD, Strings.nz(s.altPassword()));
        m.put(ALT_VTS_IP_ADDRESS, Strings.nz(s.altVtsIpAddress()));
        m.put(ALT_ENABLED, String.valueOf(s.altEnabled()));
        m.put(SUPPORT_BUILDING, String.valueOf(s.supportBuilding()));
        m.put(SUPPORT_UNIT, String.valueOf(s.supportUnit()));
        m.put(CENTRE_PASSWORD, Strings.nz(s.centrePassword()));
        return m;
    }

    private static boolean bool(SettingsStore s, SettingKey key) {
        return s.get(key).map(Boolean::parseBoolean).orElse(false);
    }
}

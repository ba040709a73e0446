package org.openvto.device;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The device's identity: model and firmware from the build, serial number generated once and kept,
 * VTO number and name from the settings. Thread-safe.
 */
public final class DeviceService {
    /** Settings keys owned by this service. */
    public static final SettingKey SERIAL = SettingKey.plain("device.serial");

    public static final SettingKey VTO_NUMBER = SettingKey.plain("device.vto-number");
    public static final SettingKey NAME = SettingKey.plain("device.name");
    /** The model the installer chose on the Façade Layout page; until then {@code device.model} of the file. */
    public static final SettingKey MODEL = SettingKey.plain("device.model");
    /** The VTO No. of a new Dahua VTO. */
    public static final String DEFAULT_VTO_NUMBER = "8001";

    private final SettingsStore settings;
    private final DeviceConfig config;
    private final String firmwareVersion;
    private final String buildDate;
    private final String serial;

    public DeviceService(SettingsStore settings, DeviceConfig config, String firmwareVersion, String buildDate) {
        this.settings = settings;
        this.config = config;
        this.firmwareVersion = firmwareVersion;
        this.buildDate = buildDate;
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.serial = settings.putIfAbsent(
                SERIAL, "OV" + HexFormat.of().formatHex(random).toUpperCase(Locale.ROOT));
    }

    public DeviceIdentity identity() {
        return new DeviceIdentity(
                settings.get(MODEL).orElse(config.model()),
                serial,
                settings.get(VTO_NUMBER).orElse(DEFAULT_VTO_NUMBER),
                settings.get(NAME).orElse(config.defaultName()),
                firmwareVersion,
                buildDate);
    }

    /** The HTTP Digest realm Dahua devices use: {@code Login to <serial>}. */
    public String digestRealm() {
        return "Login to " + serial;
    }
}

package org.openvto.household;

import java.util.Map;
import org.openvto.device.DeviceProperties;
import org.openvto.device.DeviceService;
import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;
import org.openvto.device.SystemType;

/** The settings of Local Setting › Basic › Device Properties: each key named once, read and written here. */
final class DeviceKeys {
    static final SettingKey NAME = DeviceService.NAME;
    static final SettingKey VTO_NUMBER = DeviceService.VTO_NUMBER;
    static final SettingKey SYSTEM_TYPE = SettingKey.plain("device.system-type");
    static final SettingKey BUILDING_NO = SettingKey.plain("device.building-no");
    static final SettingKey UNIT_NO = SettingKey.plain("device.unit-no");

    private DeviceKeys() {}

    /** The stored properties; a new VTO is analogue with VTO No. 8001 and the configured name. */
    static DeviceProperties read(SettingsStore s, String defaultName) {
        return new DeviceProperties(
                s.get(NAME).orElse(defaultName),
                s.get(VTO_NUMBER).orElse(DeviceService.DEFAULT_VTO_NUMBER),
                s.get(SYSTEM_TYPE).flatMap(SystemType::parse).orElse(SystemType.ANALOG),
                s.get(BUILDING_NO).orElse(""),
                s.get(UNIT_NO).orElse(""));
    }

    static Map<SettingKey, String> write(DeviceProperties p) {
        return Map.of(
                NAME, p.deviceName(),
                VTO_NUMBER, p.vtoNumber(),
                SYSTEM_TYPE, p.systemType().name(),
                BUILDING_NO, Strings.nz(p.buildingNo()),
                UNIT_NO, Strings.nz(p.unitNo()));
    }
}

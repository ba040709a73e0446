package org.openvto.device;

import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;

/**
 * Fixed facts of this installation from the configuration file.
 *
 * @param model the model string the device reports ({@code device.model}); must start with {@code VTO}
 *              because Dahua-compatible clients only treat such devices as door stations
 */
public record DeviceConfig(String model, String defaultName) {
    public DeviceConfig {
        ConfigChecks.notBlank("device.model", model);
        if (!model.startsWith("VTO") && !model.startsWith("DH-VTO") && !model.startsWith("DHI-VTO")) {
            throw new ConfigException("device.model", "must start with VTO, DH-VTO or DHI-VTO (was " + model + ")");
        }
        ConfigChecks.notBlank("device.name", defaultName);
    }
}

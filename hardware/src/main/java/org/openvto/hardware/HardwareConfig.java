package org.openvto.hardware;

import org.openvto.config.ConfigException;
import org.openvto.hardware.linux.LinuxHardwareConfig;

/**
 * Section {@code hardware} of the defaults file: which drivers run the façade, and the Linux wiring.
 *
 * @param driver {@code simulated} or {@code linux} ({@code hardware.driver})
 * @param linux  the lines and readers, used when {@code driver} is {@code linux}
 */
public record HardwareConfig(String driver, LinuxHardwareConfig linux) {
    public HardwareConfig {
        if (!driver.equals("simulated") && !driver.equals("linux")) {
            throw new ConfigException("hardware.driver", "must be simulated or linux (was " + driver + ")");
        }
    }

    public boolean linuxDrivers() {
        return driver.equals("linux");
    }
}

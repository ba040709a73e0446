package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvto.config.ConfigException;

class OpenVtoConfigTest {
    @Test
    void aPcRunsEveryModuleSimulatedWithNothingWired() {
        OpenVtoConfig c = OpenVtoConfig.load(null, Map.of(), 0);
        assertThat(c.hardware().linuxDrivers()).isFalse();
        assertThat(c.hardware().linux().lock1().wired()).isFalse();
        assertThat(c.hardware().linux().wiegand().wired()).isFalse();
        assertThat(c.hardware().linux().hid().wired()).isFalse();
    }

    @Test
    void theLinuxWiringComesFromTheKeysAndABadOneIsNamed() {
        OpenVtoConfig c = OpenVtoConfig.load(
                null,
                Map.of(
                        "OPENVTO_HARDWARE_DRIVER", "linux",
                        "OPENVTO_HARDWARE_GPIO_LOCK1_LINE", "17",
                        "OPENVTO_HARDWARE_GPIO_DOOR_SENSOR_LINE", "27",
                        "OPENVTO_HARDWARE_GPIO_DOOR_SENSOR_CONTACT", "nc"),
                0);
        assertThat(c.hardware().linuxDrivers()).isTrue();
        assertThat(c.hardware().linux().lock1().line()).isEqualTo(17);
        assertThat(c.hardware().linux().doorSensor().contact()).isEqualTo("nc");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_HARDWARE_DRIVER", "arduino"), 0))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("hardware.driver");
        assertThatThrownBy(() -> OpenVtoConfig.load(
                        null,
                        Map.of("OPENVTO_HARDWARE_GPIO_TAMPER_LINE", "17", "OPENVTO_HARDWARE_GPIO_LOCK1_LINE", "17"),
                        0))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("hardware.gpio");
    }
}

package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The real system calls, as far as a machine without a GPIO chip can run them. */
class JnaGpioChipTest {
    @Test
    void aMissingChipIsAnIOExceptionNamingThePathAndTheError() {
        assertThatThrownBy(() -> JnaGpioChip.open("/dev/gpiochip-openvto-absent"))
                .isInstanceOf(IOException.class)
                .hasMessage("/dev/gpiochip-openvto-absent: open: No such file or directory");
    }

    @Test
    void aFileThatIsNotAChipRefusesTheLineRequest() throws IOException {
        try (GpioChip chip = JnaGpioChip.open("/dev/null")) {
            assertThatThrownBy(() -> chip.requestInput(
                            new int[] {0}, new GpioChip.LineSettings(false, LineConfig.Bias.AS_IS, 0)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("/dev/null: request lines [0]: ");
        }
    }
}

package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openvto.facade.io.KeypadKey;

class KeypadEntryTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final KeypadEntry entry = new KeypadEntry();

    private KeypadEntry.Step type(String keys, Instant at) {
        KeypadEntry.Step last = null;
        for (char c : keys.toCharArray()) {
            last = entry.key(KeypadKey.of(c).orElseThrow(), at);
        }
        return last;
    }

    @Test
    void hashDigitsHashIsAPassword() {
        assertThat(type("#123456#", T0)).isEqualTo(new KeypadEntry.Step.Complete("123456"));
        assertThat(entry.entering()).isFalse();
    }

    @Test
    void digitsWithoutALeadingHashAreARoomNumberAndNotAPassword() {
        assertThat(type("101", T0)).isEqualTo(new KeypadEntry.Step.Idle());
    }

    @Test
    void theDisplayShowsOneStarPerDigit() {
        type("#12", T0);
        assertThat(entry.masked()).contains("**");
    }

    @Test
    void starCancelsAndAPauseLongerThanTenSecondsStartsOver() {
        type("#12*", T0);
        assertThat(entry.entering()).isFalse();
        type("#12", T0);
        assertThat(entry.key(KeypadKey.HASH, T0.plus(Duration.ofSeconds(10))))
                .isEqualTo(new KeypadEntry.Step.Complete("12"));
        type("#12", T0);
        assertThat(entry.key(KeypadKey.HASH, T0.plus(Duration.ofMillis(10_001))))
                .as("the old entry timed out: this # starts a new one")
                .isEqualTo(new KeypadEntry.Step.Typing(0));
    }
}

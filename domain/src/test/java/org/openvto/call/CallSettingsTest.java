package org.openvto.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openvto.config.ConfigException;

class CallSettingsTest {
    @Test
    void theDefaultsAreThirtySecondsToRingTwoMinutesToTalkOneToMonitorAndTheCentreIs888888() {
        assertThat(CallSettings.DEFAULTS)
                .isEqualTo(new CallSettings(
                        Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(60), "888888"));
    }

    @Test
    void eachValueOutOfRangeNamesItsKey() {
        Duration ok = Duration.ofSeconds(60);
        assertKey(() -> new CallSettings(Duration.ofSeconds(4), ok, ok, "888888"), "call.ring-timeout-seconds");
        assertKey(() -> new CallSettings(Duration.ofSeconds(121), ok, ok, "888888"), "call.ring-timeout-seconds");
        assertKey(() -> new CallSettings(ok, Duration.ofSeconds(9), ok, "888888"), "call.talk-time-seconds");
        assertKey(() -> new CallSettings(ok, Duration.ofSeconds(1801), ok, "888888"), "call.talk-time-seconds");
        assertKey(() -> new CallSettings(ok, ok, Duration.ofSeconds(601), "888888"), "call.monitor-time-seconds");
        assertKey(() -> new CallSettings(ok, ok, Duration.ofMillis(30_500), "888888"), "call.monitor-time-seconds");
        assertKey(() -> new CallSettings(null, ok, ok, "888888"), "call.ring-timeout-seconds");
        assertKey(() -> new CallSettings(ok, ok, ok, "88 88"), "call.centre-number");
        assertKey(() -> new CallSettings(ok, ok, ok, ""), "call.centre-number");
        assertThat(new CallSettings(Duration.ofSeconds(5), Duration.ofSeconds(1800), Duration.ofSeconds(10), "9"))
                .as("the bounds themselves")
                .isNotNull();
    }

    private static void assertKey(Runnable create, String key) {
        assertThatThrownBy(create::run)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }
}

package org.openvto.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.testkit.ManualClock;

/** The location service finds every registered device of a room for a group call, and only those. */
class LocationServiceTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LocationService locations = new LocationService(
            new BindingStore() {
                @Override
                public List<Binding> loadAll() {
                    return List.of(binding("101#1", 60));
                }

                @Override
                public void replace(String user, List<Binding> bindings) {}
            },
            clock);

    private Binding binding(String user, int seconds) {
        return new Binding(
                user,
                "sip:" + user.replace("#", "%23") + "@10.0.0.2",
                "10.0.0.2:5060",
                "UDP",
                null,
                "c",
                1,
                clock.instant().plusSeconds(seconds),
                null);
    }

    @Test
    void unregisteredAndExpiredDevicesAreNotCalled() {
        locations.replace("101#0", List.of(binding("101#0", 600)));
        locations.replace("101#2", List.of(binding("101#2", 60)));
        locations.replace("101#0", List.of()); // un-REGISTER
        clock.advance(Duration.ofSeconds(61)); // 101#1 (loaded) and 101#2 lapse
        for (String device : List.of("101#0", "101#1", "101#2", "999#0")) {
            assertThat(locations.lookup(device)).as(device).isEmpty();
        }
    }
}

package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.hardware.linux.TestEnv.ms;

import org.junit.jupiter.api.Test;

class DebouncerTest {
    private final Debouncer d = new Debouncer(ms(20), false);

    @Test
    void bouncesWithinTheWindowAreOneChangeStampedAtTheFirstEdge() {
        assertThat(d.edge(true, ms(100))).isEmpty();
        assertThat(d.edge(false, ms(101))).isEmpty();
        assertThat(d.edge(true, ms(103))).isEmpty();

        assertThat(d.settle()).contains(new Debouncer.Change(true, ms(100)));
        assertThat(d.level()).isTrue();
    }

    @Test
    void theNextEdgeAfterAQuietWindowConfirmsThePendingChange() {
        d.edge(true, ms(100));
        d.edge(false, ms(105));
        d.edge(true, ms(110));

        assertThat(d.edge(false, ms(131))).contains(new Debouncer.Change(true, ms(100)));
        assertThat(d.settle()).contains(new Debouncer.Change(false, ms(131)));
    }

    @Test
    void aGlitchThatReturnsWithinTheWindowIsNoChange() {
        d.edge(true, ms(100));
        d.edge(false, ms(100.5));

        assertThat(d.settle()).isEmpty();
        assertThat(d.level()).isFalse();
    }

    @Test
    void aRealChangeAfterTheWindowIsKept() {
        d.edge(true, ms(100));
        d.settle();
        assertThat(d.edge(false, ms(500))).isEmpty();
        assertThat(d.settle()).contains(new Debouncer.Change(false, ms(500)));
    }

    @Test
    void withoutAWindowEveryChangeIsImmediateAndRepeatsAreIgnored() {
        Debouncer none = new Debouncer(0, false);
        assertThat(none.edge(true, 5)).contains(new Debouncer.Change(true, 5));
        assertThat(none.edge(true, 6)).isEmpty();
        assertThat(none.edge(false, 7)).contains(new Debouncer.Change(false, 7));
    }

    @Test
    void aClockStepBackwardsEndsTheBurst() {
        d.edge(true, ms(100));
        assertThat(d.edge(false, ms(50))).contains(new Debouncer.Change(true, ms(100)));
    }
}

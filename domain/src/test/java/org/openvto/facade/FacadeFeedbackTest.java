package org.openvto.facade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.RecordingOutputs;
import org.openvto.testkit.ManualScheduler;

class FacadeFeedbackTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final EventBus bus = new EventBus();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingOutputs outputs = new RecordingOutputs();
    private final FacadeFeedback feedback = new FacadeFeedback(
            bus,
            outputs,
            scheduler,
            Duration.ofSeconds(30),
            () -> List.of(new FacadeFeedback.Resident("101", "Ann"), new FacadeFeedback.Resident("102", "")));

    @Test
    void theDisplayStartsOnTheUserDirectoryAndTheSelectionButtonsScrollItRoundTheEnds() {
        assertThat(outputs.display).containsExactly("101 · Ann", "1 / 2");
        bus.publish(new FacadeEvent.KeypadPressed(KeypadKey.NEXT, T0));
        assertThat(outputs.display).containsExactly("102", "2 / 2");
        bus.publish(new FacadeEvent.KeypadPressed(KeypadKey.NEXT, T0));
        assertThat(outputs.display).containsExactly("101 · Ann", "1 / 2");
        bus.publish(new FacadeEvent.KeypadPressed(KeypadKey.PREVIOUS, T0));
        assertThat(outputs.display).containsExactly("102", "2 / 2");
    }

    @Test
    void aCallKeyLightsTheCallIndicatorShowsTheRoomAndRingsBackUntilTheFeedbackEnds() {
        bus.publish(new FacadeEvent.CallKeyPressed(1, 0, "101", T0));
        assertThat(outputs.lit).containsExactly(FacadeOutputs.Indicator.CALL);
        assertThat(outputs.display).containsExactly("Calling room 101", "Please wait");
        assertThat(outputs.played).containsExactly("ringback");
        scheduler.advance(Duration.ofMillis(29_999));
        assertThat(outputs.lit).containsExactly(FacadeOutputs.Indicator.CALL);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(outputs.lit).isEmpty();
        assertThat(outputs.display).containsExactly("101 · Ann", "1 / 2");
    }

    @Test
    void anUnassignedKeySaysSoWithoutLightingTheCallIndicator() {
        bus.publish(new FacadeEvent.CallKeyPressed(1, 1, "", T0));
        assertThat(outputs.lit).isEmpty();
        assertThat(outputs.display.get(0)).isEqualTo("This key has no room");
        assertThat(outputs.played).containsExactly("error");
    }

    @Test
    void withTheCallsFeatureRunningCallKeysAndTheCallIndicatorAreLeftToIt() {
        RecordingOutputs own = new RecordingOutputs();
        new FacadeFeedback(bus, own, scheduler, Duration.ofSeconds(30), List::of, false);
        own.indicator(FacadeOutputs.Indicator.CALL, true); // a call rings
        bus.publish(new FacadeEvent.CallKeyPressed(1, 0, "101", T0));
        assertThat(own.played).isEmpty();
        assertThat(own.display).doesNotContain("Calling room 101");
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(own.lit).containsExactly(FacadeOutputs.Indicator.CALL);
    }

    @Test
    void closingStopsReacting() {
        feedback.close();
        bus.publish(new FacadeEvent.CallKeyPressed(1, 0, "101", T0));
        assertThat(outputs.lit).isEmpty();
    }
}

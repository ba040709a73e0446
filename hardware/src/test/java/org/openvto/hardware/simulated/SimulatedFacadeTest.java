package org.openvto.hardware.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openvto.event.EventBus;
import org.openvto.facade.CallKey;
import org.openvto.facade.DeviceModel;
import org.openvto.facade.FacadeInputsPublisher;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.FacadeModule;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.Mounting;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.LockRelay;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

class SimulatedFacadeTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final EventBus bus = new EventBus();
    private final List<FacadeEvent> events = new ArrayList<>();
    private final AtomicReference<FacadeLayout> layout = new AtomicReference<>(new FacadeLayout(
            DeviceModel.VTO4202F_MB5,
            Mounting.DEFAULT,
            List.of(
                    new FacadeModule(ModuleKind.CAMERA, List.of("888888")),
                    new FacadeModule(ModuleKind.BUTTON_2, List.of("101", "")),
                    FacadeModule.of(ModuleKind.CARD),
                    FacadeModule.of(ModuleKind.KEYBOARD))));
    private final FacadeInputsPublisher inputs = new FacadeInputsPublisher(
            bus,
            clock,
            (m, k) -> CallKey.find(layout.get(), java.util.Set.of("101"), m, k),
            m -> layout.get().modules().get(m).kind().token());
    private final SimulatedFacade facade =
            new SimulatedFacade(inputs, layout::get, clock, scheduler, bus, sound -> {}, (led, on) -> {});

    SimulatedFacadeTest() {
        bus.subscribe(FacadeEvent.class, events::add);
        facade.layoutChanged();
    }

    @Test
    void aCallKeyPressCarriesTheRoomItCallsOrNoneWhenUnassigned() {
        events.clear();
        assertThat(facade.pressCallKey(1, 0)).isEmpty();
        assertThat(facade.pressCallKey(1, 1)).isEmpty();
        assertThat(facade.pressCallKey(0, 0)).isEmpty();
        assertThat(events)
                .containsExactly(
                        new FacadeEvent.CallKeyPressed(1, 0, "101", T0),
                        new FacadeEvent.CallKeyPressed(1, 1, "", T0),
                        new FacadeEvent.CallKeyPressed(0, 0, "888888", T0));
        assertThat(facade.pressCallKey(1, 2)).contains("The two-button module has no call key 3");
        assertThat(facade.pressCallKey(9, 0)).contains("There is no module 10 in the layout");
    }

    @Test
    void anUnpluggedModuleIsOfflineWithTheReasonAndTakesNoInput() {
        events.clear();
        assertThat(facade.plug(2, false)).isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo("facade/module/2/offline");
            assertThat(((FacadeEvent.ModuleStatusChanged) e).kind()).isEqualTo("card");
        });
        assertThat(facade.state().modules().get(2).reason()).isEqualTo(SimulatedFacade.UNPLUGGED);
        events.clear();
        assertThat(facade.presentCard("1234567")).get().asString().startsWith("The card swiping module is offline");
        assertThat(events).isEmpty();
        facade.plug(2, true);
        assertThat(facade.presentCard("1234567")).isEmpty();
        assertThat(events)
                .contains(new FacadeEvent.CardPresented("1234567", "simulated", T0))
                .anyMatch(e -> e.topic().equals("facade/module/2/online"));
        assertThat(facade.plug(0, false)).get().asString().contains("cannot be unplugged");
    }

    @Test
    void inputsOfModulesNotInTheLayoutAreRefused() {
        assertThat(facade.presentFinger("right-index"))
                .contains("The layout has no fingerprint module (Local Setting › Basic › Façade Layout)");
        assertThat(facade.presentCard("12 34")).isPresent();
        assertThat(facade.pressKeypad(KeypadKey.DIGIT_5)).isEmpty();
    }

    @Test
    void doorAndTamperReportChangesOnlyAndExitAlways() {
        events.clear();
        facade.door(true);
        facade.door(true);
        facade.tamper(true);
        facade.pressExitButton();
        assertThat(events)
                .extracting(FacadeEvent::topic)
                .containsExactly("door/1/opened", "facade/tamper/released", "door/1/exit-button");
        assertThat(facade.state().doorOpen()).isTrue();
        assertThat(facade.state().tamperReleased()).isTrue();
    }

    @Test
    void aLockPulseReleasesAfterItsTimeAndAHoldReplacesIt() {
        LockRelay lock = facade.locks().get(0);
        lock.pulse(Duration.ofSeconds(3));
        assertThat(lock.state()).isEqualTo(new LockRelay.State(true, Optional.of(T0.plusSeconds(3))));
        scheduler.advance(Duration.ofMillis(2_999));
        assertThat(lock.state().energized()).isTrue();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(lock.state()).isEqualTo(LockRelay.State.RELEASED);
        lock.pulse(Duration.ofSeconds(3));
        lock.hold();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(lock.state()).isEqualTo(new LockRelay.State(true, Optional.empty()));
        lock.release();
        assertThat(lock.state()).isEqualTo(LockRelay.State.RELEASED);
    }

    @Test
    void outputsAreKeptAndEachChangeIsAnnounced() {
        events.clear();
        facade.indicator(org.openvto.facade.io.FacadeOutputs.Indicator.CALL, true);
        facade.indicator(org.openvto.facade.io.FacadeOutputs.Indicator.CALL, true);
        facade.display(List.of("Calling room 101"));
        facade.play(new org.openvto.facade.io.FacadeOutputs.Sound("ringback"));
        assertThat(events)
                .extracting(FacadeEvent::topic)
                .containsExactly("facade/output/indicator", "facade/output/display", "facade/output/sound");
        assertThat(facade.state().indicators()).containsExactly(org.openvto.facade.io.FacadeOutputs.Indicator.CALL);
        assertThat(facade.state().display()).containsExactly("Calling room 101");
        assertThat(facade.lastPlayed()).contains(new org.openvto.facade.io.FacadeOutputs.Sound("ringback"));
    }

    @Test
    void onABoardWhoseUserPortIsWiredItsInputsAreNotSimulated() {
        facade.drivenElsewhere(java.util.Set.of(0));
        events.clear();
        assertThat(facade.door(true)).contains(SimulatedFacade.USER_PORT_WIRED);
        assertThat(facade.tamper(true)).contains(SimulatedFacade.USER_PORT_WIRED);
        assertThat(facade.pressExitButton()).contains(SimulatedFacade.USER_PORT_WIRED);
        assertThat(events).isEmpty();
        assertThat(facade.pressCallKey(1, 0)).isEmpty();
    }
}

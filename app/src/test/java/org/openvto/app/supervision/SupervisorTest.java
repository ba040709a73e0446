package org.openvto.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvto.event.EventBus;
import org.openvto.household.Actor;
import org.openvto.household.ConfigChanged;
import org.openvto.household.RebootRequested;
import org.openvto.household.Service;
import org.openvto.testkit.ManualScheduler;

class SupervisorTest {
    private static final Duration PERIOD = Duration.ofSeconds(5);

    /** Records what the supervisor asked of it; restarts run in the publisher's thread (Runnable::run). */
    private static final class FakeService implements Supervised {
        final List<String> calls = new ArrayList<>();
        boolean alive = true;
        boolean changed = true;
        RuntimeException failStart;
        String off;
        /** The status reason the supervisor reported when it asked whyOff, i.e. in the middle of a (re)start. */
        final List<String> reasonsWhileStarting = new ArrayList<>();

        Supervisor supervisor;

        @Override
        public String name() {
            return "fake service";
        }

        @Override
        public Optional<String> whyOff() {
            if (supervisor != null) {
                reasonsWhileStarting.add(supervisor.status().reason());
            }
            return Optional.ofNullable(off);
        }

        @Override
        public void start() {
            calls.add("start");
            if (failStart != null) {
                throw failStart;
            }
            alive = true;
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public boolean settingsChanged() {
            return changed;
        }
    }

    private final EventBus bus = new EventBus();
    private final FakeService service = new FakeService();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Supervisor supervisor = new Supervisor(service, Service.SIP, bus, Runnable::run);

    @AfterEach
    void close() {
        supervisor.close();
    }

    @Test
    void aStartedServiceIsReportedRunning() {
        assertThat(supervisor.start().running()).isTrue();
        assertThat(service.calls).containsExactly("start");
    }

    @Test
    void aConfigChangeNamingTheServiceRestartsIt() {
        supervisor.start();
        bus.publish(new ConfigChanged("sip-server", Set.of(Service.SIP)));
        assertThat(service.calls).containsExactly("start", "stop", "start");
        assertThat(supervisor.status().running()).isTrue();
    }

    @Test
    void aConfigChangeNamingAnotherServiceIsIgnored() {
        supervisor.start();
        bus.publish(new ConfigChanged("network", Set.of(Service.HTTP)));
        assertThat(service.calls).containsExactly("start");
    }

    @Test
    void aConfigChangeThatLeavesTheServiceSettingsAsTheyWereIsIgnored() {
        supervisor.start();
        service.changed = false;
        bus.publish(new ConfigChanged("network", Set.of(Service.SIP)));
        assertThat(service.calls).containsExactly("start");
    }

    @Test
    void aRebootRestartsEvenWithUnchangedSettings() {
        supervisor.start();
        service.changed = false;
        bus.publish(new RebootRequested(Actor.SYSTEM));
        assertThat(service.calls).containsExactly("start", "stop", "start");
    }

    @Test
    void theWatchdogRestartsADeadServiceAndCountsIt() {
        supervisor.start();
        supervisor.watch(scheduler, PERIOD);
        scheduler.advance(PERIOD);
        assertThat(supervisor.watchdogRestarts()).isZero();

        service.alive = false;
        scheduler.advance(PERIOD);
        assertThat(service.calls).containsExactly("start", "stop", "start");
        assertThat(supervisor.watchdogRestarts()).isEqualTo(1);
        scheduler.advance(PERIOD); // alive again after its restart
        assertThat(supervisor.watchdogRestarts()).isEqualTo(1);
    }

    @Test
    void theWatchdogLeavesAServiceThatIsNotRunningAlone() {
        service.off = "switched off";
        supervisor.start();
        supervisor.watch(scheduler, PERIOD);
        service.alive = false;
        scheduler.advance(PERIOD.multipliedBy(3));
        assertThat(supervisor.watchdogRestarts()).isZero();
        assertThat(service.calls).isEmpty();
    }

    @Test
    void aFailingStartReportsNotRunningWithTheReasonInsteadOfThrowing() {
        IllegalStateException failure = new IllegalStateException("port 5060 in use");
        service.failStart = failure;
        Supervisor.Status status = supervisor.start();
        assertThat(status.running()).isFalse();
        assertThat(status.reason()).isEqualTo("fake service could not start: port 5060 in use");
        assertThat(status.failure()).containsSame(failure);
        assertThat(supervisor.status()).isEqualTo(status);
    }

    @Test
    void aServiceSwitchedOffIsNotStartedAndSaysWhy() {
        service.off = "this VTO is not the SIP server";
        Supervisor.Status status = supervisor.start();
        assertThat(status.running()).isFalse();
        assertThat(status.reason()).isEqualTo("this VTO is not the SIP server");
        assertThat(status.failure()).isEmpty();
        assertThat(service.calls).isEmpty();
    }

    @Test
    void aServiceThatIsOffKeepsSayingWhyWhileItRestarts() {
        service.off = "this VTO is not the SIP server";
        service.supervisor = supervisor;
        supervisor.start();
        bus.publish(new ConfigChanged("household", Set.of(Service.SIP)));
        assertThat(service.reasonsWhileStarting)
                .containsExactly("the fake service is not running", "this VTO is not the SIP server");
        assertThat(supervisor.status().reason()).isEqualTo("this VTO is not the SIP server");
    }

    @Test
    void closeStopsOnceAndNothingRestartsAfterIt() {
        supervisor.start();
        supervisor.watch(scheduler, PERIOD);
        supervisor.close();
        supervisor.close();
        bus.publish(new RebootRequested(Actor.SYSTEM));
        service.alive = false;
        scheduler.advance(PERIOD.multipliedBy(3));
        assertThat(service.calls).containsExactly("start", "stop");
        assertThat(scheduler.pending()).isZero();
        assertThat(supervisor.status().running()).isFalse();
    }
}

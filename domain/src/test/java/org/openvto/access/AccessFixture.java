package org.openvto.access;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openvto.alarm.AlarmService;
import org.openvto.centre.CentreDestination;
import org.openvto.centre.OutboxMessage;
import org.openvto.event.Event;
import org.openvto.event.EventBus;
import org.openvto.facade.io.RecordingOutputs;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

/** Access control over in-memory stores, a manual clock and scheduler, recording relays and outputs. */
final class AccessFixture {
    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z"); // a Wednesday, 10:00 UTC
    final ManualClock clock = new ManualClock(T0);
    final ManualScheduler scheduler = new ManualScheduler();
    final EventBus bus = new EventBus();
    final List<Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CredentialDigests digests = new CredentialDigests(new byte[32]);
    final InMemoryStores.People people = new InMemoryStores.People();
    final InMemoryStores.Records<org.openvto.records.UnlockRecord> unlocks = InMemoryStores.unlocks();
    final InMemoryStores.Outbox outboxStore = new InMemoryStores.Outbox();
    final InMemoryStores.Alarms alarmStore = new InMemoryStores.Alarms(outboxStore);
    final InMemoryStores.Relay lock1 = new InMemoryStores.Relay(1, clock);
    final InMemoryStores.Relay lock2 = new InMemoryStores.Relay(2, clock);
    final RecordingOutputs outputs = new RecordingOutputs();
    final List<List<String>> messages = new ArrayList<>();
    final Centre centre = new Centre();
    AccessSettings settings = AccessSettings.DEFAULTS;
    Optional<String> publicPassword = Optional.empty();
    final org.openvto.centre.Outbox outbox = new org.openvto.centre.Outbox(
            outboxStore,
            List.of(centre),
            scheduler,
            Runnable::run,
            clock,
            Duration.ofSeconds(60),
            k -> alarms().delivered(k));
    private AlarmService alarmService;
    final PeopleService peopleService =
            new PeopleService(people, digests, () -> Set.of("101", "102"), () -> publicPassword, bus, clock);
    final AccessControl access;

    AccessFixture() {
        bus.subscribe(Event.class, events::add);
        alarmService = new AlarmService(
                alarmStore, outbox, bus, clock, () -> new AlarmService.Origin("8001", "Main entrance"));
        AccessDecision decision =
                new AccessDecision(people, digests, () -> settings, () -> publicPassword, () -> ZoneOffset.UTC);
        access = new AccessControl(
                decision,
                () -> settings,
                () -> List.of(lock1, lock2),
                outputs,
                messages::add,
                unlocks,
                alarmService,
                bus,
                clock,
                scheduler);
    }

    AlarmService alarms() {
        return alarmService;
    }

    /** Moves the clock and the scheduler together, in 10 ms steps, so a task sees the time it fell due at. */
    void advance(Duration d) {
        Duration step = Duration.ofMillis(10);
        Duration left = d;
        while (left.compareTo(step) > 0) {
            clock.advance(step);
            scheduler.advance(step);
            left = left.minus(step);
        }
        clock.advance(left);
        scheduler.advance(left);
    }

    /** Adds a person of room 101 and returns them. */
    Person person(String name, String pin, String duress, String schedule, PersonForm.CardForm... cards) {
        var r = peopleService.add(new PersonForm("101", name, schedule, pin, duress, List.of(cards)));
        if (r instanceof org.openvto.validation.Result.Applied<Person> a) {
            return a.value();
        }
        throw new AssertionError("not added: " + r);
    }

    static PersonForm.CardForm card(String number) {
        return new PersonForm.CardForm(number, "", "", "", "");
    }

    /** A centre destination that delivers while {@code up}. */
    static final class Centre implements CentreDestination {
        final List<OutboxMessage> received = new ArrayList<>();
        boolean up = true;

        @Override
        public String id() {
            return "test";
        }

        @Override
        public boolean accepts(String topic) {
            return topic.startsWith("alarm/");
        }

        @Override
        public Delivery deliver(OutboxMessage message) {
            if (!up) {
                return new Delivery.Failed("centre down");
            }
            received.add(message);
            return Delivery.DELIVERED;
        }
    }
}

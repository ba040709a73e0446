package org.openvto.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openvto.access.AccessControl;
import org.openvto.access.AccessDecision;
import org.openvto.access.AccessInputs;
import org.openvto.access.AccessSettings;
import org.openvto.access.Card;
import org.openvto.access.CredentialDigests;
import org.openvto.access.DoorMonitor;
import org.openvto.access.PeopleService;
import org.openvto.access.PeopleStore;
import org.openvto.access.WeeklySchedule;
import org.openvto.alarm.AlarmService;
import org.openvto.centre.Outbox;
import org.openvto.event.EventBus;
import org.openvto.facade.FacadeInputsPublisher;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.facade.io.LockRelay;
import org.openvto.facade.io.ModuleStatus;
import org.openvto.security.SecretCipher;
import org.openvto.storage.Database;
import org.openvto.storage.StorageConfig;

/**
 * Issue 11's speed target: a valid card presented → lock relay energized in under 20 ms at p99, with 10,000 people
 * and 50,000 cards in an SQLite database, over 10,000 presentations. The path measured is the VTO's: the driver's
 * report (FacadeInputsPublisher.card) → the event bus → the access thread → the indexed card lookup, card status,
 * validity, schedule → the relay's pulse; the record is then written (synchronous=FULL) before the next card. Run
 * by bench/card-to-relay.sh.
 */
public final class CardToRelayBench {
    public static void main(String[] args) throws Exception {
        int people = 10_000;
        int presentations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("openvto-card-bench");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        SecretCipher cipher = new SecretCipher(key);
        CredentialDigests digests = new CredentialDigests(key);
        try (Database db = Database.open(new StorageConfig("", "", "", 4), dir)) {
            PeopleStore store = db.people(cipher);
            long t0 = System.nanoTime();
            List<PeopleStore.PersonRow> rows = new ArrayList<>();
            for (int p = 0; p < people; p++) {
                List<PeopleStore.CardRow> cards = new ArrayList<>();
                for (int c = 0; c < Card.MAX_PER_PERSON; c++) {
                    String number = String.valueOf(10_000_000L + p * 5L + c);
                    cards.add(new PeopleStore.CardRow(
                            new Card(number, Card.Kind.NORMAL, Optional.empty(), Optional.empty(), Card.Status.NORMAL),
                            digests.card(number)));
                }
                rows.add(new PeopleStore.PersonRow(
                        0,
                        String.valueOf(100 + p % 500),
                        "Person " + p,
                        WeeklySchedule.ALWAYS,
                        PeopleStore.PinUpdate.KEEP,
                        PeopleStore.PinUpdate.KEEP,
                        cards));
            }
            store.insertAll(rows);
            System.out.printf(
                    "seeded %d people, %d cards in %d ms%n", people, people * 5, (System.nanoTime() - t0) / 1_000_000);

            EventBus bus = new EventBus();
            Clock clock = Clock.systemUTC();
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            AccessSettings settings = AccessSettings.DEFAULTS.toBuilder()
                    .unlockRespondingInterval(Duration.ZERO)
                    .unlockPeriod(Duration.ofSeconds(1))
                    .doorSensorEnabled(false)
                    .build();
            SynchronousQueue<Long> energized = new SynchronousQueue<>();
            LockRelay relay = new TimedRelay(energized);
            Outbox outbox = new Outbox(
                    db.outbox(), List.of(), scheduler, Runnable::run, clock, Duration.ofSeconds(60), k -> {});
            AlarmService alarms =
                    new AlarmService(db.alarms(), outbox, bus, clock, () -> new AlarmService.Origin("8001", "bench"));
            AccessDecision decision =
                    new AccessDecision(store, digests, () -> settings, Optional::empty, ZoneId::systemDefault);
            AccessControl access = new AccessControl(
                    decision,
                    () -> settings,
                    () -> List.of(relay),
                    new NoOutputs(),
                    lines -> {},
                    db.unlockRecords(),
                    alarms,
                    bus,
                    clock,
                    scheduler);
            PeopleService peopleService =
                    new PeopleService(store, digests, java.util.Set::of, Optional::empty, bus, clock);
            AccessInputs inputs = new AccessInputs(
                    bus, access, peopleService, new DoorMonitor(() -> settings, alarms, scheduler), alarms, l -> {});
            FacadeInputsPublisher driver =
                    new FacadeInputsPublisher(bus, clock, (m, k) -> Optional.empty(), m -> "card");

            java.util.Random random = new java.util.Random(42);
            int warmup = 1_000;
            long[] micros = new long[presentations];
            for (int i = -warmup; i < presentations; i++) {
                String number = String.valueOf(10_000_000L + random.nextInt(people * 5));
                long start = System.nanoTime();
                driver.card(number, "bench", Instant.now());
                Long at = energized.poll(5, TimeUnit.SECONDS);
                if (at == null) {
                    throw new IllegalStateException("card " + number + " did not open");
                }
                if (i >= 0) {
                    micros[i] = (at - start) / 1_000;
                }
                waitForRecord(db, i + warmup + 1);
            }
            Arrays.sort(micros);
            System.out.printf(
                    "card → relay over %d presentations (%d people, %d cards, SQLite): p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 20 ms)%n",
                    presentations,
                    people,
                    people * 5,
                    micros[presentations / 2] / 1000.0,
                    micros[(int) (presentations * 0.99)] / 1000.0,
                    micros[presentations - 1] / 1000.0);
            inputs.close();
            scheduler.shutdownNow();
        }
    }

    /** The presentation's record is written after the relay: wait for it so presentations do not queue up. */
    private static void waitForRecord(Database db, long n) throws InterruptedException {
        while (db.unlockRecords().count(org.openvto.records.RecordFilter.ALL) < n) {
            Thread.sleep(0, 200_000);
        }
    }

    private static final class TimedRelay implements LockRelay {
        private final SynchronousQueue<Long> energized;

        TimedRelay(SynchronousQueue<Long> energized) {
            this.energized = energized;
        }

        @Override
        public int number() {
            return 1;
        }

        @Override
        public void pulse(Duration duration) {
            long now = System.nanoTime();
            try {
                energized.put(now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void hold() {}

        @Override
        public void release() {}

        @Override
        public State state() {
            return State.RELEASED;
        }

        @Override
        public ModuleStatus status() {
            return ModuleStatus.ONLINE;
        }
    }

    private static final class NoOutputs implements FacadeOutputs {
        @Override
        public void indicator(Indicator indicator, boolean on) {}

        @Override
        public java.util.Set<Indicator> indicators() {
            return java.util.Set.of();
        }

        @Override
        public void display(List<String> lines) {}

        @Override
        public List<String> displayed() {
            return List.of();
        }

        @Override
        public void play(Sound sound) {}

        @Override
        public Optional<Sound> lastPlayed() {
            return Optional.empty();
        }
    }
}

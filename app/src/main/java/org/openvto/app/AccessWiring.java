package org.openvto.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openvto.access.AccessControl;
import org.openvto.access.AccessDecision;
import org.openvto.access.AccessInputs;
import org.openvto.access.CredentialDigests;
import org.openvto.access.DoorMonitor;
import org.openvto.access.PeopleService;
import org.openvto.alarm.AlarmService;
import org.openvto.alarm.AlarmSounder;
import org.openvto.centre.CentreDestination;
import org.openvto.centre.Outbox;
import org.openvto.event.EventBus;
import org.openvto.household.Installation;
import org.openvto.records.CallRecord;
import org.openvto.records.RecordStore;
import org.openvto.records.UnlockRecord;
import org.openvto.security.SecretCipher;
import org.openvto.storage.Database;
import org.openvto.web.AccessServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access control, alarms, the centre's outbox and the records, put together over the façade's modules: the façade's
 * inputs go to the access decision on their own thread, alarms sound at the door and go to the centre, and the
 * records are pruned to the retention of Access Control once at start and then hourly. Timers on one scheduler
 * thread; deliveries on virtual threads. Closes in reverse.
 */
final class AccessWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccessWiring.class);

    private final ScheduledExecutorService scheduler;
    private final Outbox outbox;
    private final AlarmSounder sounder;
    private final AccessInputs inputs;
    private final AccessServices services;
    private final Installation installation;
    private final Database db;
    private final Clock clock;
    private final Counter pruned;
    private final EventBus.Subscription securityFeed;
    private final List<CentreDestination> destinations;

    AccessWiring(
            Database db,
            SecretCipher cipher,
            byte[] deviceKey,
            Installation installation,
            FacadeWiring facade,
            List<CentreDestination> destinations,
            Duration maxBackOff,
            EventBus bus,
            Clock clock,
            MeterRegistry metrics) {
        this.installation = installation;
        this.db = db;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("access-timers").daemon().factory());
        CredentialDigests digests = new CredentialDigests(deviceKey);
        org.openvto.access.PeopleStore peopleStore = db.people(cipher);
        PeopleService people = new PeopleService(
                peopleStore,
                digests,
                () -> installation.facade().rooms(),
                () -> installation.access().publicPasswordDigest(),
                bus,
                clock);
        AtomicReference<AlarmService> alarmsRef = new AtomicReference<>();
        this.outbox = new Outbox(
                db.outbox(),
                destinations,
                scheduler,
                r -> Thread.ofVirtual().name("centre-delivery").start(r),
                clock,
                maxBackOff,
                key -> alarmsRef.get().delivered(key));
        AlarmService alarms = new AlarmService(db.alarms(), outbox, bus, clock, () -> {
            var d = installation.device().current();
            return new AlarmService.Origin(d.vtoNumber(), d.deviceName());
        });
        alarmsRef.set(alarms);
        RecordStore<UnlockRecord> unlocks = db.unlockRecords();
        RecordStore<CallRecord> calls = db.callRecords();
        AccessDecision decision = new AccessDecision(
                peopleStore,
                digests,
                () -> installation.access().current(),
                () -> installation.access().publicPasswordDigest(),
                ZoneId::systemDefault);
        AccessControl access = new AccessControl(
                decision,
                () -> installation.access().current(),
                facade::locks,
                facade.outputs(),
                facade::message,
                unlocks,
                alarms,
                bus,
                clock,
                scheduler);
        DoorMonitor door = new DoorMonitor(() -> installation.access().current(), alarms, scheduler);
        this.sounder = new AlarmSounder(
                bus,
                facade.outputs(),
                scheduler,
                () -> installation.access().current().alarmSound());
        this.inputs = new AccessInputs(bus, access, people, door, alarms, facade::message);
        this.services = new AccessServices(people, access, alarms, unlocks, calls, digests, outbox, db.callSnapshots());
        Gauge.builder("openvto.centre.outbox.pending", outbox, Outbox::pending)
                .description("Messages to the management centre not yet delivered")
                .register(metrics);
        Gauge.builder("openvto.centre.delivery.failures", outbox, o -> (double) o.failures())
                .description("Failed delivery attempts to the management centre since start")
                .register(metrics);
        this.pruned = Counter.builder("openvto.records.pruned")
                .description("Records deleted by the retention limits")
                .register(metrics);
        // the security log goes to the destinations that take it (syslog, webhook), through the same outbox
        this.securityFeed = bus.subscribeAsync(
                org.openvto.security.SecurityEvent.class,
                "security/",
                1024,
                e -> outbox.send(
                        e.topic(),
                        "vto-security-" + java.util.UUID.randomUUID(),
                        new org.openvto.centre.CentreJson()
                                .put("event", "security")
                                .put("topic", e.topic())
                                .put("user", e.username())
                                .put("source", e.source())
                                .put("detail", e.detail())
                                .put("at", clock.instant().toString())
                                .toString()));
        this.destinations = destinations;
        outbox.start();
        scheduler.scheduleWithFixedDelay(this::prune, 0, 1, TimeUnit.HOURS);
        LOG.info(
                "Access control ready; centre destinations: {}",
                destinations.isEmpty() ? "none configured" : outbox.destinationIds());
    }

    AccessServices services() {
        return services;
    }

    Outbox outbox() {
        return outbox;
    }

    /** Retention (Access Control): records older than the age limit, then beyond the cap, oldest first. */
    private void prune() {
        try {
            var s = installation.access().current();
            var before = clock.instant().minus(Duration.ofDays(s.recordDays()));
            int n = services.unlocks().prune(before, s.recordCap())
                    + db.alarms().prune(before, s.recordCap())
                    + services.calls().prune(before, s.recordCap());
            pruned.increment(n);
            db.outbox().pruneDelivered(before);
            if (n > 0) {
                LOG.info(
                        "Retention: {} records older than {} days or beyond {} per type deleted",
                        n,
                        s.recordDays(),
                        s.recordCap());
            }
        } catch (RuntimeException e) {
            LOG.warn("Retention pruning failed; trying again in an hour", e);
        }
    }

    @Override
    public void close() {
        inputs.close();
        securityFeed.close();
        sounder.close();
        outbox.close();
        scheduler.shutdownNow();
        for (CentreDestination d : destinations) {
            if (d instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("Closing the centre destination {} failed", d.id(), e);
                }
            }
        }
    }
}

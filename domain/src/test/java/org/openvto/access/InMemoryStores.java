package org.openvto.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openvto.alarm.Alarm;
import org.openvto.alarm.AlarmStore;
import org.openvto.centre.OutboxMessage;
import org.openvto.centre.OutboxStore;
import org.openvto.facade.io.LockRelay;
import org.openvto.facade.io.ModuleStatus;
import org.openvto.records.RecordFilter;
import org.openvto.records.RecordStore;
import org.openvto.records.UnlockRecord;

/** In-memory stores with the contracts' behaviour, for the domain's unit tests (the JDBC ones are tested in storage). */
public final class InMemoryStores {
    private InMemoryStores() {}

    static final class People implements PeopleStore {
        private final Map<Long, PersonRow> rows = new LinkedHashMap<>();
        private final Map<Long, String> pins = new java.util.HashMap<>();
        private final Map<Long, String> duress = new java.util.HashMap<>();
        private final Map<String, Long> fingers = new java.util.HashMap<>();
        private final Map<Long, List<Fingerprint>> prints = new java.util.HashMap<>();
        final List<Long> forgotten = new ArrayList<>();
        private long next = 1;

        @Override
        public synchronized long insert(PersonRow p) {
            long id = next++;
            put(id, p);
            return id;
        }

        private void put(long id, PersonRow p) {
            rows.put(id, new PersonRow(id, p.room(), p.name(), p.schedule(), p.pin(), p.duressPin(), p.cards()));
            apply(pins, id, p.pin());
            apply(duress, id, p.duressPin());
        }

        private static void apply(Map<Long, String> m, long id, PinUpdate u) {
            switch (u) {
                case PinUpdate.Keep k -> {}
                case PinUpdate.Clear c -> m.remove(id);
                case PinUpdate.Set s -> m.put(id, s.digest());
            }
        }

        @Override
        public synchronized boolean update(PersonRow p) {
            if (!rows.containsKey(p.id())) {
                return false;
            }
            put(p.id(), p);
            return true;
        }

        @Override
        public synchronized void insertAll(List<PersonRow> people) {
            people.forEach(this::insert);
        }

        @Override
        public synchronized boolean delete(long id) {
            pins.remove(id);
            duress.remove(id);
            fingers.values().removeIf(v -> v == id);
            prints.remove(id);
            forgotten.add(id);
            return rows.remove(id) != null;
        }

        private Person person(PersonRow r) {
            return new Person(
                    r.id(),
                    r.room(),
                    r.name(),
                    r.schedule(),
                    pins.containsKey(r.id()),
                    duress.containsKey(r.id()),
                    r.cards().stream().map(CardRow::card).toList(),
                    prints.getOrDefault(r.id(), List.of()));
        }

        @Override
        public synchronized Optional<Person> get(long id) {
            return Optional.ofNullable(rows.get(id)).map(this::person);
        }

        @Override
        public synchronized List<Person> page(String query, int offset, int limit) {
            return rows.values().stream()
                    .filter(r -> r.room().startsWith(query) || r.name().startsWith(query))
                    .skip(offset)
                    .limit(limit)
                    .map(this::person)
                    .toList();
        }

        @Override
        public synchronized long count(String query) {
            return page(query, 0, Integer.MAX_VALUE).size();
        }

        @Override
        public synchronized Optional<CardHolder> byCard(String digest) {
            for (PersonRow r : rows.values()) {
                for (CardRow c : r.cards()) {
                    if (c.digest().equals(digest)) {
                        return Optional.of(new CardHolder(person(r), c.card()));
                    }
                }
            }
            return Optional.empty();
        }

        @Override
        public synchronized Optional<Person> byFingerprint(String digest) {
            return Optional.ofNullable(fingers.get(digest)).flatMap(this::get);
        }

        @Override
        public synchronized Optional<PinHolder> byPin(String digest) {
            for (var e : pins.entrySet()) {
                if (e.getValue().equals(digest)) {
                    return get(e.getKey()).map(p -> new PinHolder(p, false));
                }
            }
            for (var e : duress.entrySet()) {
                if (e.getValue().equals(digest)) {
                    return get(e.getKey()).map(p -> new PinHolder(p, true));
                }
            }
            return Optional.empty();
        }

        @Override
        public synchronized Optional<Long> holderOf(String digest) {
            return byCard(digest)
                    .map(h -> h.person().id())
                    .or(() -> byPin(digest).map(h -> h.person().id()));
        }

        @Override
        public synchronized long addFingerprint(
                long personId, String label, String template, String digest, Instant at) {
            long id = next++;
            fingers.put(digest, personId);
            prints.computeIfAbsent(personId, k -> new ArrayList<>()).add(new Fingerprint(id, label, at));
            return id;
        }

        @Override
        public synchronized boolean removeFingerprint(long personId, long fingerprintId) {
            return prints.getOrDefault(personId, new ArrayList<>()).removeIf(f -> f.id() == fingerprintId);
        }
    }

    /** A generic list-backed record store. */
    public static class Records<R> implements RecordStore<R> {
        public final List<R> rows = new ArrayList<>();
        private final Function<R, Instant> at;
        private final java.util.function.BiFunction<R, Long, R> withId;

        public Records(Function<R, Instant> at, java.util.function.BiFunction<R, Long, R> withId) {
            this.at = at;
            this.withId = withId;
        }

        @Override
        public synchronized R append(R r) {
            R stored = withId.apply(r, (long) rows.size() + 1);
            rows.add(stored);
            return stored;
        }

        @Override
        public synchronized List<R> search(RecordFilter f, int offset, int limit) {
            return rows.stream()
                    .filter(r -> f.inRange(at.apply(r)))
                    .sorted(Comparator.comparing(at).reversed())
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public synchronized long count(RecordFilter f) {
            return search(f, 0, Integer.MAX_VALUE).size();
        }

        @Override
        public synchronized void forEach(RecordFilter f, Consumer<? super R> sink) {
            search(f, 0, Integer.MAX_VALUE).forEach(sink);
        }

        @Override
        public synchronized int prune(Instant before, int keep) {
            int n = rows.size();
            rows.removeIf(r -> at.apply(r).isBefore(before));
            return n - rows.size();
        }
    }

    static Records<UnlockRecord> unlocks() {
        return new Records<>(UnlockRecord::at, (r, id) -> r.withId(id));
    }

    static final class Alarms extends Records<Alarm> implements AlarmStore {
        private final Outbox outbox;

        Alarms(Outbox outbox) {
            super(
                    Alarm::raisedAt,
                    (a, id) -> new Alarm(
                            id,
                            a.type(),
                            a.state(),
                            a.detail(),
                            a.room(),
                            a.raisedAt(),
                            a.deliveredAt(),
                            a.acknowledgedAt(),
                            a.acknowledgedBy(),
                            a.clearedAt(),
                            a.conditionEnded()));
            this.outbox = outbox;
        }

        @Override
        public synchronized Alarm raise(Alarm alarm, Function<Alarm, List<OutboxMessage>> messages) {
            Alarm stored = append(alarm);
            outbox.enqueue(messages.apply(stored));
            return stored;
        }

        @Override
        public synchronized void update(Alarm alarm) {
            rows.replaceAll(a -> a.id() == alarm.id() ? alarm : a);
        }

        @Override
        public synchronized Optional<Alarm> get(long id) {
            return rows.stream().filter(a -> a.id() == id).findFirst();
        }

        @Override
        public synchronized List<Alarm> active() {
            return rows.stream().filter(a -> a.state().active()).toList().reversed();
        }
    }

    static final class Outbox implements OutboxStore {
        final List<OutboxMessage> rows = new ArrayList<>();

        @Override
        public synchronized void enqueue(List<OutboxMessage> messages) {
            for (OutboxMessage m : messages) {
                rows.add(new OutboxMessage(
                        rows.size() + 1,
                        m.destination(),
                        m.key(),
                        m.topic(),
                        m.body(),
                        m.createdAt(),
                        0,
                        m.nextAttempt(),
                        "",
                        Optional.empty()));
            }
        }

        @Override
        public synchronized Optional<OutboxMessage> head(String destination) {
            return rows.stream()
                    .filter(m -> m.destination().equals(destination)
                            && m.deliveredAt().isEmpty())
                    .findFirst();
        }

        private void replace(long id, Function<OutboxMessage, OutboxMessage> f) {
            rows.replaceAll(m -> m.id() == id ? f.apply(m) : m);
        }

        @Override
        public synchronized void delivered(long id, Instant at) {
            replace(
                    id,
                    m -> new OutboxMessage(
                            m.id(),
                            m.destination(),
                            m.key(),
                            m.topic(),
                            m.body(),
                            m.createdAt(),
                            m.attempts(),
                            m.nextAttempt(),
                            m.lastError(),
                            Optional.of(at)));
        }

        @Override
        public synchronized void failed(long id, int attempts, Instant nextAttempt, String error) {
            replace(
                    id,
                    m -> new OutboxMessage(
                            m.id(),
                            m.destination(),
                            m.key(),
                            m.topic(),
                            m.body(),
                            m.createdAt(),
                            attempts,
                            nextAttempt,
                            error,
                            Optional.empty()));
        }

        @Override
        public synchronized long pending(String destination) {
            return rows.stream()
                    .filter(m -> m.deliveredAt().isEmpty()
                            && (destination.isEmpty() || m.destination().equals(destination)))
                    .count();
        }

        @Override
        public synchronized boolean undelivered(String key) {
            return rows.stream()
                    .anyMatch(m -> m.key().equals(key) && m.deliveredAt().isEmpty());
        }

        @Override
        public synchronized List<String> destinationsPending() {
            return rows.stream()
                    .filter(m -> m.deliveredAt().isEmpty())
                    .map(OutboxMessage::destination)
                    .distinct()
                    .toList();
        }

        @Override
        public synchronized int pruneDelivered(Instant before) {
            int n = rows.size();
            rows.removeIf(m -> m.deliveredAt().filter(d -> d.isBefore(before)).isPresent());
            return n - rows.size();
        }
    }

    /** A relay that keeps its pulses and answers its state from the test's clock. */
    static final class Relay implements LockRelay {
        private final int number;
        private final java.time.Clock clock;
        final List<Duration> pulses = new ArrayList<>();
        ModuleStatus status = ModuleStatus.ONLINE;
        private Instant until = Instant.MIN;

        Relay(int number, java.time.Clock clock) {
            this.number = number;
            this.clock = clock;
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public void pulse(Duration duration) {
            pulses.add(duration);
            until = clock.instant().plus(duration);
        }

        @Override
        public void hold() {
            until = Instant.MAX;
        }

        @Override
        public void release() {
            until = Instant.MIN;
        }

        @Override
        public State state() {
            return clock.instant().isBefore(until) ? new State(true, Optional.of(until)) : State.RELEASED;
        }

        @Override
        public ModuleStatus status() {
            return status;
        }
    }
}

package org.openvto.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import org.openvto.access.Decision.Identity;

/**
 * The one decision every unlock method goes through: credential → person / room → card status and validity →
 * schedule → lock choice → unlock interval. Each stage is a small method that either passes a value on or refuses
 * with a {@link Refusal}; the first refusal ends the decision. Side-effect free (the keypad lock-out, the relay and
 * the record are {@link AccessControl}'s); one indexed store lookup per decision. Thread-safe.
 */
public final class AccessDecision {
    private final PeopleStore people;
    private final CredentialDigests digests;
    private final Supplier<AccessSettings> settings;
    private final Supplier<Optional<String>> publicPassword;
    private final Supplier<ZoneId> zone;

    /**
     * @param publicPassword the keyed digest of the public unlock password, when one is set
     * @param zone           the VTO's time zone, in which schedules and validity days are read
     */
    public AccessDecision(
            PeopleStore people,
            CredentialDigests digests,
            Supplier<AccessSettings> settings,
            Supplier<Optional<String>> publicPassword,
            Supplier<ZoneId> zone) {
        this.people = people;
        this.digests = digests;
        this.settings = settings;
        this.publicPassword = publicPassword;
        this.zone = zone;
    }

    /** What the first stage found: who, and the person and card when there are. */
    private record Identified(Identity who, Optional<Person> person, Optional<Card> card) {}

    /** A stage's result: the value to pass on, or the refusal. */
    private sealed interface Step<T> {
        record Pass<T>(T value) implements Step<T> {}

        record Stop<T>(Refusal reason) implements Step<T> {}
    }

    /**
     * Decides on {@code credential} presented at {@code at}; {@code lastUnlock} is when the door was last opened
     * (for the Unlock Responding Interval).
     */
    public Decision decide(Credential credential, Instant at, Optional<Instant> lastUnlock) {
        AccessSettings s = settings.get();
        Step<Identified> id = identify(credential, s);
        if (id instanceof Step.Stop<Identified> stop) {
            return new Decision.Refused(unknown(credential), stop.reason());
        }
        Identified who = ((Step.Pass<Identified>) id).value();
        Optional<Refusal> refusal = cardStatus(who).or(() -> validity(who, at)).or(() -> schedule(who, at));
        if (refusal.isPresent()) {
            return new Decision.Refused(who.who(), refusal.get());
        }
        return switch (chooseLock(credential, s)) {
            case Step.Stop<LockChoice> stop -> new Decision.Refused(who.who(), stop.reason());
            case Step.Pass<LockChoice> lock ->
                interval(credential, at, lastUnlock, s)
                        .<Decision>map(r -> new Decision.Refused(who.who(), r))
                        .orElse(new Decision.Granted(who.who(), lock.value()));
        };
    }

    // ---- stage 1: credential → person / room ----

    private Step<Identified> identify(Credential c, AccessSettings s) {
        return switch (c) {
            case Credential.Presented card ->
                people.byCard(digests.card(card.number()))
                        .<Step<Identified>>map(h -> pass(
                                Identity.of(
                                        UnlockMethod.CARD, h.person(), h.card().reference(), false),
                                h.person(),
                                h.card()))
                        .orElse(new Step.Stop<>(Refusal.UNKNOWN_CARD));
            case Credential.Finger f ->
                people.byFingerprint(digests.fingerprint(f.template()))
                        .<Step<Identified>>map(
                                p -> pass(Identity.of(UnlockMethod.FINGERPRINT, p, "fingerprint", false), p, null))
                        .orElse(new Step.Stop<>(Refusal.UNKNOWN_FINGERPRINT));
            case Credential.Keypad k -> keypad(k);
            case Credential.Remote r ->
                new Step.Pass<>(new Identified(
                        Identity.anonymous(UnlockMethod.REMOTE, r.user()), Optional.empty(), Optional.empty()));
            case Credential.Dtmf d ->
                new Step.Pass<>(new Identified(
                        new Identity(UnlockMethod.DTMF, 0, "", d.room(), d.from(), false),
                        Optional.empty(),
                        Optional.empty()));
            case Credential.ExitButton e ->
                s.exitButtonEnabled()
                        ? new Step.Pass<>(new Identified(
                                Identity.anonymous(UnlockMethod.EXIT_BUTTON, "exit button " + e.door()),
                                Optional.empty(),
                                Optional.empty()))
                        : new Step.Stop<>(Refusal.EXIT_BUTTON_DISABLED);
        };
    }

    private Step<Identified> keypad(Credential.Keypad k) {
        String digest = digests.pin(k.digits());
        if (publicPassword.get().filter(digest::equals).isPresent()) {
            return new Step.Pass<>(new Identified(
                    Identity.anonymous(UnlockMethod.PASSWORD, "public password"), Optional.empty(), Optional.empty()));
        }
        return people.byPin(digest)
                .<Step<Identified>>map(
                        h -> pass(Identity.of(UnlockMethod.PASSWORD, h.person(), "PIN", h.duress()), h.person(), null))
                .orElse(new Step.Stop<>(Refusal.WRONG_PASSWORD));
    }

    private static Step<Identified> pass(Identity who, Person person, Card card) {
        return new Step.Pass<>(new Identified(who, Optional.of(person), Optional.ofNullable(card)));
    }

    private static Identity unknown(Credential c) {
        return switch (c) {
            case Credential.Presented card -> Identity.anonymous(UnlockMethod.CARD, Card.reference(card.number()));
            case Credential.Finger f -> Identity.anonymous(UnlockMethod.FINGERPRINT, "fingerprint");
            case Credential.Keypad k -> Identity.anonymous(UnlockMethod.PASSWORD, "");
            case Credential.Remote r -> Identity.anonymous(UnlockMethod.REMOTE, r.user());
            case Credential.Dtmf d -> new Identity(UnlockMethod.DTMF, 0, "", d.room(), d.from(), false);
            case Credential.ExitButton e -> Identity.anonymous(UnlockMethod.EXIT_BUTTON, "exit button " + e.door());
        };
    }

    // ---- stage 2: card status and validity ----

    private static Optional<Refusal> cardStatus(Identified who) {
        return who.card().flatMap(c -> switch (c.status()) {
            case NORMAL -> Optional.empty();
            case LOST -> Optional.of(Refusal.CARD_LOST);
            case FROZEN -> Optional.of(Refusal.CARD_FROZEN);
        });
    }

    private Optional<Refusal> validity(Identified who, Instant at) {
        if (who.card().isEmpty()) {
            return Optional.empty();
        }
        Card c = who.card().get();
        LocalDate today = at.atZone(zone.get()).toLocalDate();
        if (c.validFrom().filter(today::isBefore).isPresent()) {
            return Optional.of(Refusal.NOT_YET_VALID);
        }
        if (c.validTo().filter(today::isAfter).isPresent()) {
            return Optional.of(Refusal.EXPIRED);
        }
        return Optional.empty();
    }

    // ---- stage 3: the person's schedule ----

    private Optional<Refusal> schedule(Identified who, Instant at) {
        return who.person()
                .filter(p -> !p.schedule().allows(at.atZone(zone.get())))
                .map(p -> Refusal.OUTSIDE_SCHEDULE);
    }

    // ---- stage 5: the unlock interval (the exit button is never held back: nobody may be locked in) ----

    private static Optional<Refusal> interval(
            Credential c, Instant at, Optional<Instant> lastUnlock, AccessSettings s) {
        if (c instanceof Credential.ExitButton || lastUnlock.isEmpty()) {
            return Optional.empty();
        }
        return at.isBefore(lastUnlock.get().plus(s.unlockRespondingInterval()))
                ? Optional.of(Refusal.UNLOCK_INTERVAL)
                : Optional.empty();
    }

    // ---- stage 4: which lock ----

    private static Step<LockChoice> chooseLock(Credential c, AccessSettings s) {
        return switch (c) {
            case Credential.Remote r -> new Step.Pass<>(r.lock().orElse(s.lockFor(UnlockMethod.REMOTE)));
            case Credential.Dtmf d ->
                d.digits().equals(s.firstUnlockCommand())
                        ? new Step.Pass<>(LockChoice.LOCK_1)
                        : d.digits().equals(s.secondUnlockCommand())
                                ? new Step.Pass<>(LockChoice.LOCK_2)
                                : new Step.Stop<>(Refusal.WRONG_COMMAND);
            default -> new Step.Pass<>(s.lockFor(c.method()));
        };
    }
}

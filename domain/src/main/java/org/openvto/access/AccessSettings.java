package org.openvto.access;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.openvto.validation.Violations;

/**
 * Local Setting › Access Control: the real device's parameters (Dahua {@code AccessControl} table in brackets).
 * Immutable; {@link #check} names the rule a value breaks.
 *
 * @param unlockRespondingInterval minimum time between two unlocks ({@code UnlockReloadInterval}), 0–60 s
 * @param unlockPeriod             how long the lock relay stays energized ({@code UnlockHoldInterval}), 1–20 s
 * @param doorSensorEnabled        the door sensor is wired and watched ({@code SensorEnable})
 * @param doorContact              the door contact is normally open or normally closed
 * @param doorSensorCheck          the door may stay open this long before "door not closed" ({@code CloseTimeout}),
 *                                 1–3600 s
 * @param exitButtonEnabled        the exit button opens the door
 * @param locks                    which lock each method opens
 * @param firstUnlockCommand       the DTMF digits that open lock 1 during a call, 1–8 of {@code 0-9 * #}
 * @param secondUnlockCommand      the DTMF digits that open lock 2 during a call
 * @param duressAlarm              a duress PIN raises the silent alarm ({@code DuressAlarmEnable})
 * @param doorNotClosedAlarm       ({@code DoorNotClosedAlarmEnable})
 * @param forcedOpenAlarm          ({@code BreakInAlarmEnable})
 * @param alarmSound               how long an alarm sounds at the door (Quick Start Guide 3.2: 15 s), 1–300 s
 * @param keypadLockAfter          wrong passwords in a row that lock the keypad, 3–10
 * @param keypadLockTime           how long the keypad stays locked, 1–60 min
 * @param recordCap                records kept per type, 1,000–1,000,000
 * @param recordDays               records kept at most this many days, 1–3650
 */
public record AccessSettings(
        Duration unlockRespondingInterval,
        Duration unlockPeriod,
        boolean doorSensorEnabled,
        DoorContact doorContact,
        Duration doorSensorCheck,
        boolean exitButtonEnabled,
        Map<UnlockMethod, LockChoice> locks,
        String firstUnlockCommand,
        String secondUnlockCommand,
        boolean duressAlarm,
        boolean doorNotClosedAlarm,
        boolean forcedOpenAlarm,
        Duration alarmSound,
        int keypadLockAfter,
        Duration keypadLockTime,
        int recordCap,
        int recordDays) {
    /** The door contact: normally open (closed while the door is open) or normally closed (open while open). */
    public enum DoorContact {
        NO,
        NC
    }

    public static final AccessSettings DEFAULTS = new AccessSettings(
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            true,
            DoorContact.NC,
            Duration.ofSeconds(30),
            true,
            defaultLocks(),
            "#",
            "*",
            true,
            true,
            true,
            Duration.ofSeconds(15),
            5,
            Duration.ofMinutes(5),
            100_000,
            365);

    public AccessSettings {
        Objects.requireNonNull(doorContact, "doorContact");
        Map<UnlockMethod, LockChoice> all = new EnumMap<>(defaultLocks());
        all.putAll(locks);
        locks = Map.copyOf(all);
    }

    private static Map<UnlockMethod, LockChoice> defaultLocks() {
        Map<UnlockMethod, LockChoice> m = new EnumMap<>(UnlockMethod.class);
        for (UnlockMethod method : UnlockMethod.values()) {
            m.put(method, LockChoice.LOCK_1);
        }
        return m;
    }

    public LockChoice lockFor(UnlockMethod method) {
        return locks.get(method);
    }

    /** Adds a violation per value out of its range, named by its field. */
    public void check(Violations v) {
        seconds(v, "unlockRespondingInterval", unlockRespondingInterval, 0, 60);
        seconds(v, "unlockPeriod", unlockPeriod, 1, 20);
        seconds(v, "doorSensorCheck", doorSensorCheck, 1, 3600);
        seconds(v, "alarmSound", alarmSound, 1, 300);
        command(v, "firstUnlockCommand", firstUnlockCommand);
        command(v, "secondUnlockCommand", secondUnlockCommand);
        if (!v.has("firstUnlockCommand")
                && !v.has("secondUnlockCommand")
                && (firstUnlockCommand.startsWith(secondUnlockCommand)
                        || secondUnlockCommand.startsWith(firstUnlockCommand))) {
            v.add("secondUnlockCommand", "must differ from the First Unlock Command and not begin with it");
        }
        v.check(
                keypadLockAfter >= 3 && keypadLockAfter <= 10,
                "keypadLockAfter",
                "must be between 3 and 10 wrong passwords");
        v.check(
                keypadLockTime != null
                        && keypadLockTime.toSeconds() >= 60
                        && keypadLockTime.toSeconds() <= 3600
                        && keypadLockTime.toSeconds() % 60 == 0,
                "keypadLockTime",
                "must be 1 to 60 whole minutes");
        v.check(
                recordCap >= 1_000 && recordCap <= 1_000_000,
                "recordCap",
                "must be between 1,000 and 1,000,000 records");
        v.check(recordDays >= 1 && recordDays <= 3650, "recordDays", "must be between 1 and 3650 days");
    }

    private static void seconds(Violations v, String field, Duration d, int min, int max) {
        v.check(
                d != null
                        && !d.isNegative()
                        && d.toSeconds() >= min
                        && d.toSeconds() <= max
                        && d.toNanos() % 1_000_000_000L == 0,
                field,
                "must be between " + min + " and " + max + " whole seconds");
    }

    private static void command(Violations v, String field, String command) {
        v.check(
                command != null && command.matches("[0-9*#]{1,8}"),
                field,
                "must be 1 to 8 of the DTMF keys 0-9, * and #");
    }

    /** A copy to change a few values of ({@code DEFAULTS.toBuilder().unlockPeriod(…).build()}). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some values of a settings record; {@link #build} makes the new one. Not thread-safe. */
    public static final class Builder {
        private Duration unlockRespondingInterval;
        private Duration unlockPeriod;
        private boolean doorSensorEnabled;
        private boolean exitButtonEnabled;
        private Map<UnlockMethod, LockChoice> locks;
        private final AccessSettings base;

        private Builder(AccessSettings s) {
            base = s;
            unlockRespondingInterval = s.unlockRespondingInterval;
            unlockPeriod = s.unlockPeriod;
            doorSensorEnabled = s.doorSensorEnabled;
            exitButtonEnabled = s.exitButtonEnabled;
            locks = s.locks;
        }

        public Builder unlockRespondingInterval(Duration d) {
            unlockRespondingInterval = d;
            return this;
        }

        public Builder unlockPeriod(Duration d) {
            unlockPeriod = d;
            return this;
        }

        public Builder doorSensorEnabled(boolean on) {
            doorSensorEnabled = on;
            return this;
        }

        public Builder exitButtonEnabled(boolean on) {
            exitButtonEnabled = on;
            return this;
        }

        public Builder lock(UnlockMethod method, LockChoice lock) {
            Map<UnlockMethod, LockChoice> m = new EnumMap<>(locks);
            m.put(method, lock);
            locks = m;
            return this;
        }

        public AccessSettings build() {
            AccessSettings b = base;
            return new AccessSettings(
                    unlockRespondingInterval,
                    unlockPeriod,
                    doorSensorEnabled,
                    b.doorContact,
                    b.doorSensorCheck,
                    exitButtonEnabled,
                    locks,
                    b.firstUnlockCommand,
                    b.secondUnlockCommand,
                    b.duressAlarm,
                    b.doorNotClosedAlarm,
                    b.forcedOpenAlarm,
                    b.alarmSound,
                    b.keypadLockAfter,
                    b.keypadLockTime,
                    b.recordCap,
                    b.recordDays);
        }
    }
}

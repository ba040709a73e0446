package org.openvto.household;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openvto.access.AccessSettings;
import org.openvto.access.LockChoice;
import org.openvto.access.UnlockMethod;
import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;

/**
 * The settings of Local Setting › Access Control, each key named once, read and written here. Durations are
 * stored in seconds. The public unlock password is stored as its keyed digest, sealed.
 */
final class AccessKeys {
    static final SettingKey RESPONDING_INTERVAL = SettingKey.plain("access.unlock-responding-interval");
    static final SettingKey UNLOCK_PERIOD = SettingKey.plain("access.unlock-period");
    static final SettingKey SENSOR_ENABLED = SettingKey.plain("access.door-sensor-enabled");
    static final SettingKey CONTACT = SettingKey.plain("access.door-contact");
    static final SettingKey SENSOR_CHECK = SettingKey.plain("access.door-sensor-check");
    static final SettingKey EXIT_BUTTON = SettingKey.plain("access.exit-button-enabled");
    static final SettingKey LOCKS = SettingKey.plain("access.locks");
    static final SettingKey FIRST_COMMAND = SettingKey.plain("access.first-unlock-command");
    static final SettingKey SECOND_COMMAND = SettingKey.plain("access.second-unlock-command");
    static final SettingKey DURESS_ALARM = SettingKey.plain("access.duress-alarm");
    static final SettingKey NOT_CLOSED_ALARM = SettingKey.plain("access.door-not-closed-alarm");
    static final SettingKey FORCED_ALARM = SettingKey.plain("access.forced-open-alarm");
    static final SettingKey ALARM_SOUND = SettingKey.plain("access.alarm-sound");
    static final SettingKey LOCK_AFTER = SettingKey.plain("access.keypad-lock-after");
    static final SettingKey LOCK_TIME = SettingKey.plain("access.keypad-lock-time");
    static final SettingKey RECORD_CAP = SettingKey.plain("access.record-cap");
    static final SettingKey RECORD_DAYS = SettingKey.plain("access.record-days");
    static final SettingKey PUBLIC_PASSWORD = SettingKey.secret("access.public-password");

    private AccessKeys() {}

    static AccessSettings read(SettingsStore s) {
        AccessSettings d = AccessSettings.DEFAULTS;
        return new AccessSettings(
                seconds(s, RESPONDING_INTERVAL, d.unlockRespondingInterval()),
                seconds(s, UNLOCK_PERIOD, d.unlockPeriod()),
                bool(s, SENSOR_ENABLED, d.doorSensorEnabled()),
                s.get(CONTACT)
                        .flatMap(v -> parse(AccessSettings.DoorContact::valueOf, v))
                        .orElse(d.doorContact()),
                seconds(s, SENSOR_CHECK, d.doorSensorCheck()),
                bool(s, EXIT_BUTTON, d.exitButtonEnabled()),
                s.get(LOCKS).map(AccessKeys::locks).orElse(d.locks()),
                s.get(FIRST_COMMAND).orElse(d.firstUnlockCommand()),
                s.get(SECOND_COMMAND).orElse(d.secondUnlockCommand()),
                bool(s, DURESS_ALARM, d.duressAlarm()),
                bool(s, NOT_CLOSED_ALARM, d.doorNotClosedAlarm()),
                bool(s, FORCED_ALARM, d.forcedOpenAlarm()),
                seconds(s, ALARM_SOUND, d.alarmSound()),
                number(s, LOCK_AFTER, d.keypadLockAfter()),
                seconds(s, LOCK_TIME, d.keypadLockTime()),
                number(s, RECORD_CAP, d.recordCap()),
                number(s, RECORD_DAYS, d.recordDays()));
    }

    static Map<SettingKey, String> write(AccessSettings a) {
        Map<SettingKey, String> m = new HashMap<>();
        m.put(RESPONDING_INTERVAL, String.valueOf(a.unlockRespondingInterval().toSeconds()));
        m.put(UNLOCK_PERIOD, String.valueOf(a.unlockPeriod().toSeconds()));
        m.put(SENSOR_ENABLED, String.valueOf(a.doorSensorEnabled()));
        m.put(CONTACT, a.doorContact().name());
        m.put(SENSOR_CHECK, String.valueOf(a.doorSensorCheck().toSeconds()));
        m.put(EXIT_BUTTON, String.valueOf(a.exitButtonEnabled()));
        StringBuilder locks = new StringBuilder();
        a.locks().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> locks.append(locks.isEmpty() ? "" : ",")
                        .append(e.getKey().token())
                        .append('=')
                        .append(e.getValue().token()));
        m.put(LOCKS, locks.toString());
        m.put(FIRST_COMMAND, a.firstUnlockCommand());
        m.put(SECOND_COMMAND, a.secondUnlockCommand());
        m.put(DURESS_ALARM, String.valueOf(a.duressAlarm()));
        m.put(NOT_CLOSED_ALARM, String.valueOf(a.doorNotClosedAlarm()));
        m.put(FORCED_ALARM, String.valueOf(a.forcedOpenAlarm()));
        m.put(ALARM_SOUND, String.valueOf(a.alarmSound().toSeconds()));
        m.put(LOCK_AFTER, String.valueOf(a.keypadLockAfter()));
        m.put(LOCK_TIME, String.valueOf(a.keypadLockTime().toSeconds()));
        m.put(RECORD_CAP, String.valueOf(a.recordCap()));
        m.put(RECORD_DAYS, String.valueOf(a.recordDays()));
        return m;
    }

    /** {@code card=lock-1,remote=both}; a method or lock this version does not know is left out. */
    private static Map<UnlockMethod, LockChoice> locks(String value) {
        Map<UnlockMethod, LockChoice> m = new EnumMap<>(UnlockMethod.class);
        for (String part : value.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                UnlockMethod.parse(kv[0])
                        .ifPresent(method -> LockChoice.parse(kv[1]).ifPresent(c -> m.put(method, c)));
            }
        }
        return m;
    }

    private static Duration seconds(SettingsStore s, SettingKey key, Duration fallback) {
        return s.get(key)
                .flatMap(v -> parse(Long::parseLong, v))
                .map(Duration::ofSeconds)
                .orElse(fallback);
    }

    private static int number(SettingsStore s, SettingKey key, int fallback) {
        return s.get(key).flatMap(v -> parse(Integer::parseInt, v)).orElse(fallback);
    }

    private static boolean bool(SettingsStore s, SettingKey key, boolean fallback) {
        return s.get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    private static <T> Optional<T> parse(Function<String, T> parser, String v) {
        try {
            return Optional.of(parser.apply(v.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

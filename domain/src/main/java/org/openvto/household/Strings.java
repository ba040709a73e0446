package org.openvto.household;

import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;

/** Small value helpers shared by the installer services. */
final class Strings {
    private Strings() {}

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A blank incoming secret keeps the stored one (the forms never show stored passwords). */
    static String keep(String incoming, String old) {
        return incoming == null || incoming.isEmpty() ? old : incoming;
    }

    static int integer(SettingsStore s, SettingKey key, int fallback) {
        return s.get(key).map(Integer::parseInt).orElse(fallback);
    }
}

package org.openvto.household;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes what differs between two versions of a settings record for the security log:
 * {@code httpPort 8080→8090}. Components whose name mentions a password or secret are reported as
 * {@code password changed} without their values, so the log never holds a secret.
 */
public final class RecordDiff {
    private RecordDiff() {}

    /** The differences, comma-separated; {@code "no change"} when there is none. */
    public static String of(Record before, Record after) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : after.getClass().getRecordComponents()) {
            Object a = value(c, before);
            Object b = value(c, after);
            if (!Objects.equals(a, b)) {
                parts.add(secret(c.getName()) ? c.getName() + " changed" : c.getName() + " " + text(a) + "→" + text(b));
            }
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret");
    }

    private static String text(Object v) {
        String s = v == null ? "" : v.toString();
        return s.isEmpty() ? "(empty)" : s;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return r == null ? null : c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

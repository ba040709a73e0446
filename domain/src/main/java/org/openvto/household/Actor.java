package org.openvto.household;

import java.util.function.Supplier;

/**
 * Who makes a configuration change and from where, for the security log (seed appendix "Secure Auditing":
 * "the IP addresses … and their key operations"). The web gate binds it for the request's thread; every
 * request runs on its own virtual thread, so the binding cannot leak into another request.
 * Unbound callers (the command line, start-up) are {@link #SYSTEM}.
 */
public record Actor(String username, String source) {
    public static final Actor SYSTEM = new Actor("system", "local");
    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    public static Actor current() {
        Actor a = CURRENT.get();
        return a == null ? SYSTEM : a;
    }

    /** Binds {@code actor} to this thread until {@link #clear}. */
    public static void bind(Actor actor) {
        CURRENT.set(actor);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs {@code action} as {@code actor}, restoring the previous binding afterwards. */
    public static <T> T as(Actor actor, Supplier<T> action) {
        Actor before = CURRENT.get();
        CURRENT.set(actor);
        try {
            return action.get();
        } finally {
            CURRENT.set(before);
        }
    }
}

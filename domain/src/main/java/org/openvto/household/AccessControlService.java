package org.openvto.household;

import java.util.Optional;
import java.util.Set;
import org.openvto.access.AccessSettings;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * Local Setting › Access Control: the unlock and door-sensor parameters, and the public unlock password (Quick
 * Start Guide 2.5: {@code #} + password + {@code #}; there is none until the installer sets one — no default
 * password). A save is live at once and announced as {@code config/access/changed}. Reads come from memory (the
 * access decision reads them on every presentation); only this service writes them. Thread-safe; changes are
 * serialised with every other installer change.
 */
public final class AccessControlService {
    private final InstallationContext ctx;
    private volatile AccessSettings current;

    AccessControlService(InstallationContext ctx) {
        this.ctx = ctx;
        this.current = AccessKeys.read(ctx.settings);
    }

    public AccessSettings current() {
        return current;
    }

    /** Saves the settings, or rejects them naming each rule broken and writes nothing. */
    public Result<Change> update(AccessSettings settings) {
        return ctx.locked(() -> {
            Violations v = new Violations();
            settings.check(v);
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            AccessSettings old = current;
            ctx.settings.putAll(AccessKeys.write(settings));
            current = AccessKeys.read(ctx.settings);
            return ctx.changed("access", Set.of(), RecordDiff.of(old, current));
        });
    }

    /** The keyed digest of the public unlock password, if one is set. */
    public Optional<String> publicPasswordDigest() {
        return ctx.settings.get(AccessKeys.PUBLIC_PASSWORD).filter(s -> !s.isEmpty());
    }

    /**
     * Sets ({@code digest}) or removes (empty) the public unlock password. The caller checks the password's rules
     * and that no person's PIN is the same (both need the people); this only stores the digest.
     */
    public Result<Change> publicPassword(Optional<String> digest) {
        return ctx.locked(() -> {
            ctx.settings.putAll(java.util.Map.of(AccessKeys.PUBLIC_PASSWORD, digest.orElse("")));
            return ctx.changed(
                    "access", Set.of(), digest.isPresent() ? "public password set" : "public password removed");
        });
    }
}

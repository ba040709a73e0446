package org.openvto.facade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One module of the façade and the rooms of its call keys (Quick Start Guide 4.2.7.2), key 1 first; an empty
 * string is a key without a room. Modules without call keys have an empty list.
 */
public record FacadeModule(ModuleKind kind, List<String> keys) {
    public FacadeModule {
        List<String> copy = new ArrayList<>();
        if (keys != null) {
            keys.forEach(k -> copy.add(k == null ? "" : k.strip()));
        }
        keys = Collections.unmodifiableList(copy);
    }

    /** {@code button-5(101,102,,,)}: short enough for the security log's record of a change. */
    @Override
    public String toString() {
        return keys.isEmpty() ? kind.token() : kind.token() + "(" + String.join(",", keys) + ")";
    }

    /** A module of {@code kind} with all its keys unassigned. */
    public static FacadeModule of(ModuleKind kind) {
        return new FacadeModule(kind, Collections.nCopies(kind.callKeys(), ""));
    }
}

package org.openvto.household;

import java.util.Set;

/** What a saved installer change did: which services restart to apply it (empty: none). */
public record Change(Set<Service> restart) {
    public Change {
        restart = Set.copyOf(restart);
    }
}

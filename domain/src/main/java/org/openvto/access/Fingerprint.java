package org.openvto.access;

import java.time.Instant;
import java.util.Objects;

/**
 * An enrolled finger of a person. The template (what the fingerprint module hands over) is not part of this
 * view: it is sealed at rest and only its keyed digest is compared ({@link CredentialDigests}).
 *
 * @param id    the store's id
 * @param label what the installer called it ("right index")
 */
public record Fingerprint(long id, String label, Instant enrolledAt) {
    public Fingerprint {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }
}

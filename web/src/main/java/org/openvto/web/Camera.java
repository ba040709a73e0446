package org.openvto.web;

import java.util.Optional;

/**
 * The door camera as the console sees it (the application supplies it from its video sources).
 *
 * <p>Threading: called on request threads; {@link #snapshotJpeg} may take tens of milliseconds (drawing or
 * decoding a picture), never longer than a second.
 */
public interface Camera {
    /** The stream names the API accepts. */
    enum Stream {
        MAIN,
        SUB
    }

    /** The current picture of {@code stream} as a JPEG at that stream's resolution; empty before the first one. */
    Optional<byte[]> snapshotJpeg(Stream stream);

    /** No camera (tests of other features). */
    Camera NONE = stream -> Optional.empty();
}

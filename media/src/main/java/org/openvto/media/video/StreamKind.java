package org.openvto.media.video;

/** The door camera's two encodings (Local Setting › Video &amp; Audio): main stream and sub stream. */
public enum StreamKind {
    MAIN,
    SUB
}

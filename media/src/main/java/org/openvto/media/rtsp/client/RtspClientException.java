package org.openvto.media.rtsp.client;

import java.io.IOException;

/**
 * The server refused (a status other than 2xx: {@link #status()}) or answered what is not RTSP ({@code status} 0).
 * The message is fit for the console: "401 Unauthorized: wrong user or password".
 */
public final class RtspClientException extends IOException {
    private final int status;

    public RtspClientException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The RTSP status, 0 for malformed input. */
    public int status() {
        return status;
    }
}

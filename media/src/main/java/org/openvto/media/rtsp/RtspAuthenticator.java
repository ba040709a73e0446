package org.openvto.media.rtsp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether an RTSP request may proceed (RFC 2326 §12.5 {@code Authorization}; Digest as RFC 2617). The
 * application supplies it (device accounts, lock-outs); the server only relays headers.
 *
 * <p>Threading: called on a network thread; the work (hashing, the account store, the lock-out record) must run
 * elsewhere, the returned stage completing on any thread. A failed stage is treated as a refusal with 500.
 */
public interface RtspAuthenticator {
    /**
     * @param method the request method
     * @param uri the Request-URI (Digest's {@code uri} must equal it)
     * @param authorization the {@code Authorization} header, if sent
     * @param remote the client's address (lock-outs count per account and per address)
     */
    CompletionStage<Decision> check(
            String method, String uri, Optional<String> authorization, InetSocketAddress remote);

    /** The outcome. */
    sealed interface Decision {
        record Allowed(String username) implements Decision {}

        /** 401 with these {@code WWW-Authenticate} values. */
        record Challenge(List<String> wwwAuthenticate) implements Decision {}

        /** Any other refusal, e.g. 403 for a locked account or 400 for a malformed header. */
        record Refused(int status, String reason) implements Decision {}
    }
}

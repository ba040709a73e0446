package org.openvto.web.internal;

import java.net.URI;
import java.util.Optional;

/**
 * The cross-site request forgery rules of the console and API, as pure functions of the request's method and
 * headers (see {@link WebAuth}). A state-changing request is refused when its {@code Origin} is another site
 * or {@code null} (sandboxed frames, {@code file:} pages), or — without an {@code Origin} — when its
 * {@code Referer} is another site; a request with neither comes from a non-browser client and passes (browsers
 * always send {@code Origin} on such requests). Stateless and thread-safe.
 */
final class SameOrigin {
    private SameOrigin() {}

    /** GET, HEAD and OPTIONS change nothing and are never refused. */
    static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** Why the request must be refused, or empty when it may proceed. */
    static Optional<String> refusal(String method, String host, String origin, String referer) {
        if (safe(method)) {
            return Optional.empty();
        }
        if (origin != null) {
            return authority(origin).equalsIgnoreCase(String.valueOf(host))
                    ? Optional.empty()
                    : Optional.of("cross-origin request refused: Origin " + origin);
        }
        if (referer != null && !authority(referer).equalsIgnoreCase(String.valueOf(host))) {
            return Optional.of("cross-origin request refused: Referer from another site");
        }
        return Optional.empty();
    }

    /** True for {@code application/json} with or without parameters ({@code ; charset=utf-8}). */
    static boolean isJson(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        return media.equalsIgnoreCase("application/json");
    }

    /** {@code host[:port]} of an absolute URL, or "" when it has none ({@code null}, {@code file:}, garbage). */
    private static String authority(String url) {
        try {
            String authority = URI.create(url).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}

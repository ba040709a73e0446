package org.openvto.app;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvto.digest.DigestAlgorithm;

/**
 * A minimal independent HTTP Digest client for tests (RFC 7616 client side): answers the server's
 * challenge for a chosen algorithm. Written from the RFC, not from the server's code, so it checks
 * the server rather than mirroring it.
 */
final class DigestClient {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");
    private final String user;
    private final String password;
    private final DigestAlgorithm algorithm;
    private String lastAuthorization;

    DigestClient(String user, String password, DigestAlgorithm algorithm) {
        this.user = user;
        this.password = password;
        this.algorithm = algorithm;
    }

    HttpResponse<String> send(String base, String method, String path, String json) throws Exception {
        return send(base, method, path, json, new String[0]);
    }

    /**
     * Like {@link #send(String, String, String, String)}, with {@code headers} (name, value, …) on the
     * authenticated second request only — as a browser that cached the credentials sends them.
     */
    HttpResponse<String> send(String base, String method, String path, String json, String... headers)
            throws Exception {
        HttpResponse<String> first =
                VtoProcess.HTTP.send(request(base, method, path, json, null), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 401) {
            return first;
        }
        Map<String, String> challenge = pick(first.headers().allValues("WWW-Authenticate"));
        lastAuthorization = authorization(challenge, method, path);
        return VtoProcess.HTTP.send(
                request(base, method, path, json, lastAuthorization, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** An authenticated GET whose body is bytes (a JPEG snapshot). */
    HttpResponse<byte[]> getBytes(String base, String path) throws Exception {
        HttpResponse<byte[]> first =
                VtoProcess.HTTP.send(request(base, "GET", path, null, null), HttpResponse.BodyHandlers.ofByteArray());
        if (first.statusCode() != 401) {
            return first;
        }
        Map<String, String> challenge = pick(first.headers().allValues("WWW-Authenticate"));
        return VtoProcess.HTTP.send(
                request(base, "GET", path, null, authorization(challenge, "GET", path)),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private Map<String, String> cached;
    private int nc;

    /**
     * Like {@link #send(String, String, String, String)}, but keeps the server's nonce and counts {@code nc} up
     * (RFC 7616 §3.4), so each request after the first is one round trip, as a load-generating client does. A
     * 401 (the nonce went stale) takes the new challenge. Not thread-safe: one client per thread.
     */
    HttpResponse<String> sendReusingNonce(String base, String method, String path, String json) throws Exception {
        if (cached != null) {
            String auth = authorization(cached, method, path, String.format("%08x", ++nc));
            HttpResponse<String> r =
                    VtoProcess.HTTP.send(request(base, method, path, json, auth), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 401) {
                return r;
            }
        }
        HttpResponse<String> first =
                VtoProcess.HTTP.send(request(base, method, path, json, null), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 401) {
            return first;
        }
        cached = pick(first.headers().allValues("WWW-Authenticate"));
        nc = 1;
        return VtoProcess.HTTP.send(
                request(base, method, path, json, authorization(cached, method, path, "00000001")),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a Server-Sent Events stream at {@code path}: its lines as they arrive (close the stream to end it). */
    HttpResponse<java.util.stream.Stream<String>> stream(String base, String path) throws Exception {
        String[] accept = {"Accept", "text/event-stream"};
        HttpResponse<String> first = VtoProcess.HTTP.send(
                request(base, "GET", path, null, null, accept), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 401) {
            throw new AssertionError("expected a Digest challenge, got " + first.statusCode() + ": " + first.body());
        }
        lastAuthorization = authorization(pick(first.headers().allValues("WWW-Authenticate")), "GET", path);
        return VtoProcess.HTTP.send(
                request(base, "GET", path, null, lastAuthorization, accept), HttpResponse.BodyHandlers.ofLines());
    }

    /** Sends exactly the previous Authorization header again (a replay). */
    HttpResponse<String> replay(String base, String method, String path) throws Exception {
        return VtoProcess.HTTP.send(
                request(base, method, path, null, lastAuthorization), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> pick(List<String> challenges) {
        for (String c : challenges) {
            Map<String, String> p = params(c);
            if (algorithm.token().equalsIgnoreCase(p.getOrDefault("algorithm", "MD5"))) {
                return p;
            }
        }
        throw new AssertionError("server offered no " + algorithm.token() + " challenge: " + challenges);
    }

    private String authorization(Map<String, String> c, String method, String uri) {
        return authorization(c, method, uri, "00000001");
    }

    private String authorization(Map<String, String> c, String method, String uri, String nc) {
        byte[] rnd = new byte[8];
        new SecureRandom().nextBytes(rnd);
        String cnonce = HexFormat.of().formatHex(rnd);
        String ha1 = algorithm.hex(user + ":" + c.get("realm") + ":" + password);
        String ha2 = algorithm.hex(method + ":" + uri);
        String response = algorithm.hex(ha1 + ":" + c.get("nonce") + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + c.get("realm") + "\", nonce=\"" + c.get("nonce")
                + "\", uri=\"" + uri + "\", algorithm=" + algorithm.token() + ", qop=auth, nc=" + nc + ", cnonce=\""
                + cnonce + "\", response=\"" + response + "\", opaque=\"" + c.get("opaque") + "\"";
    }

    private static Map<String, String> params(String header) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static HttpRequest request(
            String base, String method, String path, String json, String auth, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}

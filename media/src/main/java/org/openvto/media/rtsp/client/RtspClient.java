package org.openvto.media.rtsp.client;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvto.digest.DigestChallenge;
import org.openvto.media.rtsp.client.internal.ResponseReader;

/**
 * One RTSP connection to a camera (see the package comment): {@link #open}, {@link #describe}, {@link #play},
 * {@link #receive}, {@link #close}. Blocking; one thread uses it, except {@link #close}, which may be called from
 * any thread to end a blocked {@link #receive}.
 */
public final class RtspClient implements Closeable {
    /** The account on the camera; {@code allowBasic} permits sending the password in clear when asked for Basic. */
    public record Credentials(String username, String password, boolean allowBasic) {
        public static final Credentials NONE = new Credentials("", "", false);
    }

    /** Receives each RTP packet of the video track (interleaved channel 0); {@code packet} is reused afterwards. */
    @FunctionalInterface
    public interface RtpHandler {
        void rtp(byte[] packet, int length);
    }

    private static final String USER_AGENT = "OpenVTO relay";

    private final Socket socket;
    private final ResponseReader reader;
    private final OutputStream out;
    private final String url; // without user info
    private final Credentials credentials;
    private final Duration silence;
    private int cseq;
    private String session;
    private Duration sessionTimeout = Duration.ofSeconds(60);
    private DigestChallenge digest; // the challenge answered, once seen
    private boolean basic;
    private int nonceCount;
    private final String cnonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    private RtspClient(Socket socket, String url, Credentials credentials, Duration silence) throws IOException {
        this.socket = socket;
        this.reader = new ResponseReader(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = socket.getOutputStream();
        this.url = url;
        this.credentials = credentials;
        this.silence = silence;
    }

    /**
     * Connects to {@code uri} ({@code rtsp://host[:port]/path}, port 554 by default) within {@code timeout}; a
     * connection silent for {@code timeout} afterwards fails the blocked call.
     */
    public static RtspClient open(URI uri, Credentials credentials, Duration timeout) throws IOException {
        if (!"rtsp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new RtspClientException(0, "not an rtsp:// URL: " + uri);
        }
        int port = uri.getPort() < 0 ? 554 : uri.getPort();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) Math.min(timeout.toMillis(), 1_000));
            socket.setTcpNoDelay(true);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String host = uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost();
            return new RtspClient(socket, "rtsp://" + host + ":" + port + path + query, credentials, timeout);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** DESCRIBE: the first H.264 track; a stream without one is a {@link RtspClientException}. */
    public H264Track describe() throws IOException {
        ResponseReader.Response r = request("DESCRIBE", url, "Accept: application/sdp\r\n");
        String base = Optional.ofNullable(r.header("Content-Base"))
                .or(() -> Optional.ofNullable(r.header("Content-Location")))
                .orElse(url);
        return H264Track.parse(new String(r.body(), StandardCharsets.UTF_8), base)
                .orElseThrow(() -> new RtspClientException(0, "the camera offers no H.264 video track"));
    }

    /** SETUP of {@code track} interleaved on channels 0–1, then PLAY. */
    public void play(H264Track track) throws IOException {
        ResponseReader.Response setup =
                request("SETUP", track.control(), "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n");
        String s = setup.header("Session");
        if (s == null) {
            throw new RtspClientException(0, "SETUP answered without a Session");
        }
        String[] parts = s.split(";");
        session = parts[0].strip();
        for (String p : parts) {
            Matcher m = Pattern.compile("(?i)\\s*timeout\\s*=\\s*(\\d{1,5})").matcher(p);
            if (m.matches() && Integer.parseInt(m.group(1)) >= 5) {
                sessionTimeout = Duration.ofSeconds(Integer.parseInt(m.group(1)));
            }
        }
        request("PLAY", url, "Range: npt=0.000-\r\n");
    }

    /**
     * Hands every RTP packet of channel 0 to {@code handler} until {@code running} turns false or the connection
     * fails; sends a keep-alive (GET_PARAMETER) every half session timeout. No data for the open timeout is a
     * failure ("the camera sent nothing for 10 s").
     */
    public void receive(RtpHandler handler, BooleanSupplier running) throws IOException {
        long lastData = System.nanoTime();
        long lastKeepAlive = System.nanoTime();
        while (running.getAsBoolean()) {
            if (System.nanoTime() - lastKeepAlive > sessionTimeout.toNanos() / 2) {
                send("GET_PARAMETER", url, "");
                lastKeepAlive = System.nanoTime();
            }
            ResponseReader.Message m;
            try {
                m = reader.next();
            } catch (SocketTimeoutException quiet) {
                if (System.nanoTime() - lastData > silence.toNanos()) {
                    throw new RtspClientException(0, "the camera sent nothing for " + silence.toSeconds() + " s");
                }
                continue;
            }
            lastData = System.nanoTime();
            if (m instanceof ResponseReader.Frame f && f.channel() == 0) {
                handler.rtp(f.data(), f.length());
            }
            // RTCP (channel 1) and keep-alive answers need nothing
        }
    }

    /** TEARDOWN (best effort) and close; safe from any thread, twice. */
    @Override
    public void close() {
        if (session != null && !socket.isClosed()) {
            try {
                send("TEARDOWN", url, "");
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    private ResponseReader.Response request(String method, String uri, String headers) throws IOException {
        for (int attempt = 0; ; attempt++) {
            int sent = send(method, uri, headers);
            ResponseReader.Response r = awaitResponse(sent);
            if (r.status() == 401 && attempt == 0 && challenge(r)) {
                continue; // answer the challenge once
            }
            if (r.status() / 100 != 2) {
                throw new RtspClientException(r.status(), describe(method, r));
            }
            return r;
        }
    }

    private static String describe(String method, ResponseReader.Response r) {
        String text = r.status() + " " + r.reason();
        return switch (r.status()) {
            case 401 -> text + ": wrong user or password";
            case 404 -> text + ": no such stream on the camera";
            case 453 -> text + ": the camera serves no more streams";
            default -> method + " refused: " + text;
        };
    }

    private ResponseReader.Response awaitResponse(int sent) throws IOException {
        long deadline = System.nanoTime() + silence.toNanos();
        while (true) {
            ResponseReader.Message m;
            try {
                m = reader.next();
            } catch (SocketTimeoutException quiet) {
                if (System.nanoTime() > deadline) {
                    throw new RtspClientException(0, "the camera did not answer in " + silence.toSeconds() + " s");
                }
                continue;
            }
            if (m instanceof ResponseReader.Response r) {
                String c = r.header("CSeq");
                if (c == null || c.strip().equals(String.valueOf(sent))) {
                    return r;
                }
            }
        }
    }

    /** Reads the server's challenge; false when there is none this client may answer. */
    private boolean challenge(ResponseReader.Response r) {
        if (credentials.username().isEmpty()) {
            return false;
        }
        List<String> offers = r.headers().getOrDefault("www-authenticate", List.of());
        var strongest = DigestChallenge.strongest(offers); // SHA-256 when offered, else MD5 (RFC 8760 §2.4)
        if (strongest.isPresent()) {
            digest = strongest.get();
            nonceCount = 0;
            return true;
        }
        if (credentials.allowBasic()) {
            for (String offer : offers) {
                if (offer.regionMatches(true, 0, "Basic", 0, 5)) {
                    basic = true;
                    return true;
                }
            }
        }
        return false;
    }

    private String authorization(String method, String uri) {
        if (digest != null) {
            return "Authorization: "
                    + digest.answer(credentials.username(), credentials.password(), method, uri, ++nonceCount, cnonce)
                    + "\r\n";
        }
        if (basic) {
            String token = Base64.getEncoder()
                    .encodeToString(
                            (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
            return "Authorization: Basic " + token + "\r\n";
        }
        return "";
    }

    private synchronized int send(String method, String uri, String headers) throws IOException {
        int n = ++cseq;
        String request = method + " " + uri + " RTSP/1.0\r\nCSeq: " + n + "\r\nUser-Agent: " + USER_AGENT + "\r\n"
                + (session == null ? "" : "Session: " + session + "\r\n") + headers + authorization(method, uri)
                + "\r\n";
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return n;
    }
}

package org.openvto.centre.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openvto.centre.CentreDestination.Delivery;
import org.openvto.centre.OutboxMessage;
import org.openvto.config.ConfigException;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.Ports;
import org.openvto.tls.TlsIdentity;

/**
 * The webhook against a real HTTP server ({@code com.sun.net.httpserver}) on 127.0.0.1: what arrives — method,
 * headers, body, a signature the test checks with its own HMAC —, each way an attempt fails with its reason, and
 * that {@code deliver} never takes longer than its timeout.
 */
class WebhookDestinationTest {
    private static final String SECRET = "centre-shared-secret-42";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String BODY =
            "{\"key\":\"vto-alarm-17\",\"type\":\"duress\",\"detail\":\"PIN of Anna Müller, Tür 1 ☃\"}";
    private static final OutboxMessage MESSAGE =
            OutboxMessage.create("webhook", "vto-alarm-17", "alarm/duress/raised", BODY, NOW);

    private final ManualClock clock = new ManualClock(NOW);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, Object> seen = new ConcurrentHashMap<>();
    private HttpServer server;
    private WebhookDestination webhook;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (webhook != null) {
            webhook.close();
        }
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        return start(handler, "http");
    }

    private URI start(HttpHandler handler, String scheme) {
        server.createContext("/centre/alarms", handler);
        server.setExecutor(handlers);
        server.start();
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/centre/alarms?site=7");
    }

    private WebhookDestination webhook(URI url, Duration timeout) {
        webhook = new WebhookDestination(new WebhookConfig(url, SECRET, timeout), clock);
        return webhook;
    }

    /** Records the request, then answers {@code status} with {@code body}. */
    private HttpHandler answer(int status, String body) {
        return exchange -> {
            record(exchange);
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        };
    }

    private void record(HttpExchange exchange) throws IOException {
        seen.put("method", exchange.getRequestMethod());
        seen.put("uri", exchange.getRequestURI().toString());
        seen.put("headers", exchange.getRequestHeaders());
        try (InputStream in = exchange.getRequestBody()) {
            seen.put("body", in.readAllBytes());
        }
    }

    private String header(String name) {
        return ((com.sun.net.httpserver.Headers) seen.get("headers")).getFirst(name);
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMessageIsPostedAsJsonWithItsKeyTopicTimestampAndASignatureTheCentreCanCheck() throws Exception {
        Delivery d = webhook(serve(answer(200, "")), Duration.ofSeconds(5)).deliver(MESSAGE);

        assertThat(d).isEqualTo(Delivery.DELIVERED);
        assertThat(seen.get("method")).isEqualTo("POST");
        assertThat(seen.get("uri")).isEqualTo("/centre/alarms?site=7");
        assertThat(header("Content-Type")).isEqualTo("application/json");
        assertThat(header("Idempotency-Key")).isEqualTo("vto-alarm-17");
        assertThat(header("X-OpenVTO-Topic")).isEqualTo("alarm/duress/raised");
        assertThat(header("X-OpenVTO-Timestamp")).isEqualTo(String.valueOf(NOW.getEpochSecond()));
        assertThat(header("User-Agent")).isEqualTo("OpenVTO");
        assertThat(new String((byte[]) seen.get("body"), StandardCharsets.UTF_8))
                .isEqualTo(BODY);
        // the receiver's check, written independently of WebhookSignature: HMAC over "<timestamp>.<body>"
        assertThat(header("X-OpenVTO-Signature")).isEqualTo("sha256=" + hmac(NOW.getEpochSecond() + "." + BODY));
        assertThat(WebhookSignature.verify(
                        SECRET, NOW.getEpochSecond(), (byte[]) seen.get("body"), header("X-OpenVTO-Signature")))
                .isTrue();
        assertThat(WebhookSignature.verify(
                        SECRET, NOW.getEpochSecond() + 1, (byte[]) seen.get("body"), header("X-OpenVTO-Signature")))
                .as("another timestamp: a replayed request with a fresh timestamp does not verify")
                .isFalse();
    }

    @Test
    void theSignatureMatchesTheTestVectorOfDocsCentreMd() {
        byte[] body = "{\"key\":\"vto-alarm-17\"}".getBytes(StandardCharsets.UTF_8);
        String sig = "sha256=250d86b6547c1d3fb6421c7d7964b0e517bfa97bf34e6b2606324b312d73b9ce";
        assertThat(WebhookSignature.sign(SECRET, 1796126400L, body)).isEqualTo(sig);
        assertThat(WebhookSignature.verify(SECRET, 1796126400L, body, sig)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, 1796126400L, body, "sha256=zz"))
                .isFalse();
        assertThat(WebhookSignature.verify("another-secret-0123", 1796126400L, body, sig))
                .isFalse();
    }

    @Test
    void eachAttemptIsSignedWithItsOwnTimestampUnderTheSameKey() throws Exception {
        WebhookDestination w = webhook(serve(answer(204, "")), Duration.ofSeconds(5));
        w.deliver(MESSAGE);
        String first = header("X-OpenVTO-Signature");
        clock.advance(Duration.ofSeconds(90));
        w.deliver(MESSAGE);
        assertThat(header("Idempotency-Key")).isEqualTo("vto-alarm-17");
        assertThat(header("X-OpenVTO-Timestamp")).isEqualTo(String.valueOf(NOW.getEpochSecond() + 90));
        assertThat(header("X-OpenVTO-Signature")).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void every2xxIsDelivered(int status) throws Exception {
        assertThat(webhook(serve(answer(status, status == 204 ? "" : "{\"ok\":true}")), Duration.ofSeconds(5))
                        .deliver(MESSAGE))
                .isEqualTo(Delivery.DELIVERED);
    }

    @Test
    void aServerErrorFailsWithTheStatusAndTheFirst200CharactersOfTheAnswerOnOneLine() throws Exception {
        String page = "database\r\ndown " + "x".repeat(400);
        Delivery d = webhook(serve(answer(500, page)), Duration.ofSeconds(5)).deliver(MESSAGE);
        String expected =
                ("database  down " + "x".repeat(400)).substring(0, 200).strip();
        assertThat(d).isEqualTo(new Delivery.Failed("HTTP 500: " + expected));
    }

    @Test
    void aClientErrorWithoutBodyFailsWithItsStatus() throws Exception {
        assertThat(webhook(serve(answer(401, "")), Duration.ofSeconds(5)).deliver(MESSAGE))
                .isEqualTo(new Delivery.Failed("HTTP 401"));
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        URI url = serve(exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        assertThat(webhook(url, Duration.ofSeconds(5)).deliver(MESSAGE)).isEqualTo(new Delivery.Failed("HTTP 302"));
    }

    @Test
    void aServerThatDoesNotAnswerFailsWhenTheTimeoutIsUp() throws Exception {
        URI url = serve(exchange -> {
            record(exchange);
            awaitRelease();
        });
        WebhookDestination w = webhook(url, Duration.ofMillis(300));
        long start = System.nanoTime();
        Delivery d = w.deliver(MESSAGE);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(d).isEqualTo(new Delivery.Failed("no answer from " + authority(url) + " within 300 ms"));
        assertThat(tookMs).as("blocked for its timeout, not longer").isBetween(300L, 1_300L);
        assertThat(seen).as("the request did arrive").containsKey("body");
    }

    @Test
    void anErrorPageThatNeverEndsIsCutNotWaitedFor() throws Exception {
        URI url = serve(exchange -> {
            record(exchange);
            exchange.sendResponseHeaders(503, 0); // chunked, never finished
            OutputStream out = exchange.getResponseBody();
            out.write("maintenance ".repeat(2_000).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitRelease();
        });
        long start = System.nanoTime();
        Delivery d = webhook(url, Duration.ofSeconds(10)).deliver(MESSAGE);
        assertThat(d)
                .isEqualTo(new Delivery.Failed(
                        "HTTP 503: " + "maintenance ".repeat(17).substring(0, 200)));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000L);
    }

    @Test
    void aPortNobodyListensOnFailsAtOnceWithTheReason() {
        URI url = URI.create("http://127.0.0.1:" + Ports.freeTcp() + "/centre");
        long start = System.nanoTime();
        Delivery d = webhook(url, Duration.ofSeconds(5)).deliver(MESSAGE);
        assertThat(d).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) d).reason())
                .isEqualTo("cannot connect to " + authority(url) + ": connection refused");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000L);
    }

    @Test
    void aHostThatDoesNotResolveFailsWithTheReason() {
        Delivery d = webhook(URI.create("https://centre.invalid/hook"), Duration.ofSeconds(5))
                .deliver(MESSAGE);
        assertThat(d).isEqualTo(new Delivery.Failed("cannot resolve centre.invalid"));
    }

    @Test
    void httpsIsVerifiedAgainstTheJdkTrustSoASelfSignedCentreIsRefused() throws Exception {
        SSLContext serverSsl = selfSigned();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverSsl));
        server = https;
        URI url = start(answer(200, ""), "https");

        Delivery refused = webhook(url, Duration.ofSeconds(5)).deliver(MESSAGE);
        assertThat(refused).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) refused).reason()).startsWith("TLS with " + authority(url) + " failed: ");
        assertThat(seen).as("nothing was posted").doesNotContainKey("body");

        // the same centre, its certificate trusted: signed and delivered over TLS
        webhook.close();
        webhook = new WebhookDestination(
                new WebhookConfig(url, SECRET, Duration.ofSeconds(5)), clock, List.of("alarm/"), trusting(serverSsl));
        assertThat(webhook.deliver(MESSAGE)).isEqualTo(Delivery.DELIVERED);
        assertThat(header("X-OpenVTO-Signature")).isEqualTo("sha256=" + hmac(NOW.getEpochSecond() + "." + BODY));
    }

    @Test
    void aKeyHttpCannotCarryFailsInsteadOfThrowing() throws Exception {
        OutboxMessage bad =
                OutboxMessage.create("webhook", "vto-alarm-17\r\nX-Evil: 1", "alarm/tamper/raised", "{}", NOW);
        Delivery d = webhook(serve(answer(200, "")), Duration.ofSeconds(5)).deliver(bad);
        assertThat(d).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) d).reason()).startsWith("cannot send to ");
        assertThat(seen).isEmpty();
    }

    @Test
    void aClosedDestinationFailsInsteadOfThrowing() throws Exception {
        WebhookDestination w = webhook(serve(answer(200, "")), Duration.ofSeconds(5));
        w.close();
        assertThat(w.deliver(MESSAGE)).isInstanceOf(Delivery.Failed.class);
    }

    @Test
    void itTakesAlarmsAndTheSecurityLogUnlessToldOtherwise() {
        WebhookDestination all = webhook(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(1));
        assertThat(all.id()).isEqualTo("webhook");
        assertThat(all.accepts("alarm/tamper/raised")).isTrue();
        assertThat(all.accepts("security/login/failed")).isTrue();
        assertThat(all.accepts("facade/key/pressed")).isFalse();
        try (WebhookDestination alarms = new WebhookDestination(
                new WebhookConfig(URI.create("http://127.0.0.1:1/"), SECRET, Duration.ofSeconds(1)),
                clock,
                List.of("alarm/"))) {
            assertThat(alarms.accepts("security/login/failed")).isFalse();
        }
    }

    @Test
    void aBadSettingNamesItsKey() {
        assertThatThrownBy(() -> WebhookConfig.of("ftp://centre/", SECRET, 1000))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("centre.webhook.url: must be an http:// or https:// URL");
        assertThatThrownBy(() -> WebhookConfig.of("http://cen tre/", SECRET, 1000))
                .hasMessageStartingWith("centre.webhook.url: is not a URL");
        assertThatThrownBy(() -> WebhookConfig.of("https://user:pw@centre/", SECRET, 1000))
                .hasMessageStartingWith("centre.webhook.url: must not carry a user name");
        assertThatThrownBy(() -> WebhookConfig.of("", SECRET, 1000))
                .hasMessage("centre.webhook.url: must not be empty");
        assertThatThrownBy(() -> WebhookConfig.of("https://centre/", "short", 1000))
                .hasMessage("centre.webhook.secret: must be at least 16 characters (was 5)");
        assertThatThrownBy(() -> WebhookConfig.of("https://centre/", SECRET, 50))
                .hasMessage("centre.webhook.timeout-ms: must be between 100 and 60000 (was 50)");
        assertThat(WebhookConfig.of(" https://centre.example/hook ", SECRET, 5000)
                        .toString())
                .as("the secret never appears")
                .doesNotContain(SECRET)
                .contains("https://centre.example/hook");
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String authority(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    /** A TLS server context with a fresh self-signed certificate for 127.0.0.1 (the project's own TlsIdentity). */
    private SSLContext selfSigned() throws Exception {
        var id = new TlsIdentity(dir, "centre-tls", "centre", Clock.systemUTC())
                .load("test centre", TlsIdentity.names(List.of("127.0.0.1")));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(id.keyStore())) {
            ks.load(in, id.password());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, id.password());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("centre", id.certificate());
        return ssl;
    }

    private KeyStore trust;

    private SSLContext trusting(SSLContext unused) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}

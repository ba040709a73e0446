package org.openvto.centre.webhook;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.openvto.centre.CentreDestination;
import org.openvto.centre.OutboxMessage;

/**
 * Delivers the centre's messages as an HTTP webhook (docs/CENTRE.md): each message is one {@code POST} of its JSON
 * body to {@link WebhookConfig#url}, with
 *
 * <pre>
 * Content-Type: application/json
 * Idempotency-Key: vto-alarm-17                 the message's key: the same on every attempt
 * X-OpenVTO-Topic: alarm/duress/raised
 * X-OpenVTO-Timestamp: 1796126400               Unix seconds when this attempt was signed
 * X-OpenVTO-Signature: sha256=&lt;hex&gt;             HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;body&gt;"), see {@link WebhookSignature}
 * User-Agent: OpenVTO
 * </pre>
 *
 * A {@code 2xx} answer means delivered. Anything else is a {@link Delivery.Failed} naming the status and the first
 * {@value #REASON_BODY_CHARS} characters of the answer's body ({@code HTTP 503: maintenance}); redirects are not
 * followed (a {@code 3xx} fails the same way); so do a refused or failed connection, a TLS error and no answer
 * within the timeout, each with its reason. {@code https} URLs are verified against the JDK's default trust store
 * (the certificate must chain to a public CA, or to one added to the JDK's {@code cacerts}) and host name.
 * HTTP/1.1 only; no proxy.
 *
 * <p>Limits: {@link #deliver} returns within {@link WebhookConfig#timeout} (plus scheduling noise) whatever the
 * server does — connecting, a server that never answers, a body that never ends: the exchange is cancelled then; at
 * most {@value #MAX_ANSWER_BYTES} bytes of an answer are read. A host name is resolved by the system resolver
 * within the same bound.
 *
 * <p>Threading: {@link #deliver} may be called from any thread, also concurrently (the outbox calls it from one
 * delivery thread, one message at a time); it never throws. {@link #close} cancels exchanges in flight.
 */
public final class WebhookDestination implements CentreDestination, AutoCloseable {
    /** The outbox's destination id. */
    public static final String ID = "webhook";

    /** Alarms and the security log. */
    public static final List<String> DEFAULT_TOPICS = List.of("alarm/", "security/");

    public static final int REASON_BODY_CHARS = 200;
    static final int MAX_ANSWER_BYTES = 4096;

    private final WebhookConfig config;
    private final Clock clock;
    private final List<String> topics;
    private final HttpClient client;

    /** Takes the {@link #DEFAULT_TOPICS}; {@code clock} stamps {@code X-OpenVTO-Timestamp}. */
    public WebhookDestination(WebhookConfig config, Clock clock) {
        this(config, clock, DEFAULT_TOPICS);
    }

    /** Takes the messages whose topic starts with one of {@code topicPrefixes} ({@code alarm/}). */
    public WebhookDestination(WebhookConfig config, Clock clock, List<String> topicPrefixes) {
        this(config, clock, topicPrefixes, null);
    }

    /** With {@code ssl} instead of the JDK's default trust (tests: a centre with a self-signed certificate). */
    WebhookDestination(WebhookConfig config, Clock clock, List<String> topicPrefixes, SSLContext ssl) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.topics = List.copyOf(topicPrefixes);
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout());
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.client = b.build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String topic) {
        return topics.stream().anyMatch(topic::startsWith);
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        long timeoutMs = config.timeout().toMillis();
        CompletableFuture<HttpResponse<byte[]>> exchange = null;
        try {
            HttpRequest request = request(message, clock.instant().getEpochSecond());
            exchange = client.sendAsync(
                    request,
                    info -> new LimitedBody(
                            info.statusCode() / 100 == 2 ? 0 : MAX_ANSWER_BYTES)); // a 2xx body is not read at all
            HttpResponse<byte[]> response = exchange.get(timeoutMs, TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Delivery.DELIVERED;
            }
            String text = excerpt(response.body());
            return new Delivery.Failed("HTTP " + status + (text.isEmpty() ? "" : ": " + text));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Delivery.Failed("no answer from " + authority() + " within " + timeoutMs + " ms");
        } catch (ExecutionException e) {
            return new Delivery.Failed(describe(e.getCause(), timeoutMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (exchange != null) {
                exchange.cancel(true);
            }
            return new Delivery.Failed("interrupted while sending to " + authority());
        } catch (IllegalArgumentException e) { // a header value HTTP cannot carry (the JDK checks them)
            return new Delivery.Failed("cannot send to " + authority() + ": " + e.getMessage());
        } catch (RuntimeException e) { // a closed client, anything else: a reason, never an exception
            return new Delivery.Failed("cannot send to " + authority() + ": " + e);
        }
    }

    private HttpRequest request(OutboxMessage message, long unixSeconds) {
        byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(config.url())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.key())
                .header("X-OpenVTO-Topic", message.topic())
                .header("X-OpenVTO-Timestamp", Long.toString(unixSeconds))
                .header("X-OpenVTO-Signature", WebhookSignature.sign(config.secret(), unixSeconds, body))
                .header("User-Agent", "OpenVTO")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private String authority() {
        URI u = config.url();
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private String describe(Throwable failure, long timeoutMs) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof java.nio.channels.UnresolvedAddressException
                    || c instanceof java.net.UnknownHostException) {
                return "cannot resolve " + config.url().getHost();
            }
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return "cannot connect to " + authority() + " within " + timeoutMs + " ms";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer from " + authority() + " within " + timeoutMs + " ms";
        }
        if (failure instanceof SSLException) {
            return "TLS with " + authority() + " failed: " + firstMessage(failure);
        }
        if (failure instanceof ConnectException) {
            String why = firstMessage(failure);
            // the JDK's client reports a refused connect as a ConnectException around a bare ClosedChannelException
            return "cannot connect to " + authority() + ": "
                    + (why.equals("ClosedChannelException") ? "connection refused" : why);
        }
        return "sending to " + authority() + " failed: " + firstMessage(failure);
    }

    /**
     * The first cause with a message ({@code ConnectException} from the HTTP client often has none itself), else the
     * innermost cause's name.
     */
    private static String firstMessage(Throwable t) {
        Throwable last = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return c.getMessage();
            }
            last = c;
        }
        return last.getClass().getSimpleName();
    }

    /** The first {@value #REASON_BODY_CHARS} characters of an answer's body, on one line. */
    static String excerpt(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException cannotHappen) {
            text = "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .limit(REASON_BODY_CHARS)
                .forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString().strip();
    }

    /** Cancels exchanges in flight and releases the client's threads. */
    @Override
    public void close() {
        client.shutdownNow();
    }

    /**
     * Keeps at most {@code limit} bytes of an answer's body and stops reading there (a centre that streams an
     * endless error page does not hold the delivery thread); {@code 0}: completes at once without reading.
     */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (limit == 0) {
                s.cancel();
                result.complete(new byte[0]);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                int n = Math.min(b.remaining(), limit - kept.size());
                byte[] part = new byte[n];
                b.get(part);
                kept.write(part, 0, n);
            }
            if (kept.size() >= limit && !result.isDone()) {
                subscription.cancel();
                result.complete(kept.toByteArray());
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }
    }

    /** The configuration without the secret. */
    @Override
    public String toString() {
        return "WebhookDestination[" + config + "]";
    }

    /** How long one attempt may take. */
    public Duration timeout() {
        return config.timeout();
    }
}

package org.openvto.app.centre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.openvto.centre.CentreDestination;
import org.openvto.centre.OutboxMessage;
import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;
import org.openvto.household.Installation;
import org.openvto.network.SipServerSettings;
import org.openvto.sip.codec.SipHeader;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.registrar.Binding;
import org.openvto.sip.server.SipServer;
import org.openvto.sip.transport.SipHop;
import org.openvto.sip.ua.OutOfDialogRequest;
import org.openvto.sip.ua.UserAgentClient;

/**
 * Delivers the centre's messages as SIP {@code MESSAGE} requests (RFC 3428; docs/CENTRE.md) to the management centre
 * — the account {@link Config#centreNumber} ({@code 888888}, Quick Start Guide 4.2.7) registered with this VTO's
 * building SIP server. Each attempt looks the number up in the registrar's bindings at that moment and sends, to
 * every live registration at once,
 *
 * <pre>
 * MESSAGE sip:888888@192.168.1.50:5060;transport=udp SIP/2.0     the registered Contact as Request-URI
 * To: &lt;sip:888888@VDP&gt;
 * From: &lt;sip:8001@VDP&gt;;tag=…                                      this VTO's number at the SIP domain
 * X-OpenVTO-Key: vto-alarm-17                                      the idempotency key
 * X-OpenVTO-Topic: alarm/duress/raised
 * Content-Type: application/json
 *
 * {"key":"vto-alarm-17",…}                                         the body, with "key" added if it had none
 * </pre>
 *
 * over the registration's transport and, for TCP/TLS, its connection (RFC 5626 flow). Delivered when any of them
 * answers {@code 2xx}. Otherwise a {@link Delivery.Failed} with the reason: the SIP server is not running; the number
 * is not registered ({@code 888888 is not registered}); its contact cannot be reached (not an IP address); it answered
 * {@code 4xx}–{@code 6xx} — a {@code 401}/{@code 407} challenge included: the centre registered with this server and
 * has no reason to challenge it, and the VTO has no credentials for it —; no answer (RFC 3261 Timer F, 32 s with the
 * default timers, or a transport error such as a refused TCP connection); or no answer within this destination's
 * own, shorter {@link Config#timeout}, after which the transaction runs on without anybody waiting for it (a late
 * {@code 200} then changes nothing: the outbox retries, and the idempotency key tells the centre it is the same
 * message).
 *
 * <p>The body is the outbox's JSON as it is, except that a JSON object without a {@code key} member gets one (first,
 * with the idempotency key) so that the key travels inside the message too; anything that is not a JSON object
 * goes unchanged.
 *
 * <p>Threading: {@link #deliver} may be called from any thread but the SIP thread (it waits for the SIP thread);
 * it blocks at most {@link Config#timeout} and never throws. Stateless between calls: a restarted SIP server (a
 * new one behind {@code server}) is used from the next call on.
 */
public final class SipCentreDestination implements CentreDestination {
    /** The outbox's destination id. */
    public static final String ID = "sip";

    /** Alarms: what the centre's operators act on (Quick Start Guide 1.2). */
    public static final List<String> DEFAULT_TOPICS = List.of("alarm/");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The centre's SIP account and how long one attempt may take (keys {@code centre.sip.*}).
     *
     * @param centreNumber the centre's account in the registrar ({@code centre.sip.number}, default {@value
     *                     SipServerSettings#CENTRE_CALL_NO}): digits, 1–32
     * @param timeout      the most one attempt waits for an answer ({@code centre.sip.timeout-ms}, 100–32,000 ms:
     *                     at most Timer F with the default timers)
     */
    public record Config(String centreNumber, Duration timeout) {
        public Config {
            ConfigChecks.notBlank("centre.sip.number", centreNumber);
            if (!centreNumber.matches("[0-9]{1,32}")) {
                throw new ConfigException("centre.sip.number", "must be 1–32 digits (was \"" + centreNumber + "\")");
            }
            if (timeout == null) {
                throw new ConfigException("centre.sip.timeout-ms", "must not be empty");
            }
            ConfigChecks.inRange(
                    "centre.sip.timeout-ms", (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE), 100, 32_000);
        }

        /** The Quick Start Guide's centre number with {@code timeoutMs}. */
        public static Config of(String centreNumber, int timeoutMs) {
            return new Config(centreNumber == null ? "" : centreNumber.strip(), Duration.ofMillis(timeoutMs));
        }
    }

    private final Config config;
    private final Supplier<Optional<SipServer>> server;
    private final Supplier<String> from;
    private final List<String> topics;

    /**
     * {@code server} is the building SIP server while it runs (empty while it is off or restarting); {@code from}
     * this VTO's address-of-record for the From header ({@link #vtoAddress}). Takes the {@link #DEFAULT_TOPICS}.
     */
    public SipCentreDestination(Config config, Supplier<Optional<SipServer>> server, Supplier<String> from) {
        this(config, server, from, DEFAULT_TOPICS);
    }

    /** Takes the messages whose topic starts with one of {@code topicPrefixes}. */
    public SipCentreDestination(
            Config config, Supplier<Optional<SipServer>> server, Supplier<String> from, List<String> topicPrefixes) {
        this.config = Objects.requireNonNull(config, "config");
        this.server = Objects.requireNonNull(server, "server");
        this.from = Objects.requireNonNull(from, "from");
        this.topics = List.copyOf(topicPrefixes);
    }

    /** {@code sip:<VTO No.>@<SIP domain>} from the installer's settings as they are at each attempt. */
    public static Supplier<String> vtoAddress(Installation installation) {
        return () -> "sip:" + installation.device().current().vtoNumber() + "@"
                + installation.sipServer().current().domain();
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
        String number = config.centreNumber();
        CompletableFuture<Delivery> outcome;
        try {
            Optional<SipServer> running = server.get();
            if (running.isEmpty()) {
                return new Delivery.Failed("the SIP server is not running");
            }
            SipServer sip = running.get();
            List<Binding> registered = sip.locations().lookup(number);
            if (registered.isEmpty()) {
                return new Delivery.Failed(number + " is not registered");
            }
            outcome = sendToAll(sip.userAgent(), registered, message);
        } catch (RuntimeException e) {
            return new Delivery.Failed("cannot send to " + number + ": " + e.getMessage());
        }
        long ms = config.timeout().toMillis();
        try {
            return outcome.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Delivery.Failed("no answer from " + number + " within " + ms + " ms");
        } catch (ExecutionException e) {
            return new Delivery.Failed("cannot send to " + number + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Failed("interrupted while sending to " + number);
        }
    }

    /** One MESSAGE per registration, in parallel: delivered at the first 2xx, failed once every one has failed. */
    private CompletableFuture<Delivery> sendToAll(UserAgentClient ua, List<Binding> registered, OutboxMessage message) {
        String number = config.centreNumber();
        byte[] body = withKey(message.body(), message.key()).getBytes(StandardCharsets.UTF_8);
        String fromUri = from.get();
        CompletableFuture<Delivery> outcome = new CompletableFuture<>();
        List<String> reasons = new ArrayList<>();
        int[] pending = {registered.size()};
        for (Binding b : registered) {
            CompletableFuture<String> attempt = attempt(ua, b, message, body, fromUri); // null: delivered
            attempt.whenComplete((reason, failure) -> {
                synchronized (reasons) {
                    if (failure == null && reason == null) {
                        outcome.complete(Delivery.DELIVERED);
                        return;
                    }
                    reasons.add(failure != null ? number + " at " + b.contact() + ": " + failure : reason);
                    if (--pending[0] == 0) {
                        outcome.complete(new Delivery.Failed(String.join("; ", reasons)));
                    }
                }
            });
        }
        return outcome;
    }

    /** The reason this registration did not take the message, or {@code null} when it answered 2xx. */
    private CompletableFuture<String> attempt(
            UserAgentClient ua, Binding b, OutboxMessage message, byte[] body, String fromUri) {
        String number = config.centreNumber();
        SipHop hop = SipHop.of(SipUri.parse(b.contact()), b.transport(), b.source());
        if (hop == null) {
            return CompletableFuture.completedFuture(number + "'s contact " + b.contact()
                    + " cannot be reached: not a sip/sips URI with an IP address and a known transport");
        }
        OutOfDialogRequest request;
        try {
            request = new OutOfDialogRequest(
                    "MESSAGE",
                    b.contact(), // RFC 3261 §8.1.1.1 with the registrar's binding (§10): the device itself
                    "sip:" + number + "@" + domainOf(fromUri),
                    fromUri,
                    hop,
                    "application/json",
                    body,
                    List.of(
                            new SipHeader("X-OpenVTO-Key", message.key()),
                            new SipHeader("X-OpenVTO-Topic", message.topic())));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture("cannot send to " + number + ": " + e.getMessage());
        }
        return ua.send(request).thenApply(outcome -> switch (outcome) {
            case UserAgentClient.Outcome.Answered a when a.status() / 100 == 2 -> null;
            case UserAgentClient.Outcome.Answered a
            when a.status() == 401 || a.status() == 407 ->
                number + " at " + b.contact() + " answered " + a.statusLine()
                        + " (a challenge: the VTO does not authenticate to the centre)";
            case UserAgentClient.Outcome.Answered a -> number + " at " + b.contact() + " answered " + a.statusLine();
            case UserAgentClient.Outcome.NoAnswer n ->
                "no answer from " + number + " at " + b.contact() + ": " + n.reason();
        });
    }

    /** The host part of {@code sip:8001@VDP}: the domain the centre's To is written in. */
    private static String domainOf(String uri) {
        SipUri parsed = SipUri.parse(uri);
        return parsed == null || parsed.host() == null ? "invalid" : parsed.host();
    }

    /**
     * {@code body} with {@code "key"} first when it is a JSON object without one; otherwise unchanged (not JSON, not
     * an object, or a key of its own).
     */
    static String withKey(String body, String key) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return body;
        }
        if (!(tree instanceof ObjectNode object) || object.has("key")) {
            return body;
        }
        ObjectNode keyed = JSON.createObjectNode().put("key", key);
        keyed.setAll(object);
        return keyed.toString();
    }

    @Override
    public String toString() {
        return "SipCentreDestination[" + config.centreNumber() + ", "
                + config.timeout().toMillis() + " ms]";
    }
}

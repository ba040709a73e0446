package org.openvto.sip.ua;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openvto.digest.DigestChallenge;
import org.openvto.sip.codec.NameAddr;
import org.openvto.sip.codec.SipHeader;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.transport.SipHop;

/**
 * Keeps one address-of-record registered with a registrar (RFC 3261 §10.2): the VTO's own number with the building
 * SIP server — itself, when it is the server, or the main VTO. One Call-ID and From tag for all its REGISTERs, CSeq
 * counting up (§10.2.4); a 401/407 is answered once per nonce with Digest (§22.2, RFC 8760: SHA-256 when offered);
 * {@code 423} raises Expires to {@code Min-Expires} (§10.3 step 7); the binding is refreshed before it expires
 * ({@link #refreshAfter}); any failure is retried with back-off ({@link #retryAfter}: 2 s doubling up to 60 s).
 * {@link #close} removes the binding ({@code Expires: 0}, §10.2.2) and stops.
 *
 * <p>State: {@link State} is reported to the listener on every change and readable with {@link #state}; a failure
 * names its reason ("401 Unauthorized: wrong user or password", "no answer: Timer F").
 *
 * <p>Threading: thread-safe. Outcomes arrive on the SIP thread and are handed to {@code timer} (the caller's
 * scheduler, also used for refresh and retry), where all state changes happen and the listener is called; it must
 * not block. Failure: never throws after construction.
 */
public final class Registration implements AutoCloseable {
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);

    /** Where the registration stands. */
    public sealed interface State {
        /** A REGISTER is on its way. */
        record Registering() implements State {}

        /** The registrar holds the binding until {@code until}. */
        record Registered(Instant until) implements State {}

        /** The last attempt failed ({@code reason}); the next one is at {@code retryAt}. */
        record Failed(String reason, Instant retryAt) implements State {}

        /** Closed: the binding was removed (or removing it was attempted). */
        record Stopped() implements State {}
    }

    /**
     * What to register.
     *
     * @param registrar the registrar's URI, the Request-URI ({@code sip:VDP} or {@code sip:10.1.1.10:5060}, §10.2)
     * @param aor the address-of-record in To and From ({@code sip:8001@VDP})
     * @param contact the Contact URI that reaches this user agent
     * @param hop where the REGISTERs go
     * @param username the Digest user name (the VTO number)
     * @param password the register password
     * @param expires the binding time asked for
     */
    public record Target(
            String registrar,
            String aor,
            String contact,
            SipHop hop,
            String username,
            String password,
            Duration expires) {
        public Target {
            Objects.requireNonNull(hop, "hop");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (expires.isNegative() || expires.isZero()) {
                throw new IllegalArgumentException("expires must be positive: " + expires);
            }
        }

        @Override
        public String toString() {
            return "Target[" + aor + " at " + registrar + "]"; // never the password
        }
    }

    private final UserAgentClient client;
    private final Target target;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Consumer<State> listener;

    // all below only on the timer thread (or before start)
    private UserAgentClient.Sequence sequence = UserAgentClient.Sequence.fresh();
    private final String cnonce = UserAgentClient.random(8);
    private Duration expires;
    private int nonceCount;
    private DigestChallenge challenge;
    private boolean proxyChallenge;
    /** Whether the REGISTER whose answer is awaited carried credentials. */
    private boolean sentCredentials;

    private Duration backOff = FIRST_RETRY;
    private ScheduledFuture<?> next;
    private boolean closed;
    private volatile State state = new State.Registering();

    public Registration(
            UserAgentClient client,
            Target target,
            ScheduledExecutorService timer,
            Clock clock,
            Consumer<State> listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.expires = target.expires();
    }

    /** Sends the first REGISTER (on the timer thread). */
    public void start() {
        timer.execute(this::send);
    }

    public State state() {
        return state;
    }

    /** When to refresh a binding granted for {@code granted}: a minute early, or half-way for short ones. */
    static Duration refreshAfter(Duration granted) {
        return granted.compareTo(Duration.ofMinutes(2)) > 0 ? granted.minusMinutes(1) : granted.dividedBy(2);
    }

    /** The wait after a failure that followed {@code previous}: doubling from 2 s, at most 60 s. */
    static Duration retryAfter(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
    }

    private void send() {
        if (closed) {
            return;
        }
        transition(new State.Registering());
        register(expires).thenAcceptAsync(this::handle, timer);
    }

    private java.util.concurrent.CompletableFuture<UserAgentClient.Outcome> register(Duration asked) {
        List<SipHeader> headers = new java.util.ArrayList<>();
        headers.add(new SipHeader("Contact", "<" + target.contact() + ">"));
        headers.add(new SipHeader("Expires", String.valueOf(asked.toSeconds())));
        sentCredentials = challenge != null;
        if (sentCredentials) { // §22.4: reuse the nonce with the next nonce count until the registrar refuses it
            String answer = challenge.answer(
                    target.username(), target.password(), "REGISTER", target.registrar(), ++nonceCount, cnonce);
            headers.add(new SipHeader(proxyChallenge ? "Proxy-Authorization" : "Authorization", answer));
        }
        var request = new OutOfDialogRequest(
                "REGISTER", target.registrar(), target.aor(), target.aor(), target.hop(), "", null, headers);
        var seq = sequence;
        sequence = sequence.next(); // §10.2.4: every REGISTER of this registration counts CSeq up
        return client.send(request, seq);
    }

    private void handle(UserAgentClient.Outcome outcome) {
        if (closed) {
            return;
        }
        switch (outcome) {
            case UserAgentClient.Outcome.NoAnswer(String reason) -> fail("no answer: " + reason);
            case UserAgentClient.Outcome.Answered a -> answered(a.response());
        }
    }

    private void answered(SipResponse r) {
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            registered(r);
        } else if (status == 401 || status == 407) {
            challenged(r, status == 407);
        } else if (status == 423 && minExpires(r) != null) {
            expires = minExpires(r); // §10.3 step 7: ask again with at least Min-Expires
            send();
        } else {
            fail(status + " " + r.reasonPhrase());
        }
    }

    /**
     * §22.2: answer the challenge; refused again although we sent credentials, and not for a stale nonce (RFC 7616
     * §3.3), means the user or password is wrong — retrying at once would only count towards a lockout.
     */
    private void challenged(SipResponse r, boolean proxy) {
        var offered = DigestChallenge.strongest(r.headers().getAll(proxy ? "Proxy-Authenticate" : "WWW-Authenticate"));
        if (offered.isEmpty()) {
            fail(r.statusCode() + " " + r.reasonPhrase() + ": no Digest challenge this VTO can answer");
            return;
        }
        if (sentCredentials && !offered.get().stale()) {
            challenge = null; // the retry after the back-off starts from a fresh challenge
            fail(r.statusCode() + " " + r.reasonPhrase() + ": wrong user or password");
            return;
        }
        challenge = offered.get();
        proxyChallenge = proxy;
        nonceCount = 0;
        send();
    }

    private void registered(SipResponse r) {
        Duration granted = grantedExpires(r);
        backOff = FIRST_RETRY;
        transition(new State.Registered(clock.instant().plus(granted)));
        schedule(refreshAfter(granted));
    }

    /** §10.2.4: the expiry of our Contact in the 200, else its Expires header, else what we asked for. */
    private Duration grantedExpires(SipResponse r) {
        for (NameAddr c : r.contacts()) {
            if (c.uri().equalsIgnoreCase(target.contact()) && c.expires() >= 0) {
                return Duration.ofSeconds(Math.max(1, c.expires()));
            }
        }
        long header = r.expires();
        return header > 0 ? Duration.ofSeconds(header) : expires;
    }

    private static Duration minExpires(SipResponse r) {
        String v = r.headers().get("Min-Expires");
        try {
            long s = v == null ? -1 : Long.parseLong(v.strip());
            return s > 0 && s <= 86_400 ? Duration.ofSeconds(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void fail(String reason) {
        Duration wait = backOff;
        backOff = retryAfter(backOff);
        transition(new State.Failed(reason, clock.instant().plus(wait)));
        schedule(wait);
    }

    private void schedule(Duration after) {
        next = timer.schedule(this::send, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void transition(State s) {
        if (!s.equals(state)) {
            state = s;
            listener.accept(s);
        }
    }

    /** Removes the binding ({@code Expires: 0}, best effort, not awaited) and stops refreshing and retrying. */
    @Override
    public void close() {
        timer.execute(() -> {
            if (closed) {
                return;
            }
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
            if (state instanceof State.Registered) {
                register(Duration.ZERO);
            }
            transition(new State.Stopped());
        });
    }
}

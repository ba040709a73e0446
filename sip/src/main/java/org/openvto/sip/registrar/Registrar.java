package org.openvto.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.openvto.sip.codec.NameAddr;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipResponseStatus;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transaction.ServerTransactionHandle;

/**
 * The building registrar (RFC 3261 §10.3): indoor monitors register as {@code <room>#<n>} and VTOs with
 * their number, each authenticating with its register password. Supports several contacts per account,
 * per-contact expiry within the configured bounds (423 below the minimum), un-REGISTER ({@code Expires: 0})
 * and {@code Contact: *}, and Call-ID/CSeq ordering. Runs on the SIP thread.
 *
 * <p>The registrar keeps no transaction state (like Kamailio's {@code save()}): every answer goes out
 * {@linkplain ServerTransactionHandle#respondStatelessly statelessly}. Challenges and rejections are
 * stateless by design (RFC 3261 §8.2.7, §26.1.5) and come out the same for a retransmission; a retransmitted
 * successful REGISTER is recognised by the transaction id stored with its bindings (§17.2.3 matching: same
 * branch and sent-by, same Call-ID and CSeq) and answered 200 with the current bindings again instead of
 * failing the §10.3 step 7 CSeq check. So a REGISTER costs no memory after its answer, where a stateful
 * transaction would hold its response for Timer J (32 s over UDP) — at thousands of REGISTERs per second,
 * most of the heap.
 */
public final class Registrar {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final RegistrarConfig config;
    private final ServedDomains served;
    private final SipDigestAuth auth;
    private final LocationService locations;
    private final Clock clock;

    /** {@code served}: the domain and addresses whose bindings this registrar keeps; others get 403. */
    public Registrar(
            RegistrarConfig config, ServedDomains served, SipDigestAuth auth, LocationService locations, Clock clock) {
        this.config = config;
        this.served = served;
        this.auth = auth;
        this.locations = locations;
        this.clock = clock;
    }

    /**
     * Handles one REGISTER; {@code source} is {@code ip:port} of the sender and {@code transport} UDP/TCP. A
     * REGISTER for a domain this server does not serve (Request-URI or To) gets 403 before any challenge and
     * changes nothing (§10.3 step 1).
     */
    public void register(SipRequest request, ServerTransactionHandle tx, String source, String transport) {
        if (!served.serves(request.sipRequestUri())) {
            tx.respondStatelessly(notServed(request));
            return;
        }
        NameAddr to = request.to();
        SipUri aor = to == null ? null : to.sipUri();
        if (aor == null || aor.user() == null) {
            tx.respondStatelessly(withToTag(SipResponse.createFor(request, SipResponseStatus.NOT_FOUND)));
            return;
        }
        if (!served.serves(aor)) {
            tx.respondStatelessly(notServed(request)); // an AOR of another domain cannot be bound here (§10.3 step 3)
            return;
        }
        String user = aor.user();
        switch (auth.check(request, "Authorization")) {
            case SipDigestAuth.Outcome.Challenge(boolean stale) -> {
                tx.respondStatelessly(challenge(request, stale));
                return;
            }
            case SipDigestAuth.Outcome.Replayed(String authUser) -> {
                // the nonce count was used: a retransmission of a REGISTER we accepted, or a replay
                List<Binding> current = locations.lookup(user);
                boolean retransmission = authUser.equals(user)
                        && current.stream()
                                .anyMatch(b -> tx.id().equals(b.registerId())
                                        && b.callId().equals(request.callId())
                                        && b.cseq() == request.cseq().number());
                tx.respondStatelessly(retransmission ? ok(request, current) : challenge(request, false));
                return;
            }
            case SipDigestAuth.Outcome.Forbidden(String reason) -> {
                tx.respondStatelessly(withToTag(SipResponse.createFor(request, SipResponseStatus.FORBIDDEN)));
                return;
            }
            case SipDigestAuth.Outcome.Ok(String authUser) -> {
                if (!authUser.equals(user)) {
                    tx.respondStatelessly(withToTag(SipResponse.createFor(request, SipResponseStatus.FORBIDDEN)));
                    return;
                }
            }
        }
        tx.respondStatelessly(update(request, tx.id(), user, source, transport));
    }

    /** §10.3 steps 6–8: the answer to an authenticated REGISTER of {@code user}; changes the bindings on success. */
    private SipResponse update(SipRequest request, String txId, String user, String source, String transport) {
        Instant now = clock.instant();
        List<NameAddr> contacts = request.contacts();
        long headerExpires = request.expires(); // -1 when absent
        List<Binding> current = new ArrayList<>(locations.lookup(user));
        String callId = request.callId();
        long cseq = request.cseq().number();
        if (contacts.size() == 1 && contacts.get(0).isWildcard()) {
            if (headerExpires != 0) {
                return withToTag(SipResponse.createFor(request, 400, "Contact * requires Expires: 0"));
            }
            locations.replace(user, List.of()); // §10.3 step 6: remove all
            return ok(request, List.of());
        }
        String userAgent = request.headers().get("User-Agent");
        for (NameAddr c : contacts) {
            long expires = c.param("expires") != null
                    ? parse(c.param("expires"))
                    : headerExpires >= 0 ? headerExpires : config.defaultExpires();
            if (expires > 0 && expires < config.minExpires()) {
                SipResponse r = SipResponse.createFor(request, SipResponseStatus.INTERVAL_TOO_BRIEF);
                r.headers().add("Min-Expires", String.valueOf(config.minExpires()));
                return withToTag(r);
            }
            expires = Math.min(expires, config.maxExpires());
            Binding old = find(current, c.uri());
            if (old != null && old.callId().equals(callId) && old.cseq() >= cseq) {
                if (old.cseq() == cseq && txId.equals(old.registerId())) {
                    return ok(request, current); // a retransmission of the REGISTER that made this binding
                }
                return withToTag(SipResponse.createFor(request, 500, "Out of order REGISTER")); // §10.3 step 7
            }
            current.remove(old);
            if (expires > 0) {
                current.add(new Binding(
                        user, c.uri(), source, transport, userAgent, callId, cseq, now.plusSeconds(expires), txId));
            }
        }
        return ok(request, locations.replace(user, current));
    }

    private static Binding find(List<Binding> bindings, String contact) {
        for (Binding b : bindings) {
            if (b.contact().equals(contact)) {
                return b;
            }
        }
        return null;
    }

    private static SipResponse notServed(SipRequest request) {
        return withToTag(SipResponse.createFor(request, 403, "Domain Not Served"));
    }

    private SipResponse challenge(SipRequest request, boolean stale) {
        SipResponse r = SipResponse.createFor(request, SipResponseStatus.UNAUTHORIZED);
        auth.challenges(stale).forEach(c -> r.headers().add("WWW-Authenticate", c));
        return withToTag(r);
    }

    private SipResponse ok(SipRequest request, List<Binding> bindings) {
        SipResponse r = SipResponse.createFor(request, SipResponseStatus.OK);
        Instant now = clock.instant();
        for (Binding b : bindings) {
            long left = Math.max(0, b.expiresAt().getEpochSecond() - now.getEpochSecond());
            r.headers().add("Contact", "<" + b.contact() + ">;expires=" + left);
        }
        r.headers().add("Date", HTTP_DATE.format(now));
        return withToTag(r);
    }

    /** Registrar responses carry a To tag (§8.2.6.2), stable per To so retransmitted answers match. */
    public static SipResponse withToTag(SipResponse r) {
        return r.withStableToTag();
    }

    private static long parse(String s) {
        try {
            return Math.max(0, Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

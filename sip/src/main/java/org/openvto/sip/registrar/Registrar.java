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
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transaction.ServerTransactionHandle;

/**
 * The building registrar (RFC 3261 §10.3): indoor monitors register as {@code <room>#<n>} and VTOs with
 * their number, each authenticating with its register password. Supports several contacts per account,
 * per-contact expiry within the configured bounds (423 below the minimum), un-REGISTER ({@code Expires: 0})
 * and {@code Contact: *}, and Call-ID/CSeq ordering. Runs on the SIP thread.
 */
public final class Registrar {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final RegistrarConfig config;
    private final SipDigestAuth auth;
    private final LocationService locations;
    private final Clock clock;

    public Registrar(RegistrarConfig config, SipDigestAuth auth, LocationService locations, Clock clock) {
        this.config = config;
        this.auth = auth;
        this.locations = locations;
        this.clock = clock;
    }

    /** Handles one REGISTER; {@code source} is {@code ip:port} of the sender and {@code transport} UDP/TCP. */
    public void register(SipRequest request, ServerTransactionHandle tx, String source, String transport) {
        NameAddr to = request.to();
        SipUri aor = to == null ? null : to.sipUri();
        if (aor == null || aor.user() == null) {
            tx.respond(SipResponse.createFor(request, 404, "Not Found"));
            return;
        }
        String user = aor.user();
        switch (auth.check(request, "Authorization")) {
            case SipDigestAuth.Outcome.Challenge(boolean stale) -> {
                SipResponse r = SipResponse.createFor(request, 401, "Unauthorized");
                r.headers().add("WWW-Authenticate", auth.challenge(stale));
                tx.respond(withToTag(r));
                return;
            }
            case SipDigestAuth.Outcome.Forbidden(String reason) -> {
                tx.respond(withToTag(SipResponse.createFor(request, 403, "Forbidden")));
                return;
            }
            case SipDigestAuth.Outcome.Ok(String authUser) -> {
                if (!authUser.equals(user)) {
                    tx.respond(withToTag(SipResponse.createFor(request, 403, "Forbidden")));
                    return;
                }
            }
        }
        update(request, tx, user, source, transport);
    }

    private void update(SipRequest request, ServerTransactionHandle tx, String user, String source, String transport) {
        Instant now = clock.instant();
        List<NameAddr> contacts = request.contacts();
        long headerExpires = request.expires(); // -1 when absent
        List<Binding> current = new ArrayList<>(locations.lookup(user));
        String callId = request.callId();
        long cseq = request.cseq().number();
        if (contacts.size() == 1 && contacts.get(0).isWildcard()) {
            if (headerExpires != 0) {
                tx.respond(withToTag(SipResponse.createFor(request, 400, "Contact * requires Expires: 0")));
                return;
            }
            locations.replace(user, List.of()); // §10.3 step 6: remove all
            tx.respond(ok(request, List.of()));
            return;
        }
        for (NameAddr c : contacts) {
            long expires = c.param("expires") != null ? parse(c.param("expires")) : headerExpires >= 0 ? headerExpires
                    : config.defaultExpires();
            if (expires > 0 && expires < config.minExpires()) {
                SipResponse r = SipResponse.createFor(request, 423, "Interval Too Brief");
                r.headers().add("Min-Expires", String.valueOf(config.minExpires()));
                tx.respond(withToTag(r));
                return;
            }
            expires = Math.min(expires, config.maxExpires());
            String uri = c.uri();
            Binding old = current.stream().filter(b -> b.contact().equals(uri)).findFirst().orElse(null);
            if (old != null && old.callId().equals(callId) && old.cseq() >= cseq) {
                tx.respond(withToTag(SipResponse.createFor(request, 500, "Out of order REGISTER")));
                return; // §10.3 step 7: stale retransmission or reordering
            }
            current.remove(old);
            if (expires > 0) {
                current.add(new Binding(user, uri, source, transport, request.headers().get("User-Agent"), callId, cseq,
                        now.plusSeconds(expires)));
            }
        }
        locations.replace(user, current);
        tx.respond(ok(request, locations.lookup(user)));
    }

    private SipResponse ok(SipRequest request, List<Binding> bindings) {
        SipResponse r = SipResponse.createFor(request, 200, "OK");
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
        String to = r.headers().get("To");
        return r.withToTag(Long.toHexString(to == null ? 0 : to.hashCode() & 0xffffffffL));
    }

    private static long parse(String s) {
        try {
            return Math.max(0, Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

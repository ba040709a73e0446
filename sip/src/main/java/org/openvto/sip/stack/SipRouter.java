package org.openvto.sip.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.openvto.sip.codec.SipMessage;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipResponseStatus;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transaction.TransactionUser;

/**
 * Hands each request of a {@link SipStack} to the transaction user it is for: the routes are tried in the
 * order they were added and the first whose predicate accepts the request gets it; a request no route accepts
 * goes to the fallback (the proxy, in the building server). A CANCEL goes where its INVITE went, since it
 * carries the INVITE's Request-URI (RFC 3261 §9.1); stray responses (no client transaction: 2xx
 * retransmissions a proxy forwards statelessly, §16.7) go to the fallback.
 *
 * <p>Before routing, it applies what RFC 3261 asks of every UAS and proxy alike: a request from a source the
 * {@code drop} predicate names (a flood ban) is dropped without an answer; a SIP version other than 2.0 is
 * answered {@code 505} (§8.1.1.1) and a Request-URI scheme other than sip/sips {@code 416} (§8.2.2.1), both
 * statelessly, before any transaction user sees them.
 *
 * <p>Immutable once built; called on the SIP thread. Predicates must be cheap and must not block.
 */
public final class SipRouter implements TransactionUser {
    private record Route(String name, Predicate<SipRequest> accepts, TransactionUser user) {}

    private final Predicate<SipRequest> drop;
    private final List<Route> routes;
    private final TransactionUser fallback;

    private SipRouter(Builder b) {
        this.drop = b.drop;
        this.routes = List.copyOf(b.routes);
        this.fallback = Objects.requireNonNull(b.fallback, "a router needs a fallback transaction user");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Routes in order, then the fallback. */
    public static final class Builder {
        private Predicate<SipRequest> drop = r -> false;
        private final List<Route> routes = new ArrayList<>();
        private TransactionUser fallback;

        /** Requests for which {@code drop} is true get no answer at all (checked first, for every method). */
        public Builder drop(Predicate<SipRequest> drop) {
            this.drop = drop;
            return this;
        }

        /** {@code user} gets the requests {@code accepts} is true for, unless an earlier route took them. */
        public Builder route(String name, Predicate<SipRequest> accepts, TransactionUser user) {
            routes.add(new Route(name, accepts, user));
            return this;
        }

        /** Gets every request no route accepts, and the stray responses. */
        public Builder otherwise(TransactionUser user) {
            this.fallback = user;
            return this;
        }

        public SipRouter build() {
            return new SipRouter(this);
        }
    }

    @Override
    public void onRequest(SipRequest request, ServerTransactionHandle tx) {
        if (drop.test(request)) {
            if (tx != null) {
                tx.drop(); // a flooding source gets nothing, whatever the method (like Kamailio's pike)
            }
            return;
        }
        if (tx != null && !SipMessage.SIP_2_0.equals(request.version())) {
            tx.respondStatelessly(SipResponse.createFor(request, SipResponseStatus.VERSION_NOT_SUPPORTED)
                    .withStableToTag());
            return; // RFC 3261 §8.1.1.1; the decoder lets other versions through so that they get this answer
        }
        if (tx != null && request.sipRequestUri() == null) {
            tx.respondStatelessly(SipResponse.createFor(request, SipResponseStatus.UNSUPPORTED_URI_SCHEME)
                    .withStableToTag());
            return; // §8.2.2.1: tel: and other schemes are not routed here
        }
        userFor(request).onRequest(request, tx);
    }

    @Override
    public void onCancel(SipRequest cancel, ServerTransactionHandle invite) {
        userFor(cancel).onCancel(cancel, invite);
    }

    @Override
    public void onStrayResponse(SipResponse response) {
        fallback.onStrayResponse(response);
    }

    private TransactionUser userFor(SipRequest request) {
        for (Route r : routes) {
            if (r.accepts().test(request)) {
                return r.user();
            }
        }
        return fallback;
    }
}

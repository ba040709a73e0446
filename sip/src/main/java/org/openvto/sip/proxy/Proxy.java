package org.openvto.sip.proxy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openvto.sip.codec.NameAddr;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipResponseStatus;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.codec.SipVia;
import org.openvto.sip.registrar.Binding;
import org.openvto.sip.registrar.LocationService;
import org.openvto.sip.registrar.SipDigestAuth;
import org.openvto.sip.transaction.ClientTransaction;
import org.openvto.sip.transaction.ClientTransactionListener;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionUser;
import org.openvto.sip.transport.SipHop;
import org.openvto.sip.transport.SipPaths;
import org.openvto.sip.transport.SipTransport;
import org.openvto.sip.transport.SipTransportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The building's stateful forking proxy (RFC 3261 §16; Quick Start Guide 1.2 "Group call"). A call to a room
 * ({@code sip:101@VDP}) forks in parallel to every registered device of that room ({@code 101#0},
 * {@code 101#1}, …); {@code sip:101%231@VDP} reaches only that device; VTO numbers likewise. The first 2xx
 * wins and the other branches are cancelled; when every branch failed the best final response goes back
 * (486 from all → 486); nobody registered → 480; unknown number → 404. Provisional responses (183 with
 * early-media SDP) pass through. Only authenticated, registered devices may call (digest, 407).
 * The proxy Record-Routes ({@code ;lr}) so the dialog's later requests (ACK, BYE) come through it, and
 * keeps every call it routes in the {@link DialogTable} (dialog-stateful, like Kamailio's dialog module).
 *
 * <p>Runs on the SIP thread.
 */
public final class Proxy implements TransactionUser {
    private static final Logger LOG = LoggerFactory.getLogger(Proxy.class);
    private final TransactionLayer layer;
    private final SipPaths transport;
    private final LocationService locations;
    private final TargetResolver targets;
    private final SipDigestAuth auth;
    private final DialogTable dialogs;
    private final AtomicLong branchCounter = new AtomicLong();

    /** {@code targets} is the building's numbering plan: whom a call to a number reaches. */
    public Proxy(
            TransactionLayer layer,
            SipPaths transport,
            LocationService locations,
            TargetResolver targets,
            SipDigestAuth auth,
            DialogTable dialogs) {
        this.layer = layer;
        this.dialogs = dialogs;
        this.transport = transport;
        this.locations = locations;
        this.targets = targets;
        this.auth = auth;
    }

    /**
     * A request for the proxy (anything but REGISTER and OPTIONS to the server itself); {@code tx} is
     * {@code null} for an ACK to a 2xx, which has no transaction.
     */
    @Override
    public void onRequest(SipRequest request, ServerTransactionHandle tx) {
        if (tx == null) {
            onAck(request); // ACK for a 2xx travels end to end, through us when we Record-Routed
            return;
        }
        int maxForwards = request.maxForwards();
        if (maxForwards == 0) {
            tx.respond(reply(request, SipResponseStatus.TOO_MANY_HOPS)); // §16.3 step 2
            return;
        }
        if (loops(request)) {
            tx.respond(reply(request, SipResponseStatus.LOOP_DETECTED)); // §16.3 step 4
            return;
        }
        boolean inDialog = request.toTag() != null;
        if (inDialog) {
            forwardInDialog(request, tx);
            return;
        }
        popOwnRoute(request); // §16.4: a pre-loaded Route naming this proxy (an outbound proxy setting) is consumed
        SipUri target = request.sipRequestUri();
        if (target == null || target.user() == null) {
            tx.respond(reply(request, SipResponseStatus.NOT_FOUND));
            return;
        }
        switch (auth.check(request, "Proxy-Authorization")) {
            case SipDigestAuth.Outcome.Challenge c -> {
                challenge(request, tx, c.stale());
                return;
            }
            case SipDigestAuth.Outcome.Replayed replayed -> { // a new request reusing a nonce count
                challenge(request, tx, false);
                return;
            }
            case SipDigestAuth.Outcome.Forbidden(String reason) -> {
                tx.respond(reply(request, SipResponseStatus.FORBIDDEN));
                return;
            }
            case SipDigestAuth.Outcome.Ok(String caller) -> {
                if (locations.lookup(caller).isEmpty()) {
                    tx.respond(reply(request, 403, "Caller Not Registered"));
                    return;
                }
                assertIdentity(request, caller);
            }
        }
        List<String> reached = targets.accounts(target.user());
        if (reached.isEmpty()) {
            tx.respond(reply(request, SipResponseStatus.NOT_FOUND));
            return;
        }
        List<Binding> bindings = new ArrayList<>();
        for (String account : reached) {
            bindings.addAll(locations.lookup(account)); // a room: every registered device, master first
        }
        if (bindings.isEmpty()) {
            tx.respond(reply(request, SipResponseStatus.TEMPORARILY_UNAVAILABLE));
            return;
        }
        if (SipMethod.INVITE.equals(request.method())) {
            tx.respond(reply(request, SipResponseStatus.TRYING)); // §16.2: quench retransmissions at once
        }
        ForkContext fork = new ForkContext(tx);
        tx.attach(fork);
        fork.forking = true; // §16.7: no final answer upstream before every branch has been started
        for (Binding b : bindings) {
            SipHop hop = hop(SipUri.parse(b.contact()), b);
            if (hop == null) {
                LOG.info(
                        "contact {} of {} not called: not a sip/sips URI with an IP address and a known transport",
                        b.contact(),
                        b.user());
                continue;
            }
            forward(fork, request, b.contact(), hop, true);
        }
        fork.forking = false;
        if (fork.branches.isEmpty() && !fork.finalSent) {
            tx.respond(reply(request, SipResponseStatus.TEMPORARILY_UNAVAILABLE));
        } else {
            fork.finishIfAllDone();
        }
    }

    /**
     * 407, statelessly (RFC 3261 §8.2.7, §26.1.5; as Kamailio's {@code auth_challenge} over {@code sl}): a challenge
     * needs no state, a retransmitted request simply gets a fresh one, and every call begins with one — an INVITE
     * server transaction per challenge would hold its 407 and retransmit it until the ACK, then wait out Timer I.
     * The caller's ACK for it finds no transaction and is dropped in {@link #onAck} (its Request-URI is a room
     * number, not a device).
     */
    private void challenge(SipRequest request, ServerTransactionHandle tx, boolean stale) {
        SipResponse r = reply(request, SipResponseStatus.PROXY_AUTHENTICATION_REQUIRED);
        auth.challenges(stale).forEach(c -> r.headers().add("Proxy-Authenticate", c));
        tx.respondStatelessly(r);
    }

    /** A CANCEL matched an INVITE we are forking (§16.10): cancel every pending branch. */
    @Override
    public void onCancel(SipRequest cancel, ServerTransactionHandle invite) {
        onCancel(invite);
    }

    /** §16.10: a CANCEL matched a pending INVITE — cancel every pending branch, answer 487 once all are done. */
    public void onCancel(ServerTransactionHandle invite) {
        if (invite.attachment() instanceof ForkContext fork) {
            fork.cancelled = true;
            fork.cancelPending(null);
            if (fork.branches.stream().allMatch(br -> br.done)) {
                fork.sendFinal(reply(invite.request(), SipResponseStatus.REQUEST_TERMINATED));
            }
        }
    }

    /** ACK for a 2xx (no transaction) or another stateless request: forward along Route / Request-URI. */
    public void onAck(SipRequest ack) {
        popOwnRoute(ack);
        SipHop next = nextHop(ack);
        if (next == null || (isOwn(next.target()) && !registeredContact(ack))) {
            return; // an ACK for a response we never forwarded (a stateless 407, a stray ACK to the server's domain)
        }
        addVia(ack, next.kind());
        decrementMaxForwards(ack);
        next.path(transport).send(ack);
    }

    /**
     * Whether the ACK's Request-URI is a registered contact: one on this host too is a user agent beside this proxy
     * (the VTO's own, when a monitor watches the door) and gets the ACK for its 2xx like any device.
     */
    private boolean registeredContact(SipRequest ack) {
        SipUri uri = ack.sipRequestUri();
        if (uri == null || !ack.headers().getAll("Route").isEmpty()) {
            return false;
        }
        Binding b = locations.findByContact(uri);
        SipUri contact = b == null ? null : SipUri.parse(b.contact());
        return contact != null && java.util.Objects.equals(contact.user(), uri.user()); // not just the same address
    }

    /** A response no client transaction claimed (a 2xx retransmission): forward statelessly (§16.11). */
    @Override
    public void onStrayResponse(SipResponse response) {
        SipVia top = response.topVia();
        if (top == null || !isOwn(top.host(), top.port())) {
            return;
        }
        response.headers().removeTopVia();
        SipVia next = response.topVia();
        if (next == null) {
            return;
        }
        InetSocketAddress to = SipTransport.literalAddress(next.responseHost(), next.responsePort());
        SipTransportKind kind = SipTransportKind.of(next.transport(), false);
        if (to != null && kind != null) {
            transport.pathTo(to, kind, to).send(response); // over streams: the connection the request came on
        }
    }

    /**
     * RFC 3325 §9.1: the caller this proxy authenticated, as {@code P-Asserted-Identity}, replacing any the caller
     * wrote itself — the VTO's own user agent believes it only from this proxy. {@code #} is escaped in the user
     * part (RFC 3261 §25.1).
     */
    private static void assertIdentity(SipRequest request, String caller) {
        request.headers().remove(P_ASSERTED_IDENTITY);
        SipUri target = request.sipRequestUri();
        String user = caller.replace("%", "%25").replace("#", "%23");
        request.headers().add(P_ASSERTED_IDENTITY, "<sip:" + user + "@" + target.host() + ">");
    }

    private static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";

    private void forwardInDialog(SipRequest request, ServerTransactionHandle tx) {
        request.headers().remove(P_ASSERTED_IDENTITY); // RFC 3325 §9.1: a device's own assertion is not passed on
        popOwnRoute(request);
        SipHop next = nextHop(request);
        if (next == null) {
            LOG.info(
                    "{} for {} not forwarded: next hop is not an IP address with a known transport",
                    request.method(),
                    request.requestUri());
            tx.respond(reply(request, SipResponseStatus.NOT_FOUND));
            return;
        }
        ForkContext fork = new ForkContext(tx);
        tx.attach(fork);
        forward(fork, request, request.requestUri(), next, false);
    }

    /** §16.6: copy, retarget, Max-Forwards, Record-Route, Via; then a client transaction per branch. */
    private void forward(ForkContext fork, SipRequest original, String requestUri, SipHop hop, boolean recordRoute) {
        SipRequest copy = new SipRequest(
                original.method(),
                requestUri,
                original.version(),
                original.headers().copy(),
                original.body());
        decrementMaxForwards(copy);
        copy.headers().remove("Proxy-Authorization");
        if (recordRoute && SipMethod.INVITE.equals(copy.method())) {
            recordRoute(copy, arrivedOver(original), hop.kind());
        }
        addVia(copy, hop.kind());
        Branch branch = new Branch(copy, hop);
        fork.branches.add(branch);
        ClientTransaction ct = layer.newClient(copy, hop.path(transport), fork);
        ct.attach(branch);
        branch.tx = ct;
        ct.start();
    }

    /** The state of one forwarded request and its branches (§16.7 response context). */
    private final class ForkContext implements ClientTransactionListener {
        final ServerTransactionHandle server;
        final List<Branch> branches = new ArrayList<>();
        /** Best final response so far, ready to go upstream (our Via already removed). */
        SipResponse best;

        boolean finalSent;
        boolean cancelled;
        /** True while the branches are being started: a branch failing at once must not end the fork. */
        boolean forking;

        ForkContext(ServerTransactionHandle server) {
            this.server = server;
        }

        @Override
        public void onResponse(ClientTransaction tx, SipResponse response) {
            Branch branch = (Branch) tx.attachment();
            int code = response.statusCode();
            SipRequest sent = branch.request; // null after the branch's final answer (2xx retransmissions)
            if (sent != null && SipMethod.INVITE.equals(sent.method())) {
                dialogs.onInviteResponse(sent, response); // §12.1: early, confirmed or ended
            } else if (sent != null && code >= 200) {
                dialogs.onInDialogResponse(sent, response); // BYE ends the dialog (§15)
            }
            if (code == 100) {
                return;
            }
            if (code < 200) {
                if (!finalSent) {
                    server.respond(upstream(response)); // provisional (180, 183 with early media) passes through
                }
                return;
            }
            branch.finish();
            if (code < 300) {
                boolean first = !finalSent;
                finalSent = true;
                server.respond(upstream(response)); // §16.7 step 5: every 2xx is forwarded at once
                if (first) {
                    cancelPending(branch);
                    branches.clear(); // decided: later answers need only their own branch (memory for 32 s)
                }
                return;
            }
            if (best == null || rank(code) < rank(best.statusCode())) {
                best = upstream(response);
            }
            if (code >= 600) {
                cancelPending(branch); // §16.7 step 5: 6xx ends the search
            }
            finishIfAllDone();
        }

        /** §16.7 step 6: the best final response goes upstream once every branch has one (or timed out). */
        void finishIfAllDone() {
            if (!forking && !finalSent && best != null && branches.stream().allMatch(b -> b.done)) {
                sendFinal(best);
            }
        }

        @Override
        public void onTimeout(ClientTransaction tx, String reason) {
            Branch branch = (Branch) tx.attachment();
            branch.finish();
            if (finalSent) {
                return; // another branch answered already
            }
            if (best == null) {
                best = reply(server.request(), SipResponseStatus.REQUEST_TIMEOUT);
            }
            finishIfAllDone();
        }

        void sendFinal(SipResponse response) {
            if (finalSent) {
                return;
            }
            finalSent = true;
            branches.clear(); // every branch is done; 2xx retransmissions need only their own branch
            if (response.statusCode() == 503) {
                response = reply(server.request(), SipResponseStatus.SERVER_INTERNAL_ERROR); // §16.7 step 6
            }
            if (cancelled && response.statusCode() < 300) {
                response = reply(server.request(), SipResponseStatus.REQUEST_TERMINATED);
            }
            server.respond(response);
        }

        /** Sends CANCEL on every branch that is still pending (§16.10), except {@code except}. */
        void cancelPending(Branch except) {
            for (Branch b : branches) {
                if (b != except && !b.done && SipMethod.INVITE.equals(b.request.method())) {
                    SipRequest cancel = b.request.cancel(); // §16.10 → §9.1
                    layer.newClient(cancel, b.hop.path(transport), new ClientTransactionListener() {
                                @Override
                                public void onResponse(ClientTransaction t, SipResponse r) {}

                                @Override
                                public void onTimeout(ClientTransaction t, String reason) {}
                            })
                            .start();
                }
            }
        }
    }

    private static final class Branch {
        /** The forwarded copy, until the branch's final answer: CANCEL goes only to pending branches. */
        SipRequest request;

        final SipHop hop;
        ClientTransaction tx;
        boolean done;

        Branch(SipRequest request, SipHop hop) {
            this.request = request;
            this.hop = hop;
        }

        /** The branch got its final answer (or timed out); its fork context may live on for 2xx retransmissions. */
        void finish() {
            done = true;
            request = null;
        }
    }

    /** Lower is better (§16.7 step 6): 6xx > 2xx-like; prefer 4xx over 5xx over 3xx, 486 over 480/408. */
    private static int rank(int code) {
        if (code >= 600) {
            return 0;
        }
        return switch (code / 100) {
            case 4 -> code == 486 ? 1 : code == 408 ? 3 : 2;
            case 5 -> 4;
            default -> 5;
        };
    }

    /** The response to pass upstream: a copy without our Via (§16.7 step 3). */
    private static SipResponse upstream(SipResponse r) {
        SipResponse copy = new SipResponse(
                r.statusCode(), r.reasonPhrase(), r.version(), r.headers().copy(), r.body());
        copy.headers().removeTopVia();
        return copy;
    }

    private void addVia(SipRequest request, SipTransportKind kind) {
        String branch =
                SipVia.MAGIC_COOKIE + loopHash(request) + "." + Long.toHexString(branchCounter.incrementAndGet());
        request.headers()
                .addFirst(
                        "Via",
                        "SIP/2.0/" + kind.token() + " " + transport.uriHost() + ":" + transport.port(kind) + ";branch="
                                + branch);
    }

    /**
     * §16.6 step 4 with the transport of each side: one Record-Route when both legs use the same transport,
     * else two (RFC 5658 double Record-Route) — the callee's route set starts with the entry facing it, the
     * caller's (reversed) with the one facing the caller — so a TLS or TCP dialog's ACK and BYE stay on it.
     */
    private void recordRoute(SipRequest request, SipTransportKind inbound, SipTransportKind outbound) {
        request.headers().addFirst("Record-Route", routeEntry(inbound));
        if (inbound != outbound) {
            request.headers().addFirst("Record-Route", routeEntry(outbound));
        }
    }

    private String routeEntry(SipTransportKind kind) {
        String tp =
                kind == SipTransportKind.UDP ? "" : ";transport=" + kind.token().toLowerCase(java.util.Locale.ROOT);
        return "<sip:" + transport.uriHost() + ":" + transport.port(kind) + tp + ";lr>";
    }

    /** The transport the request came over, from its top Via (the sender writes the one it used). */
    private static SipTransportKind arrivedOver(SipRequest request) {
        SipVia via = request.topVia();
        SipTransportKind kind = via == null ? null : SipTransportKind.of(via.transport(), false);
        return kind == null ? SipTransportKind.UDP : kind;
    }

    /** §16.6 step 8: a hash of what identifies the request, for loop detection (§16.3 step 4). */
    private static String loopHash(SipRequest r) {
        String key = r.requestUri() + "|" + r.fromTag() + "|" + r.toTag() + "|" + r.callId() + "|"
                + (r.cseq() == null ? "" : r.cseq().number());
        return HexFormat.of()
                .formatHex(
                        java.nio.ByteBuffer.allocate(4).putInt(key.hashCode()).array());
    }

    private boolean loops(SipRequest request) {
        String mine = SipVia.MAGIC_COOKIE + loopHash(request) + ".";
        List<SipVia> vias = request.vias();
        if (vias == null) {
            return false; // the decoder refuses malformed Vias; nothing to compare
        }
        for (SipVia v : vias) {
            String b = v.param("branch");
            if (isOwn(v.host(), v.port()) && b != null && b.startsWith(mine)) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code host:port} is this server on any of its ports (UDP/TCP, or TLS). */
    private boolean isOwn(String host, int port) {
        if (host == null
                || !(transport.host().equals(host) || transport.uriHost().equalsIgnoreCase(host))) {
            return false;
        }
        return port <= 0
                ? transport.port() == 5060 || transport.tlsPort() == 5061
                : port == transport.port() || port == transport.tlsPort();
    }

    private boolean isOwn(InetSocketAddress address) {
        InetSocketAddress self = SipTransport.literalAddress(transport.host(), address.getPort());
        return self != null
                && self.getAddress().equals(address.getAddress())
                && (address.getPort() == transport.port() || address.getPort() == transport.tlsPort());
    }

    /** §16.4 / §16.12: removes the Route entries that name this server (two after a double Record-Route). */
    private void popOwnRoute(SipRequest request) {
        List<String> routes = request.headers().getAllSplit("Route");
        int own = 0;
        while (own < routes.size()) {
            NameAddr addr = NameAddr.parse(routes.get(own));
            SipUri uri = addr == null ? null : addr.sipUri();
            if (uri == null || !isOwn(uri.host(), uri.port())) {
                break;
            }
            own++;
        }
        if (own > 0) {
            request.headers().remove("Route");
            for (String r : routes.subList(own, routes.size())) {
                request.headers().add("Route", r);
            }
        }
    }

    /**
     * Where an in-dialog request or ACK goes: its first Route, else its Request-URI (the remote target); over the
     * connection the target's device registered on when the Request-URI is a registered contact.
     */
    private SipHop nextHop(SipRequest request) {
        List<String> routes = request.headers().getAllSplit("Route");
        if (!routes.isEmpty()) {
            NameAddr next = NameAddr.parse(routes.get(0)); // a strict router's or another proxy's entry
            return hop(next == null ? null : next.sipUri(), null);
        }
        SipUri target = request.sipRequestUri();
        return hop(target, target == null ? null : locations.findByContact(target));
    }

    private static void decrementMaxForwards(SipRequest request) {
        int mf = request.maxForwards();
        request.headers().set("Max-Forwards", String.valueOf(mf < 0 ? 69 : mf - 1));
    }

    static SipResponse reply(SipRequest request, SipResponseStatus status) {
        return reply(request, status.code(), status.reasonPhrase());
    }

    static SipResponse reply(SipRequest request, int code, String reason) {
        SipResponse r = SipResponse.createFor(request, code, reason);
        return code > 100
                ? r.withToTag("p"
                        + Long.toHexString(
                                request.callId() == null ? 0 : request.callId().hashCode() & 0xffffffffL))
                : r;
    }

    /** {@link SipHop#of} for a URI that may be a registered contact ({@code registeredOrNull}). */
    private static SipHop hop(SipUri uri, Binding registeredOrNull) {
        return registeredOrNull == null
                ? SipHop.of(uri, null, null)
                : SipHop.of(uri, registeredOrNull.transport(), registeredOrNull.source());
    }
}

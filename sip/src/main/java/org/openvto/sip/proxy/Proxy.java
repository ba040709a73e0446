package org.openvto.sip.proxy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.codec.SipVia;
import org.openvto.sip.dialog.DialogTable;
import org.openvto.sip.registrar.Binding;
import org.openvto.sip.registrar.LocationService;
import org.openvto.sip.registrar.SipAccounts;
import org.openvto.sip.registrar.SipDigestAuth;
import org.openvto.sip.transaction.ClientTransaction;
import org.openvto.sip.transaction.ClientTransactionListener;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transport.SipTransport;

/**
 * The building's stateful forking proxy (RFC 3261 §16; seed 1.2 "Group call"). A call to a room
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
public final class Proxy {
    private final TransactionLayer layer;
    private final SipTransport transport;
    private final LocationService locations;
    private final SipAccounts accounts;
    private final SipDigestAuth auth;
    private final DialogTable dialogs;
    private final AtomicLong branchCounter = new AtomicLong();

    public Proxy(TransactionLayer layer, SipTransport transport, LocationService locations, SipAccounts accounts,
            SipDigestAuth auth, DialogTable dialogs) {
        this.layer = layer;
        this.dialogs = dialogs;
        this.transport = transport;
        this.locations = locations;
        this.accounts = accounts;
        this.auth = auth;
    }

    /** A request for the proxy (anything but REGISTER and OPTIONS to the server itself). */
    public void onRequest(SipRequest request, ServerTransactionHandle tx) {
        int maxForwards = request.maxForwards();
        if (maxForwards == 0) {
            tx.respond(reply(request, 483, "Too Many Hops")); // §16.3 step 2
            return;
        }
        if (loops(request)) {
            tx.respond(reply(request, 482, "Loop Detected")); // §16.3 step 4
            return;
        }
        boolean inDialog = request.toTag() != null;
        if (inDialog) {
            forwardInDialog(request, tx);
            return;
        }
        SipUri target = request.sipRequestUri();
        if (target == null || target.user() == null) {
            tx.respond(reply(request, 404, "Not Found"));
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
                tx.respond(reply(request, 403, "Forbidden"));
                return;
            }
            case SipDigestAuth.Outcome.Ok(String caller) -> {
                if (locations.lookup(caller).isEmpty()) {
                    tx.respond(reply(request, 403, "Caller Not Registered"));
                    return;
                }
            }
        }
        String user = target.user();
        List<Binding> bindings;
        if (user.contains("#")) {
            bindings = accounts.password(user).isPresent() ? locations.lookup(user) : null;
        } else if (accounts.password(user).isPresent()) {
            bindings = locations.lookup(user); // a VTO
        } else if (accounts.password(user + "#0").isPresent()) {
            bindings = locations.lookupRoom(user); // group call: every device of the room
        } else {
            bindings = null;
        }
        if (bindings == null) {
            tx.respond(reply(request, 404, "Not Found"));
            return;
        }
        if (bindings.isEmpty()) {
            tx.respond(reply(request, 480, "Temporarily Unavailable"));
            return;
        }
        if ("INVITE".equals(request.method())) {
            tx.respond(reply(request, 100, "Trying")); // §16.2: quench retransmissions at once
        }
        ForkContext fork = new ForkContext(tx);
        tx.attach(fork);
        for (Binding b : bindings) {
            SipUri contact = SipUri.parse(b.contact());
            if (contact == null) {
                continue;
            }
            forward(fork, request, b.contact(), contact, true);
        }
        if (fork.branches.isEmpty()) {
            tx.respond(reply(request, 480, "Temporarily Unavailable"));
        }
    }

    private void challenge(SipRequest request, ServerTransactionHandle tx, boolean stale) {
        SipResponse r = reply(request, 407, "Proxy Authentication Required");
        auth.challenges(stale).forEach(c -> r.headers().add("Proxy-Authenticate", c));
        tx.respond(r);
    }

    /** A CANCEL matched an INVITE we are forking (§16.10): cancel every pending branch. */
    public void onCancel(ServerTransactionHandle invite) {
        if (invite.attachment() instanceof ForkContext fork) {
            fork.cancelled = true;
            fork.cancelPending(null);
            if (fork.branches.stream().allMatch(br -> br.done)) {
                fork.sendFinal(reply(invite.request(), 487, "Request Terminated"));
            }
        }
    }

    /** ACK for a 2xx (no transaction) or another stateless request: forward along Route / Request-URI. */
    public void onAck(SipRequest ack) {
        popOwnRoute(ack);
        InetSocketAddress next = nextHop(ack);
        if (next == null || next.isUnresolved()) {
            return; // an ACK for a response we never forwarded (e.g. a stray ACK to the server's domain)
        }
        addVia(ack, "UDP");
        decrementMaxForwards(ack);
        transport.pathTo(next, transportOf(ack)).send(ack);
    }

    /** A response no client transaction claimed (a 2xx retransmission): forward statelessly (§16.11). */
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
        transport.pathTo(new InetSocketAddress(next.responseHost(), next.responsePort()), next.transport()).send(response);
    }

    private void forwardInDialog(SipRequest request, ServerTransactionHandle tx) {
        popOwnRoute(request);
        InetSocketAddress next = nextHop(request);
        if (next == null || next.isUnresolved()) {
            tx.respond(reply(request, 404, "Not Found"));
            return;
        }
        ForkContext fork = new ForkContext(tx);
        tx.attach(fork);
        SipUri uri = routeTarget(request);
        forward(fork, request, request.requestUri(), uri, false);
    }

    /** §16.6: copy, retarget, Max-Forwards, Record-Route, Via; then a client transaction per branch. */
    private void forward(ForkContext fork, SipRequest original, String requestUri, SipUri target, boolean recordRoute) {
        SipRequest copy = new SipRequest(original.method(), requestUri, original.version(), original.headers().copy(),
                original.body());
        decrementMaxForwards(copy);
        copy.headers().remove("Proxy-Authorization");
        if (recordRoute && "INVITE".equals(copy.method())) {
            copy.headers().addFirst("Record-Route", "<sip:" + transport.host() + ":" + transport.port() + ";lr>");
        }
        String tp = target.transport() != null ? target.transport().toUpperCase() : "UDP";
        addVia(copy, tp);
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port() > 0 ? target.port() : 5060);
        Branch branch = new Branch(copy, address, tp);
        fork.branches.add(branch);
        ClientTransaction ct = layer.newClient(copy, transport.pathTo(address, tp), fork);
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

        ForkContext(ServerTransactionHandle server) {
            this.server = server;
        }

        @Override
        public void onResponse(ClientTransaction tx, SipResponse response) {
            Branch branch = (Branch) tx.attachment();
            int code = response.statusCode();
            SipRequest sent = branch.request; // null after the branch's final answer (2xx retransmissions)
            if (sent != null && "INVITE".equals(sent.method())) {
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
            if (branches.stream().allMatch(b -> b.done)) {
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
                best = reply(server.request(), 408, "Request Timeout");
            }
            if (branches.stream().allMatch(b -> b.done)) {
                sendFinal(best);
            }
        }

        void sendFinal(SipResponse response) {
            if (finalSent) {
                return;
            }
            finalSent = true;
            branches.clear(); // every branch is done; 2xx retransmissions need only their own branch
            if (response.statusCode() == 503) {
                response = reply(server.request(), 500, "Server Internal Error"); // §16.7 step 6
            }
            if (cancelled && response.statusCode() < 300) {
                response = reply(server.request(), 487, "Request Terminated");
            }
            server.respond(response);
        }

        /** Sends CANCEL on every branch that is still pending (§16.10), except {@code except}. */
        void cancelPending(Branch except) {
            for (Branch b : branches) {
                if (b != except && !b.done && "INVITE".equals(b.request.method())) {
                    SipRequest cancel = new SipRequest("CANCEL", b.request.requestUri());
                    var h = cancel.headers();
                    h.add("Via", b.request.headers().getAllSplit("Via").get(0));
                    h.add("Max-Forwards", "70");
                    h.add("From", b.request.headers().get("From"));
                    h.add("To", b.request.headers().get("To"));
                    h.add("Call-ID", b.request.callId());
                    h.add("CSeq", b.request.cseq().number() + " CANCEL");
                    h.add("Content-Length", "0");
                    layer.newClient(cancel, transport.pathTo(b.target, b.transport), new ClientTransactionListener() {
                        @Override
                        public void onResponse(ClientTransaction t, SipResponse r) {
                        }

                        @Override
                        public void onTimeout(ClientTransaction t, String reason) {
                        }
                    }).start();
                }
            }
        }
    }

    private static final class Branch {
        /** The forwarded copy, until the branch's final answer: CANCEL goes only to pending branches. */
        SipRequest request;
        final InetSocketAddress target;
        final String transport;
        ClientTransaction tx;
        boolean done;

        Branch(SipRequest request, InetSocketAddress target, String transport) {
            this.request = request;
            this.target = target;
            this.transport = transport;
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
        SipResponse copy = new SipResponse(r.statusCode(), r.reasonPhrase(), r.version(), r.headers().copy(), r.body());
        copy.headers().removeTopVia();
        return copy;
    }


    private void addVia(SipRequest request, String tp) {
        String branch = SipVia.MAGIC_COOKIE + loopHash(request) + "." + Long.toHexString(branchCounter.incrementAndGet());
        request.headers().addFirst("Via", "SIP/2.0/" + tp + " " + transport.host() + ":" + transport.port() + ";branch=" + branch);
    }

    /** §16.6 step 8: a hash of what identifies the request, for loop detection (§16.3 step 4). */
    private static String loopHash(SipRequest r) {
        String key = r.requestUri() + "|" + r.fromTag() + "|" + r.toTag() + "|" + r.callId() + "|"
                + (r.cseq() == null ? "" : r.cseq().number());
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(4).putInt(key.hashCode()).array());
    }

    private boolean loops(SipRequest request) {
        String mine = SipVia.MAGIC_COOKIE + loopHash(request) + ".";
        for (SipVia v : request.vias()) {
            String b = v.param("branch");
            if (isOwn(v.host(), v.port()) && b != null && b.startsWith(mine)) {
                return true;
            }
        }
        return false;
    }

    private boolean isOwn(String host, int port) {
        return transport.host().equals(host) && (port <= 0 ? 5060 : port) == transport.port();
    }

    private void popOwnRoute(SipRequest request) {
        List<String> routes = request.headers().getAllSplit("Route");
        if (routes.isEmpty()) {
            return;
        }
        var addr = org.openvto.sip.codec.NameAddr.parse(routes.get(0));
        SipUri uri = addr == null ? null : addr.sipUri();
        if (uri != null && isOwn(uri.host(), uri.port())) {
            request.headers().remove("Route");
            for (String r : routes.subList(1, routes.size())) {
                request.headers().add("Route", r);
            }
        }
    }

    private static SipUri routeTarget(SipRequest request) {
        List<String> routes = request.headers().getAllSplit("Route");
        if (!routes.isEmpty()) {
            var addr = org.openvto.sip.codec.NameAddr.parse(routes.get(0));
            if (addr != null && addr.sipUri() != null) {
                return addr.sipUri();
            }
        }
        return request.sipRequestUri();
    }

    private static InetSocketAddress nextHop(SipRequest request) {
        SipUri uri = routeTarget(request);
        if (uri == null || uri.host() == null) {
            return null;
        }
        return new InetSocketAddress(uri.host(), uri.port() > 0 ? uri.port() : 5060);
    }

    private static String transportOf(SipRequest request) {
        SipUri uri = routeTarget(request);
        return uri != null && uri.transport() != null ? uri.transport().toUpperCase() : "UDP";
    }

    private static void decrementMaxForwards(SipRequest request) {
        int mf = request.maxForwards();
        request.headers().set("Max-Forwards", String.valueOf(mf < 0 ? 69 : mf - 1));
    }

    static SipResponse reply(SipRequest request, int code, String reason) {
        SipResponse r = SipResponse.createFor(request, code, reason);
        return code > 100 ? r.withToTag("p" + Long.toHexString(request.callId() == null ? 0 : request.callId().hashCode() & 0xffffffffL)) : r;
    }
}

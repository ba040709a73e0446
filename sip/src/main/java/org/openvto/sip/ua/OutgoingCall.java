package org.openvto.sip.ua;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.openvto.digest.DigestChallenge;
import org.openvto.sip.codec.NameAddr;
import org.openvto.sip.codec.SipHeaderNames;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.transaction.ClientTransaction;
import org.openvto.sip.transaction.ClientTransactionListener;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transport.SipHop;

/**
 * A call the VTO makes (RFC 3261 §13.2): the INVITE with the SDP offer, a Digest answer to one 401/407 (§22.2),
 * an early dialog per device that rings with a To tag (§13.2.2.1, forked by the SIP server to the master and every
 * extension of a room), the first 2xx confirms its dialog and is ACKed (§13.2.2.4), a 2xx from another fork is
 * ACKed and ended with BYE (§13.2.2.4), 3xx–6xx or no answer fail it. {@link #hangUp} sends CANCEL before the
 * answer — not before a provisional response, §9.1 — and BYE after (§15.1.1).
 *
 * <p>States: CALLING (INVITE sent) → PROCEEDING (a provisional) → CONFIRMED (2xx, ACK sent) → TERMINATED; every
 * path ends in TERMINATED with exactly one {@link CallListener#failed} or {@link CallListener#ended}.
 *
 * <p>Threading: {@link #hangUp} from any thread; all else on the SIP thread.
 */
public final class OutgoingCall extends UserAgent.SipCall {
    enum State {
        CALLING,
        PROCEEDING,
        CONFIRMED,
        TERMINATED
    }

    private final UserAgent ua;
    private final String requestUri;
    private final SipHop hop;
    private final byte[] sdp;
    private final String username;
    private final String password;
    private final CallListener listener;
    private final UserAgentClient.Sequence first = UserAgentClient.Sequence.fresh();

    // SIP thread only
    private State state = State.CALLING;
    private SipRequest invite;
    private boolean authAnswered;
    private boolean hangUpPending;
    private boolean cancelSent;
    private final Map<String, Dialog> early = new HashMap<>();
    private Dialog confirmed;
    private SipRequest ack;

    OutgoingCall(
            UserAgent ua,
            String requestUri,
            SipHop hop,
            byte[] sdp,
            String username,
            String password,
            CallListener listener) {
        this.ua = ua;
        this.requestUri = requestUri;
        this.hop = hop;
        this.sdp = sdp.clone();
        this.username = username;
        this.password = password;
        this.listener = listener;
    }

    /** The Call-ID (the VTO's own part, before {@code @host}), for logs and records. */
    public String callId() {
        return first.callId();
    }

    void start() {
        send(first, null, null);
    }

    private void send(UserAgentClient.Sequence seq, String authHeader, String authValue) {
        var paths = ua.paths();
        SipRequest r = ua.outOfDialog( // §13.2.1
                SipMethod.INVITE, requestUri, requestUri.replaceFirst(";.*$", ""), seq, hop.kind());
        var h = r.headers();
        h.add(SipHeaderNames.CONTACT, "<" + ua.contact(hop.kind()) + ">");
        h.add(SipHeaderNames.ALLOW, UserAgent.ALLOW);
        if (authHeader != null) {
            h.add(authHeader, authValue);
        }
        h.add(SipHeaderNames.CONTENT_TYPE, "application/sdp");
        h.add(SipHeaderNames.CONTENT_LENGTH, String.valueOf(sdp.length));
        r.setBody(sdp);
        invite = r;
        ClientTransaction tx = ua.layer().newClient(r, hop.path(paths), new Responses(seq));
        tx.start();
    }

    /** Hangs up in whatever state the call is in (see the class comment); a second hang-up does nothing. */
    public void hangUp() {
        ua.run(this::hangUpNow, () -> {});
    }

    private void hangUpNow() {
        switch (state) {
            case CALLING -> hangUpPending = true; // §9.1: CANCEL only once a provisional response arrived
            case PROCEEDING -> cancel();
            case CONFIRMED -> bye();
            case TERMINATED -> {}
        }
    }

    private void cancel() {
        if (cancelSent) {
            return;
        }
        cancelSent = true;
        hangUpPending = true;
        SipRequest cancel = invite.cancel(); // §9.1: same branch, Call-ID, From, To, CSeq number
        ClientTransaction tx = ua.layer().newClient(cancel, hop.path(ua.paths()), IGNORE);
        tx.start(); // the INVITE then ends with 487 (or a 2xx that crossed it, which is ACKed and ended with BYE)
    }

    private void bye() {
        Dialog d = confirmed;
        state = State.TERMINATED;
        ua.unregister(d.id());
        ua.sendInDialog(d, SipMethod.BYE, status -> {});
        listener.ended(false, "BYE");
    }

    private final class Responses implements ClientTransactionListener {
        private final UserAgentClient.Sequence seq;

        Responses(UserAgentClient.Sequence seq) {
            this.seq = seq;
        }

        @Override
        public void onResponse(ClientTransaction tx, SipResponse r) {
            int status = r.statusCode();
            if (status < 200) {
                provisional(r);
            } else if (status < 300) {
                success(r);
            } else if ((status == 401 || status == 407) && !authAnswered && !hangUpPending) {
                retryWithCredentials(r, status == 407, seq);
            } else {
                finalFailure(r);
            }
        }

        @Override
        public void onTimeout(ClientTransaction tx, String reason) {
            if (state == State.CALLING || state == State.PROCEEDING) {
                terminate();
                if (hangUpPending) {
                    listener.ended(false, "CANCEL");
                } else {
                    listener.failed(0, "no answer: " + reason);
                }
            }
        }
    }

    private void provisional(SipResponse r) {
        if (state == State.CALLING) {
            state = State.PROCEEDING;
        }
        if (hangUpPending && state == State.PROCEEDING) {
            cancel(); // §9.1: the hang-up waited for this provisional
            return;
        }
        if (state != State.PROCEEDING || r.toTag() == null || r.statusCode() == 100) {
            return;
        }
        Dialog d = early.get(r.toTag());
        if (d == null) {
            d = Dialog.asUac(invite, r); // §13.2.2.1: an early dialog per To tag
            if (d == null) {
                return;
            }
            early.put(r.toTag(), d);
            ua.register(d.id(), this);
        }
        listener.early(leg(r), r.statusCode(), sdpOf(r));
    }

    private void success(SipResponse r) {
        String tag = r.toTag();
        if (confirmed != null) {
            if (confirmed.id().remoteTag().equals(tag)) {
                sendAck(confirmed); // a retransmitted 2xx: the ACK again (§13.2.2.4)
            } else {
                endOtherFork(r);
            }
            return;
        }
        if (state == State.TERMINATED) {
            endOtherFork(r); // answered after we gave up: ACK and BYE so the device does not ring on
            return;
        }
        Dialog d = early.get(tag);
        if (d == null) {
            d = Dialog.asUac(invite, r);
            if (d == null) {
                terminate();
                listener.failed(r.statusCode(), "2xx without a Contact or To tag");
                return;
            }
            ua.register(d.id(), this);
        }
        d.confirm(r);
        confirmed = d;
        state = State.CONFIRMED;
        for (Dialog other : early.values()) {
            if (other != d) {
                ua.unregister(other.id()); // the proxy cancels the others (§16.7 step 10)
            }
        }
        early.clear();
        sendAck(d);
        if (hangUpPending) {
            bye(); // the CANCEL crossed the 2xx (§9.1): the call is ended with BYE
        } else {
            listener.answered(leg(r), sdpOf(r));
        }
    }

    /** §13.2.2.4: a second 2xx of a forked call is ACKed and its dialog ended at once with BYE. */
    private void endOtherFork(SipResponse r) {
        Dialog other = Dialog.asUac(invite, r);
        if (other == null) {
            return;
        }
        other.confirm(r);
        sendAck(other);
        ua.sendInDialog(other, SipMethod.BYE, status -> {});
    }

    /** §13.2.2.4: the ACK for a 2xx is a new request within the dialog with the INVITE's CSeq number. */
    private void sendAck(Dialog d) {
        SipHop next = d.nextHop();
        if (next == null) {
            return;
        }
        if (ack == null || d != confirmed) {
            SipRequest a = d.request(SipMethod.ACK, invite.cseq().number());
            ua.stamp(a, next.kind());
            a.headers().set(SipHeaderNames.CONTENT_LENGTH, "0");
            if (d != confirmed) {
                next.path(ua.paths()).send(a);
                return;
            }
            ack = a;
        }
        next.path(ua.paths()).send(ack);
    }

    private void retryWithCredentials(SipResponse r, boolean proxy, UserAgentClient.Sequence seq) {
        var challenge =
                DigestChallenge.strongest(r.headers().getAll(proxy ? "Proxy-Authenticate" : "WWW-Authenticate"));
        if (challenge.isEmpty() || username == null) {
            finalFailure(r);
            return;
        }
        authAnswered = true;
        String answer =
                challenge.get().answer(username, password, SipMethod.INVITE, requestUri, 1, UserAgentClient.random(8));
        state = State.CALLING;
        send(seq.next(), proxy ? "Proxy-Authorization" : "Authorization", answer); // §22.2: same Call-ID, CSeq + 1
    }

    private void finalFailure(SipResponse r) {
        if (state == State.TERMINATED || state == State.CONFIRMED) {
            return;
        }
        terminate();
        if (hangUpPending && r.statusCode() == 487) {
            listener.ended(false, "CANCEL"); // §9.1: our CANCEL took effect
        } else {
            String why = r.statusCode() + " " + r.reasonPhrase();
            String warning = r.headers().get(SipHeaderNames.WARNING);
            listener.failed(r.statusCode(), warning == null ? why : why + " (" + warning + ")");
        }
    }

    private void terminate() {
        state = State.TERMINATED;
        for (Dialog d : early.values()) {
            ua.unregister(d.id());
        }
        early.clear();
    }

    private CallLeg leg(SipResponse r) {
        var contacts = r.contacts();
        String contact =
                contacts == null || contacts.isEmpty() ? "" : contacts.get(0).uri();
        NameAddr to = r.to();
        return new CallLeg(r.toTag(), contact, to == null ? "" : to.uri(), null);
    }

    static byte[] sdpOf(org.openvto.sip.codec.SipMessage m) {
        String type = m.headers().get(SipHeaderNames.CONTENT_TYPE);
        byte[] body = m.body();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/sdp") && body.length > 0
                ? body
                : null;
    }

    // ---- within the dialog ---------------------------------------------------------------------------------

    @Override
    Dialog dialogFor(SipRequest request) {
        return confirmed != null ? confirmed : early.get(request.fromTag());
    }

    @Override
    void remoteBye(SipRequest bye) {
        if (state == State.TERMINATED) {
            return;
        }
        boolean wasConfirmed = state == State.CONFIRMED;
        if (confirmed != null) {
            ua.unregister(confirmed.id());
        }
        terminate();
        if (wasConfirmed) {
            listener.ended(true, "BYE");
        } else {
            listener.failed(0, "BYE in an early dialog"); // §15: a BYE ends the early dialog; the call is over
        }
    }

    @Override
    void info(SipRequest info, InetSocketAddress source) {
        Dialog d = dialogFor(info);
        listener.info(
                new CallLeg(
                        d.id().remoteTag(),
                        d.remoteTarget(),
                        info.from() == null ? "" : info.from().uri(),
                        source),
                info.headers().get(SipHeaderNames.CONTENT_TYPE),
                info.body());
    }

    @Override
    void reinvite(SipRequest reinvite, ServerTransactionHandle tx) {
        SipResponse ok = ua.ok(reinvite); // the same session again: our offer stands (RFC 3264 §8)
        ok.headers().add(SipHeaderNames.CONTACT, "<" + ua.contact(hop.kind()) + ">");
        ok.headers().add(SipHeaderNames.CONTENT_TYPE, "application/sdp");
        ok.headers().add(SipHeaderNames.CONTENT_LENGTH, String.valueOf(sdp.length));
        ok.setBody(sdp);
        tx.respond(ok);
    }

    private static final ClientTransactionListener IGNORE = new ClientTransactionListener() {
        @Override
        public void onResponse(ClientTransaction t, SipResponse r) {}

        @Override
        public void onTimeout(ClientTransaction t, String reason) {}
    };
}

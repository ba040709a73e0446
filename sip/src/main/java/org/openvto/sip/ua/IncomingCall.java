package org.openvto.sip.ua;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.openvto.sip.codec.NameAddr;
import org.openvto.sip.codec.SipHeaderNames;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transaction.TimerScheduler;
import org.openvto.sip.transport.SipTransportKind;

/**
 * A call to the VTO (RFC 3261 §13.3): an indoor monitor watching the door. {@link #answer} sends the 2xx with the
 * SDP answer and, over UDP, retransmits it from T1 doubling up to T2 until the ACK arrives (§13.3.1.4); no ACK within
 * 64·T1 ends the call with BYE. {@link #reject} sends a final 4xx–6xx with a {@code Warning}. A CANCEL before the
 * answer ends it with 487 (§9.2). After the ACK, BYE from either side ends it (§15).
 *
 * <p>States: OFFERED (100 sent) → ANSWERED (2xx sent) → CONFIRMED (ACK) → TERMINATED, or OFFERED → TERMINATED.
 * Every path ends with one {@link CallListener#ended} or {@link CallListener#failed} to the listener given with
 * {@link #answer} (a call rejected or cancelled before it was answered tells nobody but the caller of reject).
 *
 * <p>Threading: {@link #answer}, {@link #reject}, {@link #hangUp} from any thread; all else on the SIP thread.
 */
public final class IncomingCall extends UserAgent.SipCall {
    enum State {
        OFFERED,
        ANSWERED,
        CONFIRMED,
        TERMINATED
    }

    private final UserAgent ua;
    private final SipRequest invite;
    private final ServerTransactionHandle tx;
    private final InetSocketAddress source;
    private final String localTag = UserAgentClient.random(8);
    private final Dialog dialog;

    // SIP thread only
    private State state = State.OFFERED;
    private CallListener listener;
    private SipResponse ok;
    private TimerScheduler.Handle retransmit;
    private Duration interval;
    private Duration waited = Duration.ZERO;
    private boolean cancelledBeforeAnswer;

    IncomingCall(UserAgent ua, SipRequest invite, ServerTransactionHandle tx, InetSocketAddress source) {
        this.ua = ua;
        this.invite = invite;
        this.tx = tx;
        this.source = source;
        this.dialog = Dialog.asUas(invite, localTag);
    }

    /** Who calls: {@code P-Asserted-Identity} from the trusted proxy (RFC 3325 §9.1), else From. */
    public String caller() {
        String pai = invite.headers().get("P-Asserted-Identity");
        NameAddr asserted = pai == null ? null : NameAddr.parse(pai);
        if (asserted != null && asserted.sipUri() != null) {
            return asserted.uri();
        }
        return invite.from() == null ? "" : invite.from().uri();
    }

    /** The user part of {@link #caller} ({@code 101#0}), URI escapes undone. */
    public String callerUser() {
        var uri = org.openvto.sip.codec.SipUri.parse(caller());
        String user = uri == null || uri.user() == null ? "" : uri.user();
        return java.net.URLDecoder.decode(user.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The caller's SDP offer, null when the INVITE had none (then the offer goes in our 2xx, RFC 3264 §4). */
    public byte[] offer() {
        return OutgoingCall.sdpOf(invite);
    }

    /** The Call-ID of the INVITE. */
    public String callId() {
        return invite.callId();
    }

    /** Where the INVITE came from (the proxy when one is in the path). */
    public InetSocketAddress source() {
        return source;
    }

    /** Answers with {@code sdp} (200 OK, §13.3.1.4); the call's course goes to {@code listener}. */
    public void answer(byte[] sdp, CallListener listener) {
        byte[] body = sdp.clone();
        ua.run(() -> answerNow(body, listener), () -> listener.failed(0, "the SIP stack is stopped"));
    }

    /**
     * Refuses the call with {@code status} (486) and its standard reason phrase, and a {@code Warning} saying why
     * (§20.43; none when blank).
     */
    public void reject(int status, String warning) {
        ua.run(() -> rejectNow(status, warning), () -> {});
    }

    /** Ends the call: BYE once answered (§15.1.1), 487 before (as a CANCEL would). */
    public void hangUp() {
        ua.run(this::hangUpNow, () -> {});
    }

    private void answerNow(byte[] sdp, CallListener l) {
        if (state != State.OFFERED) {
            if (cancelledBeforeAnswer) {
                l.ended(true, "CANCEL");
            }
            return;
        }
        listener = l;
        SipTransportKind kind = kindOf(invite);
        SipResponse r = ua.ok(invite).withToTag(localTag);
        r.headers().add(SipHeaderNames.CONTACT, "<" + ua.contact(kind) + ">");
        r.headers().add(SipHeaderNames.CONTENT_TYPE, "application/sdp");
        r.headers().add(SipHeaderNames.CONTENT_LENGTH, String.valueOf(sdp.length));
        for (String rr : invite.headers().getAll(SipHeaderNames.RECORD_ROUTE)) {
            r.headers().add(SipHeaderNames.RECORD_ROUTE, rr); // §12.1.1: copied into the 2xx
        }
        r.setBody(sdp);
        ok = r;
        state = State.ANSWERED;
        ua.register(dialog.id(), this);
        tx.respond(r);
        if (!kind.reliable()) {
            interval = ua.layer().timers().t1();
            scheduleRetransmit();
        }
    }

    private void scheduleRetransmit() {
        retransmit = ua.scheduler().schedule(interval, this::retransmitOk);
    }

    /** §13.3.1.4: resend the 2xx, T1 doubling up to T2, until the ACK; none within 64·T1 → BYE. */
    private void retransmitOk() {
        if (state != State.ANSWERED) {
            return;
        }
        waited = waited.plus(interval);
        if (waited.compareTo(ua.layer().timers().timeout()) >= 0) {
            ua.unregister(dialog.id());
            state = State.TERMINATED;
            ua.sendInDialog(dialog, SipMethod.BYE, status -> {});
            listener.ended(false, "no ACK for the 200 OK");
            return;
        }
        tx.respond(ok);
        interval = ua.layer().timers().backoff(interval); // min(2·interval, T2)
        scheduleRetransmit();
    }

    void acked(SipRequest ackRequest) {
        if (state != State.ANSWERED) {
            return; // a retransmitted ACK
        }
        state = State.CONFIRMED;
        if (retransmit != null) {
            retransmit.cancel();
        }
        listener.answered(leg(source), OutgoingCall.sdpOf(ackRequest));
    }

    private void rejectNow(int status, String warning) {
        if (state != State.OFFERED) {
            return;
        }
        state = State.TERMINATED;
        SipResponse r = SipResponse.createFor(invite, org.openvto.sip.codec.SipResponseStatus.valueOf(status))
                .withToTag(localTag);
        if (warning != null && !warning.isBlank()) {
            r.headers().add(SipHeaderNames.WARNING, ua.warning(warning));
        }
        tx.respond(r);
    }

    private void hangUpNow() {
        switch (state) {
            case OFFERED -> rejectNow(487, null);
            case ANSWERED, CONFIRMED -> {
                state = State.TERMINATED;
                if (retransmit != null) {
                    retransmit.cancel();
                }
                ua.unregister(dialog.id());
                ua.sendInDialog(dialog, SipMethod.BYE, status -> {});
                listener.ended(false, "BYE");
            }
            case TERMINATED -> {}
        }
    }

    void cancelled() {
        if (state == State.OFFERED) {
            rejectNow(487, null); // §9.2
            cancelledBeforeAnswer = true;
        }
    }

    private CallLeg leg(InetSocketAddress from) {
        return new CallLeg(dialog.id().remoteTag(), dialog.remoteTarget(), caller(), from);
    }

    private static SipTransportKind kindOf(SipRequest r) {
        var via = r.topVia();
        SipTransportKind k = via == null ? null : SipTransportKind.of(via.transport(), false);
        return k == null ? SipTransportKind.UDP : k;
    }

    // ---- within the dialog ---------------------------------------------------------------------------------

    @Override
    Dialog dialogFor(SipRequest request) {
        return dialog;
    }

    @Override
    void remoteBye(SipRequest bye) {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        if (retransmit != null) {
            retransmit.cancel();
        }
        ua.unregister(dialog.id());
        listener.ended(true, "BYE");
    }

    @Override
    void info(SipRequest info, InetSocketAddress from) {
        if (listener != null) {
            listener.info(leg(from), info.headers().get(SipHeaderNames.CONTENT_TYPE), info.body());
        }
    }

    @Override
    void reinvite(SipRequest reinvite, ServerTransactionHandle t) {
        SipResponse r = ua.ok(reinvite); // the same session again (RFC 3264 §8): our answer stands
        r.headers().add(SipHeaderNames.CONTACT, "<" + ua.contact(kindOf(reinvite)) + ">");
        r.headers().add(SipHeaderNames.CONTENT_TYPE, "application/sdp");
        byte[] body = ok.body();
        r.headers().add(SipHeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
        r.setBody(body);
        t.respond(r);
    }
}

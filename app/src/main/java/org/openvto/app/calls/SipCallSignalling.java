package org.openvto.app.calls;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.openvto.call.CallSignal;
import org.openvto.call.CallSignalling;
import org.openvto.media.call.VideoState;
import org.openvto.sip.codec.SipResponseStatus;
import org.openvto.sip.ua.CallLeg;
import org.openvto.sip.ua.CallListener;
import org.openvto.sip.ua.DtmfInfo;
import org.openvto.sip.ua.IncomingCall;
import org.openvto.sip.ua.OutgoingCall;
import org.openvto.sip.ua.UserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls feature's {@link CallSignalling} over the VTO's own SIP user agent, and the other way round the calls'
 * {@link CallSignal}s: SIP responses and requests become ringing / answered / ended / failed / incoming / DTMF, with
 * the media of each call ({@link CallSession}) set up from the SDP on the way — video to every monitor that rings
 * with SDP (early media), audio and video to the one that answers. DTMF arrives by SIP INFO (here) and RFC 4733
 * (from the media); both only from the parties of the call.
 *
 * <p>Threading: the {@link CallSignalling} methods from any thread (the calls thread), never blocking; the
 * {@link CallListener} and {@link UserAgent.Listener} callbacks on the SIP thread; {@code signals} must only queue.
 */
final class SipCallSignalling implements CallSignalling, UserAgent.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SipCallSignalling.class);

    /** How the VTO reaches the SIP server and who it is there; empty while no SIP server runs. */
    interface Line {
        Optional<UserAgent> userAgent();

        /** Dials {@code number} on {@code ua} with the server's address and this VTO's credentials. */
        OutgoingCall dial(UserAgent ua, String number, byte[] sdp, CallListener listener);

        /** The device (its SIP user, {@code 101#1}) whose Contact is {@code contact}, else the contact itself. */
        String device(String contact);
    }

    /** Opens the media of a call: its sockets and offer; fails with the reason. */
    interface Media {
        CallSession open(String callId, Consumer<CallSignal.Dtmf> dtmf) throws java.io.IOException;
    }

    private final Line line;
    private final Media media;
    private final Consumer<CallSignal> signals;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    SipCallSignalling(Line line, Media media, Consumer<CallSignal> signals) {
        this.line = line;
        this.media = media;
        this.signals = signals;
    }

    /** One call in flight: its SIP side (outgoing or incoming) and its media. */
    private static final class Call {
        volatile OutgoingCall outgoing;
        volatile IncomingCall incoming;
        volatile CallSession session;
        /** Devices by remote tag (the parties of a forked call). */
        final Map<String, String> devices = new ConcurrentHashMap<>();

        volatile String answeredTag;
    }

    @Override
    public void dial(String callId, String number) {
        Optional<UserAgent> ua = line.userAgent();
        if (ua.isEmpty()) {
            signals.accept(new CallSignal.Failed(callId, 0, "the SIP server is not running"));
            return;
        }
        Call call = new Call();
        try {
            call.session = media.open(callId, signals::accept);
        } catch (java.io.IOException | RuntimeException e) {
            signals.accept(new CallSignal.Failed(callId, 0, "no media ports: " + e.getMessage()));
            return;
        }
        calls.put(callId, call);
        call.outgoing = line.dial(ua.get(), number, call.session.offer(), new Outgoing(callId, call));
    }

    @Override
    public void hangUp(String callId) {
        Call call = calls.get(callId);
        if (call == null) {
            return;
        }
        if (call.outgoing != null) {
            call.outgoing.hangUp();
        } else if (call.incoming != null) {
            call.incoming.hangUp();
        }
    }

    @Override
    public void answer(String callId) {
        Call call = calls.get(callId);
        if (call == null || call.incoming == null) {
            return;
        }
        IncomingCall in = call.incoming;
        try {
            call.session = media.open(callId, signals::accept);
        } catch (java.io.IOException | RuntimeException e) {
            refuseWith(callId, in, 503, "no media ports: " + e.getMessage());
            return;
        }
        String device = in.callerUser();
        CallSession.Answer a = call.session.answerOffer(device, in.offer());
        switch (a.result()) {
            case CallSession.Result.Refused r -> refuseWith(callId, in, 488, r.reason());
            case CallSession.Result.Running r
            when r.video() == VideoState.NO_SLOT ->
                refuseWith(callId, in, 486, "all video streams of the door station are in use");
            case CallSession.Result.Running r -> in.answer(a.sdp(), new Incoming(callId, device));
        }
    }

    private void refuseWith(String callId, IncomingCall in, int status, String why) {
        LOG.info("call {} from {} refused {}: {}", callId, in.callerUser(), status, why);
        in.reject(status, why);
        close(callId);
        signals.accept(new CallSignal.Failed(
                callId, status, status + " " + SipResponseStatus.reasonPhrase(status) + ": " + why));
    }

    @Override
    public void refuse(String callId, int status, String warning) {
        Call call = calls.remove(callId);
        if (call != null && call.incoming != null) {
            call.incoming.reject(status, warning);
        }
    }

    @Override
    public void incoming(IncomingCall in) {
        Call call = new Call();
        call.incoming = in;
        String callId = in.callId();
        calls.put(callId, call);
        LOG.info("call {} from {} arrives", callId, in.callerUser());
        signals.accept(new CallSignal.Incoming(callId, in.callerUser()));
    }

    private void close(String callId) {
        Call call = calls.remove(callId);
        if (call != null && call.session != null) {
            LOG.info("call {} media: {}", callId, call.session.media().stats());
            call.session.close();
        }
    }

    /** The call is over: its media closed, then the calls feature told. */
    private void finish(String callId, CallSignal last) {
        close(callId);
        signals.accept(last);
    }

    /** A DTMF digit sent by SIP INFO from {@code device} (a party of {@code callId}). */
    private void info(String callId, String device, String contentType, byte[] body) {
        switch (DtmfInfo.parse(contentType, body)) {
            case DtmfInfo.Result.Digit d ->
                signals.accept(new CallSignal.Dtmf(callId, device, String.valueOf(d.digit()), d.via()));
            case DtmfInfo.Result.NotDtmf n -> LOG.debug("INFO in call {} is no DTMF: {}", callId, n.reason());
        }
    }

    /**
     * What both directions tell the calls feature alike (SIP thread): a failure, the end — by the party that
     * answered or by the VTO — and DTMF sent by INFO.
     */
    private abstract class Listening implements CallListener {
        final String callId;

        Listening(String callId) {
            this.callId = callId;
        }

        /** The device {@code leg} is. */
        abstract String device(CallLeg leg);

        /** The device that answered, if the call got that far. */
        abstract java.util.Optional<String> answeredBy();

        @Override
        public void failed(int status, String reason) {
            finish(callId, new CallSignal.Failed(callId, status, reason));
        }

        @Override
        public void ended(boolean byRemote, String reason) {
            String by = byRemote ? answeredBy().orElse("vto") : "vto";
            finish(callId, new CallSignal.Ended(callId, by, reason));
        }

        @Override
        public void info(CallLeg leg, String contentType, byte[] body) {
            SipCallSignalling.this.info(callId, device(leg), contentType, body);
        }
    }

    /** How an outgoing call goes (SIP thread). */
    private final class Outgoing extends Listening {
        private final Call call;

        Outgoing(String callId, Call call) {
            super(callId);
            this.call = call;
        }

        @Override
        String device(CallLeg leg) {
            return call.devices.computeIfAbsent(leg.remoteTag(), t -> line.device(leg.contact()));
        }

        @Override
        java.util.Optional<String> answeredBy() {
            return java.util.Optional.ofNullable(call.answeredTag).map(call.devices::get);
        }

        @Override
        public void early(CallLeg leg, int status, byte[] sdp) {
            String device = device(leg);
            boolean video = false;
            if (sdp != null) {
                var r = call.session.answer(device, sdp, false);
                video = r instanceof CallSession.Result.Running run && run.video() == VideoState.SENDING;
                if (r instanceof CallSession.Result.Refused refused) {
                    LOG.info("early media of {} in call {} refused: {}", device, callId, refused.reason());
                }
            }
            LOG.info(
                    "call {} rings at {} ({}{})", callId, device, status, sdp == null ? "" : ", early media: " + video);
            signals.accept(new CallSignal.Ringing(callId, device, video));
        }

        @Override
        public void answered(CallLeg leg, byte[] sdp) {
            String device = device(leg);
            call.answeredTag = leg.remoteTag();
            CallSession.Result r = sdp != null
                    ? call.session.answer(device, sdp, true)
                    : call.session.answeredWithEarlySdp(device)
                            ? new CallSession.Result.Running(VideoState.SENDING, null)
                            : new CallSession.Result.Refused("the answer had no SDP and no early SDP came before");
            LOG.info("call {} answered by {}: {}", callId, device, r);
            if (r instanceof CallSession.Result.Refused refused) {
                call.outgoing.hangUp(); // RFC 3264 §6: an answer we cannot use ends the call (BYE after the ACK)
                close(callId);
                signals.accept(new CallSignal.Failed(callId, 488, "no usable media: " + refused.reason()));
                return;
            }
            signals.accept(new CallSignal.Answered(callId, device));
        }
    }

    /** How an answered incoming call (a monitor) goes (SIP thread): one device, the caller. */
    private final class Incoming extends Listening {
        private final String device;

        Incoming(String callId, String device) {
            super(callId);
            this.device = device;
        }

        @Override
        String device(CallLeg leg) {
            return device;
        }

        @Override
        java.util.Optional<String> answeredBy() {
            return java.util.Optional.of(device);
        }

        @Override
        public void answered(CallLeg leg, byte[] sdp) {
            LOG.info("call {} from {} set up (ACK)", callId, device);
            signals.accept(new CallSignal.Answered(callId, device));
        }
    }
}

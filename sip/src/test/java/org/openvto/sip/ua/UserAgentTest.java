package org.openvto.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestHeaderParser;
import org.openvto.digest.DigestParseResult;
import org.openvto.digest.DigestVerifier;
import org.openvto.sip.codec.SipDecodeResult;
import org.openvto.sip.codec.SipMessage;
import org.openvto.sip.codec.SipMessageDecoder;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transaction.FakeScheduler;
import org.openvto.sip.transaction.RecordingContext;
import org.openvto.sip.transaction.RecordingPaths;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipHop;

/**
 * The user agent's calls with the real transaction layer over a recording transport on fake time: the proxy and the
 * devices are played by the test, message by message (RFC 3261 §13, §15, §9).
 */
class UserAgentTest {
    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.1", 5060);
    private static final byte[] OFFER = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\n".getBytes(StandardCharsets.UTF_8);
    private static final String SDP_ANSWER = "v=0\r\no=- 7 7 IN IP4 10.0.0.21\r\n";

    private final FakeScheduler scheduler = new FakeScheduler();
    private final TransactionLayer layer = new TransactionLayer(TransactionTimers.DEFAULT);
    private final RecordingPaths wire = new RecordingPaths(scheduler);
    private final List<IncomingCall> incoming = new ArrayList<>();
    private final UserAgent ua = new UserAgent(
            layer,
            wire,
            Runnable::run,
            scheduler,
            new UserAgent.Identity("8001", "VDP", "OpenVTO test", PROXY::equals),
            incoming::add);
    private final Events events = new Events();

    UserAgentTest() {
        layer.setUser(ua);
    }

    private OutgoingCall call() {
        return ua.invite(
                "sip:101@VDP", SipHop.of(SipUri.parse("sip:10.0.0.1:5060"), null, null), OFFER, "8001", "Pw#1", events);
    }

    private List<SipMessage> sent() {
        List<SipMessage> all = new ArrayList<>();
        wire.paths.forEach(p -> all.addAll(p.sent));
        return all;
    }

    private SipRequest lastRequest(String method) {
        List<SipMessage> all = sent();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof SipRequest r && r.method().equals(method)) {
                return r;
            }
        }
        throw new AssertionError("no " + method + " sent: " + all);
    }

    private SipResponse lastResponse() {
        List<SipMessage> all = sent();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof SipResponse r) {
                return r;
            }
        }
        throw new AssertionError("no response sent");
    }

    private void respond(SipRequest to, int code, String reason, String tag, String... headers) {
        SipResponse r = SipResponse.createFor(to, code, reason);
        if (tag != null) {
            r.withToTag(tag);
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals("body")) {
                r.headers().add("Content-Type", "application/sdp");
                r.setBody(headers[i + 1].getBytes(StandardCharsets.UTF_8));
            } else {
                r.headers().add(headers[i], headers[i + 1]);
            }
        }
        layer.receive(r);
    }

    /** A request from the proxy's address (or {@code from}), decoded from text as the transport would. */
    private RecordingContext receive(String text, InetSocketAddress from) {
        String crlf = text.replace("\n", "\r\n");
        int split = crlf.indexOf("\r\n\r\n") + 4;
        int length = crlf.substring(split).getBytes(StandardCharsets.UTF_8).length;
        crlf = crlf.substring(0, split).replaceAll("Content-Length: \\d+", "Content-Length: " + length)
                + crlf.substring(split); // the test texts need not count their bodies
        var decoded = new SipMessageDecoder().decodeDatagram(crlf.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).as(crlf).isInstanceOf(SipDecodeResult.Decoded.class);
        SipRequest request = (SipRequest) ((SipDecodeResult.Decoded) decoded).message();
        RecordingContext path = new RecordingContext(false, scheduler, scheduler::nowMillis);
        path.peer = from;
        layer.receive(request, path);
        return path;
    }

    @Test
    void anOutgoingCallAnswersTheProxyChallengeRingsTwoDevicesAndAcksTheFirstAnswer() {
        call();
        SipRequest first = lastRequest("INVITE");
        assertThat(first.startLine()).isEqualTo("INVITE sip:101@VDP SIP/2.0");
        assertThat(first.headers().get("Contact")).isEqualTo("<sip:8001@10.0.0.1:5060;ua=openvto>");
        assertThat(first.headers().get("Content-Type")).isEqualTo("application/sdp");
        respond(
                first,
                407,
                "Proxy Authentication Required",
                "p1",
                "Proxy-Authenticate",
                "Digest realm=\"VDP\", nonce=\"n1\", qop=\"auth\", algorithm=MD5");

        SipRequest second = lastRequest("INVITE");
        assertThat(second.callId()).isEqualTo(first.callId());
        assertThat(second.cseq().number()).isEqualTo(2);
        var auth = ((DigestParseResult.Parsed)
                        DigestHeaderParser.parse(second.headers().get("Proxy-Authorization")))
                .response();
        assertThat(DigestVerifier.verify(
                        auth, "INVITE", DigestVerifier.ha1(DigestAlgorithm.MD5, "8001", "VDP", "Pw#1")))
                .isTrue();

        respond(second, 100, "Trying", null);
        respond(second, 183, "Session Progress", "a", "Contact", "<sip:101%230@10.0.0.21:5062>", "body", SDP_ANSWER);
        respond(second, 180, "Ringing", "b", "Contact", "<sip:101%231@10.0.0.22:5064>");
        assertThat(events.log).containsExactly("early 183 a sdp", "early 180 b -");

        respond(
                second,
                200,
                "OK",
                "a",
                "Contact",
                "<sip:101%230@10.0.0.21:5062>",
                "Record-Route",
                "<sip:10.0.0.1:5060;lr>",
                "body",
                SDP_ANSWER);
        assertThat(events.log).last().isEqualTo("answered a sdp");
        SipRequest ack = lastRequest("ACK");
        assertThat(ack.requestUri()).isEqualTo("sip:101%230@10.0.0.21:5062");
        assertThat(ack.headers().get("Route")).isEqualTo("<sip:10.0.0.1:5060;lr>");
        assertThat(ack.cseq().number()).isEqualTo(2);
        assertThat(ack.toTag()).isEqualTo("a");

        respond(second, 200, "OK", "b", "Contact", "<sip:101%231@10.0.0.22:5064>", "body", SDP_ANSWER);
        assertThat(lastRequest("BYE").toTag())
                .as("§13.2.2.4: the other fork's answer is ended")
                .isEqualTo("b");
        assertThat(events.log).hasSize(3);
    }

    @Test
    void aHangUpBeforeAnyProvisionalWaitsForOneThenCancels() {
        OutgoingCall call = call();
        SipRequest invite = lastRequest("INVITE");
        call.hangUp();
        assertThat(sent())
                .noneMatch(m -> m instanceof SipRequest r && r.method().equals("CANCEL"));
        respond(invite, 180, "Ringing", "a", "Contact", "<sip:101%230@10.0.0.21:5062>");
        SipRequest cancel = lastRequest("CANCEL");
        assertThat(cancel.topViaBranch()).isEqualTo(invite.topViaBranch());
        respond(invite, 487, "Request Terminated", "a");
        assertThat(events.log).containsExactly("ended local CANCEL");
    }

    @Test
    void aBusyRoomFailsTheCallWithItsStatus() {
        call();
        respond(lastRequest("INVITE"), 486, "Busy Here", "x");
        assertThat(events.log).containsExactly("failed 486 486 Busy Here");
        assertThat(lastRequest("ACK").cseq().method()).as("§17.1.1.3").isEqualTo("ACK");
    }

    @Test
    void theAnsweredCallEndsWithByeFromTheDeviceAndItsInfoArrives() {
        call();
        SipRequest invite = lastRequest("INVITE");
        respond(invite, 200, "OK", "a", "Contact", "<sip:101%230@10.0.0.21:5062>", "body", SDP_ANSWER);
        String dialog = "Call-ID: " + invite.callId() + "\nFrom: <sip:101@VDP>;tag=a\nTo: <sip:8001@VDP>;tag="
                + invite.fromTag() + "\n";
        receive(
                "INFO sip:8001@10.0.0.1:5060;ua=openvto SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKi1\n"
                        + dialog + "CSeq: 5 INFO\nContent-Type: application/dtmf-relay\nContent-Length: 24\n\n"
                        + "Signal=#\nDuration=160\n\n",
                PROXY);
        assertThat(events.log).contains("info application/dtmf-relay");
        RecordingContext old = receive(
                "INFO sip:8001@10.0.0.1:5060;ua=openvto SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1:5060;" + "branch=z9hG4bKi0\n"
                        + dialog + "CSeq: 4 INFO\nContent-Length: 0\n\n",
                PROXY);
        assertThat(((SipResponse) old.sent.get(0)).statusCode())
                .as("§12.2.2 out of order")
                .isEqualTo(500);
        RecordingContext bye = receive(
                "BYE sip:8001@10.0.0.1:5060;ua=openvto SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1:5060;" + "branch=z9hG4bKb1\n"
                        + dialog + "CSeq: 6 BYE\nContent-Length: 0\n\n",
                PROXY);
        assertThat(((SipResponse) bye.sent.get(0)).statusCode()).isEqualTo(200);
        assertThat(events.log).last().isEqualTo("ended remote BYE");
        RecordingContext after = receive(
                "BYE sip:8001@10.0.0.1:5060;ua=openvto SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1:5060;" + "branch=z9hG4bKb2\n"
                        + dialog + "CSeq: 7 BYE\nContent-Length: 0\n\n",
                PROXY);
        assertThat(((SipResponse) after.sent.get(0)).statusCode()).isEqualTo(481);
    }

    private static final String MONITOR_INVITE = """
            INVITE sip:8001@10.0.0.1:5060;ua=openvto SIP/2.0
            Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKm1
            From: <sip:101%230@VDP>;tag=m
            To: <sip:8001@VDP>
            Call-ID: mon-1
            CSeq: 1 INVITE
            Contact: <sip:101%230@10.0.0.21:5062>
            Record-Route: <sip:10.0.0.1:5060;lr>
            P-Asserted-Identity: <sip:101%230@VDP>
            Content-Type: application/sdp
            Content-Length: 32

            v=0
            o=- 1 1 IN IP4 10.0.0.21
            """;

    @Test
    void anUntrustedSourceCannotCallTheVto() {
        RecordingContext path = receive(MONITOR_INVITE, new InetSocketAddress("10.0.0.66", 5060));
        SipResponse r = (SipResponse) path.sent.get(0);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().get("Warning")).contains("only through the SIP server");
        assertThat(incoming).isEmpty();
        assertThat(ua.refused()).isEqualTo(1);
    }

    @Test
    void aMonitorCallIsAnsweredRetransmittedUntilTheAckAndEndedByTheVto() {
        RecordingContext path = receive(MONITOR_INVITE, PROXY);
        assertThat(((SipResponse) path.sent.get(0)).statusCode()).isEqualTo(100);
        IncomingCall call = incoming.get(0);
        assertThat(call.callerUser()).isEqualTo("101#0");
        assertThat(new String(call.offer(), StandardCharsets.UTF_8)).startsWith("v=0");

        call.answer(SDP_ANSWER.getBytes(StandardCharsets.UTF_8), events);
        SipResponse ok = (SipResponse) path.sent.get(1);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().get("Record-Route")).isEqualTo("<sip:10.0.0.1:5060;lr>");
        scheduler.advance(Duration.ofMillis(500));
        scheduler.advance(Duration.ofMillis(1000));
        assertThat(path.sent).as("§13.3.1.4: 200 at 0, 500, 1500 ms").hasSize(4);

        receive(
                "ACK sip:8001@10.0.0.1:5060;ua=openvto SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa1\n"
                        + "From: <sip:101%230@VDP>;tag=m\nTo: <sip:8001@VDP>;tag=" + ok.toTag() + "\nCall-ID: mon-1\n"
                        + "CSeq: 1 ACK\nContent-Length: 0\n\n",
                PROXY);
        assertThat(events.log).containsExactly("answered m -");
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(path.sent).as("no more retransmissions after the ACK").hasSize(4);

        call.hangUp();
        SipRequest bye = lastRequest("BYE");
        assertThat(bye.requestUri()).isEqualTo("sip:101%230@10.0.0.21:5062");
        assertThat(bye.headers().get("Route"))
                .as("§12.1.1: the route set in order")
                .isEqualTo("<sip:10.0.0.1:5060;lr>");
        assertThat(bye.cseq().number()).isEqualTo(1);
        assertThat(events.log).last().isEqualTo("ended local BYE");
    }

    @Test
    void aMonitorCallRefusedNamesTheReasonAndACancelEndsAnUnansweredOne() {
        RecordingContext path = receive(MONITOR_INVITE, PROXY);
        incoming.get(0).reject(486, "6 video streams in use");
        SipResponse busy = (SipResponse) path.sent.get(1);
        assertThat(busy.statusCode()).isEqualTo(486);
        assertThat(busy.headers().get("Warning")).isEqualTo("399 10.0.0.1 \"6 video streams in use\"");

        RecordingContext second =
                receive(MONITOR_INVITE.replace("mon-1", "mon-2").replace("bKm1", "bKm2"), PROXY);
        receive(
                MONITOR_INVITE
                        .replace("mon-1", "mon-2")
                        .replace("bKm1", "bKm2")
                        .replace("INVITE sip", "CANCEL sip")
                        .replace("1 INVITE", "1 CANCEL")
                        .replaceAll("(?s)Content-Type.*", "Content-Length: 0\n\n"),
                PROXY);
        assertThat(second.sent).map(m -> ((SipResponse) m).statusCode()).contains(487);
    }

    /** What the listener was told, as short lines. */
    private static final class Events implements CallListener {
        final List<String> log = new ArrayList<>();

        @Override
        public void early(CallLeg leg, int status, byte[] sdp) {
            log.add("early " + status + " " + leg.remoteTag() + " " + (sdp == null ? "-" : "sdp"));
        }

        @Override
        public void answered(CallLeg leg, byte[] sdp) {
            log.add("answered " + leg.remoteTag() + " " + (sdp == null ? "-" : "sdp"));
        }

        @Override
        public void failed(int status, String reason) {
            log.add("failed " + status + " " + reason);
        }

        @Override
        public void ended(boolean byRemote, String reason) {
            log.add("ended " + (byRemote ? "remote " : "local ") + reason);
        }

        @Override
        public void info(CallLeg leg, String contentType, byte[] body) {
            log.add("info " + contentType);
        }
    }
}

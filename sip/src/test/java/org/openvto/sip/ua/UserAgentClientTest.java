package org.openvto.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.openvto.sip.codec.SipDecodeResult;
import org.openvto.sip.codec.SipHeader;
import org.openvto.sip.codec.SipMessageDecoder;
import org.openvto.sip.codec.SipMessageEncoder;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transaction.FakeScheduler;
import org.openvto.sip.transaction.RecordingContext;
import org.openvto.sip.transaction.RecordingPaths;
import org.openvto.sip.transaction.TransactionContext;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipHop;
import org.openvto.sip.transport.SipTransportKind;

/**
 * The user agent client on its own: the real transaction layer with a transport that only records and timers on a
 * fake scheduler, so the §8.1.1 request, the Timer E/F schedule and every way a request ends are checked to the
 * millisecond, without sockets or sleeps.
 */
class UserAgentClientTest {
    private static final String CONTACT = "sip:888888@10.0.0.88:5070;transport=UDP";
    private static final byte[] JSON =
            "{\"key\":\"vto-alarm-17\",\"type\":\"duress\"}".getBytes(StandardCharsets.UTF_8);

    private final FakeScheduler scheduler = new FakeScheduler();
    private final TransactionLayer layer = new TransactionLayer(TransactionTimers.DEFAULT);
    private final FakePaths paths = new FakePaths();
    private final UserAgentClient client = new UserAgentClient(layer, paths, Runnable::run);

    private static OutOfDialogRequest message(String contact) {
        SipHop hop = SipHop.of(SipUri.parse(contact), "UDP", "10.0.0.88:5070");
        return new OutOfDialogRequest(
                "MESSAGE",
                contact,
                "sip:888888@VDP",
                "sip:8001@VDP",
                hop,
                "application/json",
                JSON,
                List.of(new SipHeader("X-OpenVTO-Key", "vto-alarm-17")));
    }

    private RecordingContext wire() {
        assertThat(paths.paths).hasSize(1);
        return paths.paths.get(0);
    }

    private SipRequest sent() {
        return (SipRequest) wire().sent.get(0);
    }

    private void answer(int code, String reason) {
        layer.receive(SipResponse.createFor(sent(), code, reason).withToTag("c1"));
    }

    @Test
    void aMessageCarriesWhatRfc3261Section8_1_1AsksForAndDecodesBackTheSame() {
        client.send(message(CONTACT));
        SipRequest r = sent();
        assertThat(r.startLine()).isEqualTo("MESSAGE " + CONTACT + " SIP/2.0");
        assertThat(r.headers().get("To")).isEqualTo("<sip:888888@VDP>");
        assertThat(r.from().uri()).isEqualTo("sip:8001@VDP");
        assertThat(r.fromTag()).matches("[0-9a-f]{16}");
        assertThat(r.callId()).matches("[0-9a-f]{32}@10\\.0\\.0\\.1");
        assertThat(r.headers().get("CSeq")).isEqualTo("1 MESSAGE");
        assertThat(r.maxForwards()).isEqualTo(70);
        assertThat(r.headers().get("Via"))
                .matches("SIP/2\\.0/UDP 10\\.0\\.0\\.1:5060;branch=z9hG4bK[0-9a-f]{24};rport");
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.headers().get("X-OpenVTO-Key")).isEqualTo("vto-alarm-17");
        assertThat(r.body()).isEqualTo(JSON);
        assertThat(paths.targets).containsExactly("UDP 10.0.0.88:5070");

        SipDecodeResult decoded = new SipMessageDecoder().decodeDatagram(SipMessageEncoder.encode(r));
        assertThat(decoded).isInstanceOf(SipDecodeResult.Decoded.class);
        SipRequest back = (SipRequest) ((SipDecodeResult.Decoded) decoded).message();
        assertThat(back.requestUri()).isEqualTo(CONTACT);
        assertThat(back.body()).isEqualTo(JSON);
        assertThat(back.contentLength()).isEqualTo(JSON.length);
        assertThat(back.headers().get("X-OpenVTO-Key")).isEqualTo("vto-alarm-17");
    }

    @Test
    void everyRequestHasItsOwnBranchTagAndCallId() {
        client.send(message(CONTACT));
        client.send(message(CONTACT));
        List<SipRequest> both =
                paths.paths.stream().map(p -> (SipRequest) p.sent.get(0)).toList();
        assertThat(both.get(0).topViaBranch()).isNotEqualTo(both.get(1).topViaBranch());
        assertThat(both.get(0).fromTag()).isNotEqualTo(both.get(1).fromTag());
        assertThat(both.get(0).callId()).isNotEqualTo(both.get(1).callId());
        assertThat(layer.sizes()).containsExactly(0, 2);
    }

    @Test
    void overUdpTimerERetransmitsFromT1DoublingToT2AndTimerFEndsItAfter32Seconds() {
        CompletableFuture<UserAgentClient.Outcome> outcome = client.send(message(CONTACT));
        scheduler.advance(Duration.ofMillis(31_999));
        assertThat(outcome).isNotDone();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(outcome.join()).isEqualTo(new UserAgentClient.Outcome.NoAnswer("Timer F"));
        // §17.1.2.2: 0, then T1 = 500 ms doubling (1 s, 2 s) up to T2 = 4 s, every 4 s until Timer F
        assertThat(wire().sentAt)
                .containsExactly(
                        0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L);
        assertThat(layer.sizes()).containsExactly(0, 0);
    }

    @Test
    void aProvisionalResponseIsNotTheOutcomeTheFinalOneIsAndEndsTheRetransmissions() {
        CompletableFuture<UserAgentClient.Outcome> outcome = client.send(message(CONTACT));
        answer(100, "Trying");
        assertThat(outcome).isNotDone();
        answer(200, "OK");
        var answered = (UserAgentClient.Outcome.Answered) outcome.join();
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.statusLine()).isEqualTo("200 OK");
        scheduler.advance(Duration.ofSeconds(40));
        assertThat(wire().sent).as("no retransmission after the final answer").hasSize(1);
        assertThat(layer.sizes()).as("Timer K (T4) ended the transaction").containsExactly(0, 0);
    }

    @Test
    void aServerErrorIsAnAnswerNotARetry() {
        CompletableFuture<UserAgentClient.Outcome> outcome = client.send(message(CONTACT));
        answer(500, "Server Internal Error");
        assertThat(((UserAgentClient.Outcome.Answered) outcome.join()).statusLine())
                .isEqualTo("500 Server Internal Error");
        assertThat(wire().sent).hasSize(1);
    }

    @Test
    void aChallengeIsReturnedAsItCameWithoutAnsweringIt() {
        CompletableFuture<UserAgentClient.Outcome> outcome = client.send(message(CONTACT));
        answer(407, "Proxy Authentication Required");
        assertThat(((UserAgentClient.Outcome.Answered) outcome.join()).status()).isEqualTo(407);
        scheduler.advance(Duration.ofSeconds(40));
        assertThat(wire().sent).as("no second request with credentials").hasSize(1);
    }

    @Test
    void overTcpNothingIsRetransmittedAndTheViaSaysTcp() {
        String contact = "sip:888888@10.0.0.88:5070;transport=tcp";
        SipHop hop = SipHop.of(SipUri.parse(contact), "TCP", "10.0.0.88:40000");
        assertThat(hop.flow()).as("the registration's connection").isEqualTo(new InetSocketAddress("10.0.0.88", 40000));
        CompletableFuture<UserAgentClient.Outcome> outcome = client.send(
                OutOfDialogRequest.of("MESSAGE", contact, "sip:888888@VDP", "sip:8001@VDP", hop, "text/plain", null));
        scheduler.advance(Duration.ofSeconds(32));
        assertThat(sent().topVia().transport()).isEqualTo("TCP");
        assertThat(wire().sent).hasSize(1);
        assertThat(outcome.join()).isEqualTo(new UserAgentClient.Outcome.NoAnswer("Timer F"));
        assertThat(paths.targets).containsExactly("TCP 10.0.0.88:5070 via 10.0.0.88:40000");
    }

    @Test
    void aTransportThatCannotSendEndsItAtOnce() {
        paths.refuse = true;
        CompletableFuture<UserAgentClient.Outcome> outcome = client.send(message(CONTACT));
        assertThat(outcome.join()).isEqualTo(new UserAgentClient.Outcome.NoAnswer("cannot send MESSAGE"));
        assertThat(layer.sizes()).containsExactly(0, 0);
    }

    @Test
    void aStoppedStackEndsItAtOnce() {
        UserAgentClient stopped = new UserAgentClient(layer, paths, task -> {
            throw new RejectedExecutionException("event loop shut down");
        });
        assertThat(stopped.send(message(CONTACT)).join())
                .isEqualTo(new UserAgentClient.Outcome.NoAnswer("the SIP stack is stopped"));
    }

    @Test
    void aTlsHopOnAStackWithoutTlsEndsItAtOnce() {
        String contact = "sips:888888@10.0.0.88:5071";
        SipHop hop = SipHop.of(SipUri.parse(contact), "TLS", null);
        assertThat(client.send(OutOfDialogRequest.of(
                                "MESSAGE", contact, "sip:888888@VDP", "sip:8001@VDP", hop, "", new byte[0]))
                        .join())
                .isEqualTo(new UserAgentClient.Outcome.NoAnswer("this SIP stack has no TLS port"));
        assertThat(paths.paths).isEmpty();
    }

    @Test
    void aRequestThatCouldNotGoOnTheWireIsRefusedWhenItIsMade() {
        SipHop hop = SipHop.of(SipUri.parse(CONTACT), null, null);
        assertThatThrownBy(() -> OutOfDialogRequest.of("INVITE", CONTACT, CONTACT, CONTACT, hop, "", null))
                .hasMessageContaining("non-INVITE");
        assertThatThrownBy(() -> OutOfDialogRequest.of("CANCEL", CONTACT, CONTACT, CONTACT, hop, "", null))
                .hasMessageContaining("non-INVITE");
        assertThatThrownBy(() -> OutOfDialogRequest.of("MESSAGE", "tel:+4930", CONTACT, CONTACT, hop, "", null))
                .hasMessageContaining("Request-URI is not a SIP URI");
        assertThatThrownBy(() -> OutOfDialogRequest.of("MESSAGE", CONTACT, CONTACT, CONTACT, hop, "", JSON))
                .hasMessageContaining("needs a Content-Type");
        assertThatThrownBy(() -> new OutOfDialogRequest(
                        "MESSAGE",
                        CONTACT,
                        CONTACT,
                        CONTACT,
                        hop,
                        "",
                        null,
                        List.of(new SipHeader("X-Key", "a\r\nVia: x"))))
                .hasMessageContaining("not a header value");
        assertThatThrownBy(() -> new OutOfDialogRequest(
                        "MESSAGE",
                        CONTACT,
                        CONTACT,
                        CONTACT,
                        hop,
                        "",
                        null,
                        List.of(new SipHeader("v", "SIP/2.0/UDP x"))))
                .as("the compact form of Via")
                .hasMessageContaining("written by the client itself");
        assertThatThrownBy(() -> new OutOfDialogRequest(
                        "MESSAGE", CONTACT, CONTACT, CONTACT, hop, "", null, List.of(new SipHeader("X Key", "1"))))
                .hasMessageContaining("not a token");
    }

    @Test
    void aHopIsOnlyEverAnIpAddressWithATransportThisStackSpeaks() {
        assertThat(SipHop.of(SipUri.parse("sip:888888@centre.example.com:5060"), "UDP", null))
                .isNull();
        assertThat(SipHop.of(SipUri.parse("sip:888888@10.0.0.88;transport=sctp"), "UDP", null))
                .isNull();
        assertThat(SipHop.of(SipUri.parse("sips:888888@10.0.0.88"), "UDP", null))
                .isEqualTo(new SipHop(new InetSocketAddress("10.0.0.88", 5061), SipTransportKind.TLS, null));
        assertThat(SipHop.of(SipUri.parse("sip:888888@[2001:db8::8]"), "TCP", "[2001:db8::8]:41000"))
                .isEqualTo(new SipHop(
                        new InetSocketAddress("2001:db8::8", 5060),
                        SipTransportKind.TCP,
                        new InetSocketAddress("2001:db8::8", 41000)));
    }

    /** Records every path asked for; UDP paths are unreliable, TCP/TLS reliable, as on the network. */
    private final class FakePaths extends RecordingPaths {
        FakePaths() {
            super(scheduler);
        }

        final List<RecordingContext> paths = new ArrayList<>();
        final List<String> targets = new ArrayList<>();
        boolean refuse;

        @Override
        public TransactionContext pathTo(InetSocketAddress target, SipTransportKind kind, InetSocketAddress flow) {
            targets.add(kind + " " + target.getAddress().getHostAddress() + ":" + target.getPort()
                    + (flow == null ? "" : " via " + flow.getAddress().getHostAddress() + ":" + flow.getPort()));
            RecordingContext path = new RecordingContext(kind.reliable(), scheduler, scheduler::nowMillis);
            paths.add(path);
            if (!refuse) {
                return path;
            }
            return new TransactionContext() { // an immediate transport error (§17.1.4)
                @Override
                public boolean send(org.openvto.sip.codec.SipMessage message) {
                    return false;
                }

                @Override
                public boolean reliable() {
                    return path.reliable();
                }

                @Override
                public TransactionTimers timers() {
                    return path.timers();
                }

                @Override
                public org.openvto.sip.transaction.TimerScheduler scheduler() {
                    return path.scheduler();
                }
            };
        }
    }
}

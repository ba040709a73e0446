package org.openvto.app.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvto.centre.CentreDestination.Delivery;
import org.openvto.centre.OutboxMessage;
import org.openvto.config.ConfigException;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.sip.codec.SipDecodeResult;
import org.openvto.sip.codec.SipLimits;
import org.openvto.sip.codec.SipMessageDecoder;
import org.openvto.sip.codec.SipMessageEncoder;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.proxy.DialogTable;
import org.openvto.sip.registrar.Binding;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.sip.registrar.RegistrarConfig;
import org.openvto.sip.registrar.SipAuthListener;
import org.openvto.sip.registrar.SipAuthPolicy;
import org.openvto.sip.server.SipServer;
import org.openvto.sip.server.SipServerConfig;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipTransportConfig;
import org.openvto.testkit.Ports;

/**
 * The centre's SIP destination on a real SIP server on 127.0.0.1 whose registrar already holds the centre's
 * bindings (loaded from its store, as after a restart), with centres that are plain UDP sockets answering what the
 * test tells them — so every outcome, the body and the headers are checked on the wire in milliseconds. The same
 * against SIPp, registering with digest, is {@code CentreSipMessageIT}.
 */
class SipCentreDestinationTest {
    private static final String BODY = "{\"type\":\"duress\",\"detail\":\"PIN of Anna Müller\"}";
    private static final OutboxMessage MESSAGE =
            OutboxMessage.create("sip", "vto-alarm-17", "alarm/duress/raised", BODY, Instant.now());

    private final List<Binding> bindings = new ArrayList<>();
    private final List<FakeCentre> centres = new ArrayList<>();
    private SipServer server;

    @AfterEach
    void tearDown() {
        centres.forEach(FakeCentre::close);
        if (server != null) {
            server.close();
        }
    }

    private SipCentreDestination destination(Duration timeout) throws InterruptedException {
        BindingStore store = new BindingStore() {
            @Override
            public List<Binding> loadAll() {
                return bindings;
            }

            @Override
            public void replace(String user, List<Binding> b) {}
        };
        server = new SipServer(
                new SipServerConfig(
                        new SipTransportConfig("127.0.0.1", Ports.freeUdp(), SipLimits.DEFAULT, null),
                        TransactionTimers.DEFAULT,
                        RegistrarConfig.DEFAULT,
                        List.of(DigestAlgorithm.MD5),
                        DialogTable.Limits.DEFAULT,
                        SipAuthPolicy.DEFAULT),
                user -> Optional.empty(),
                user -> List.of(),
                store,
                Clock.systemUTC(),
                (d, b) -> {},
                SipAuthListener.NONE,
                null);
        server.start();
        SipServer s = server;
        return new SipCentreDestination(
                SipCentreDestination.Config.of("888888", (int) timeout.toMillis()),
                () -> Optional.of(s),
                () -> "sip:8001@VDP");
    }

    /** A centre registered over UDP that answers each MESSAGE with {@code status} (0: never answers). */
    private FakeCentre centre(int status) throws SocketException {
        FakeCentre c = new FakeCentre(status);
        centres.add(c);
        bindings.add(new Binding(
                "888888",
                "sip:888888@127.0.0.1:" + c.port() + ";transport=udp",
                "127.0.0.1:" + c.port(),
                "UDP",
                "centre",
                "reg-" + c.port(),
                1,
                Instant.now().plusSeconds(3600),
                null));
        return c;
    }

    @Test
    void aCentreThatAnswers200HasTheMessageWithItsKeyTopicAndJsonBody() throws Exception {
        FakeCentre centre = centre(200);
        assertThat(destination(Duration.ofSeconds(5)).deliver(MESSAGE)).isEqualTo(Delivery.DELIVERED);

        SipRequest m = centre.received.poll(5, TimeUnit.SECONDS);
        assertThat(m.startLine()).isEqualTo("MESSAGE sip:888888@127.0.0.1:" + centre.port() + ";transport=udp SIP/2.0");
        assertThat(m.headers().get("To")).isEqualTo("<sip:888888@VDP>");
        assertThat(m.from().uri()).isEqualTo("sip:8001@VDP");
        assertThat(m.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(m.headers().get("X-OpenVTO-Key")).isEqualTo("vto-alarm-17");
        assertThat(m.headers().get("X-OpenVTO-Topic")).isEqualTo("alarm/duress/raised");
        assertThat(m.topVia().sentBy()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(new String(m.body(), StandardCharsets.UTF_8))
                .as("the key added as the JSON's own first field")
                .isEqualTo("{\"key\":\"vto-alarm-17\",\"type\":\"duress\",\"detail\":\"PIN of Anna Müller\"}");
    }

    @Test
    void aServerErrorFailsWithTheCentresAnswer() throws Exception {
        FakeCentre centre = centre(500);
        assertThat(destination(Duration.ofSeconds(5)).deliver(MESSAGE))
                .isEqualTo(new Delivery.Failed("888888 at sip:888888@127.0.0.1:" + centre.port()
                        + ";transport=udp answered 500 Server Internal Error"));
    }

    @Test
    void aChallengeIsAFailureNotAnsweredWithCredentials() throws Exception {
        FakeCentre centre = centre(407);
        Delivery d = destination(Duration.ofSeconds(5)).deliver(MESSAGE);
        assertThat(d)
                .isEqualTo(new Delivery.Failed("888888 at sip:888888@127.0.0.1:" + centre.port()
                        + ";transport=udp answered 407 Proxy Authentication Required (a challenge: the VTO does not"
                        + " authenticate to the centre)"));
        assertThat(centre.received).as("one MESSAGE, no retry with credentials").hasSize(1);
    }

    @Test
    void aCentreThatDoesNotAnswerFailsWhenTheDestinationsOwnTimeoutIsUp() throws Exception {
        FakeCentre centre = centre(0);
        SipCentreDestination sip = destination(Duration.ofMillis(700));
        long start = System.nanoTime();
        Delivery d = sip.deliver(MESSAGE);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(d).isEqualTo(new Delivery.Failed("no answer from 888888 within 700 ms"));
        assertThat(tookMs).isBetween(700L, 1_700L);
        assertThat(centre.received.poll(5, TimeUnit.SECONDS))
                .as("Timer E retransmitted it after T1 (500 ms)")
                .isNotNull();
        assertThat(centre.received).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void withTwoRegistrationsOneThatTakesItIsEnough() throws Exception {
        FakeCentre busy = centre(486);
        FakeCentre taking = centre(200);
        assertThat(destination(Duration.ofSeconds(5)).deliver(MESSAGE)).isEqualTo(Delivery.DELIVERED);
        assertThat(busy.received.poll(5, TimeUnit.SECONDS))
                .as("sent to both at once")
                .isNotNull();
        assertThat(taking.received.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void whenEveryRegistrationFailsEachReasonIsGiven() throws Exception {
        FakeCentre first = centre(486);
        FakeCentre second = centre(503);
        Delivery d = destination(Duration.ofSeconds(5)).deliver(MESSAGE);
        assertThat(((Delivery.Failed) d).reason().split("; "))
                .containsExactlyInAnyOrder(
                        "888888 at sip:888888@127.0.0.1:" + first.port() + ";transport=udp answered 486 Busy Here",
                        "888888 at sip:888888@127.0.0.1:" + second.port()
                                + ";transport=udp answered 503 Service Unavailable");
    }

    @Test
    void aTcpContactNobodyListensOnFailsWithTheTransportError() throws Exception {
        int port = Ports.freeTcp();
        bindings.add(new Binding(
                "888888",
                "sip:888888@127.0.0.1:" + port + ";transport=tcp",
                "127.0.0.1:" + port,
                "TCP",
                "centre",
                "reg",
                1,
                Instant.now().plusSeconds(3600),
                null));
        Delivery d = destination(Duration.ofSeconds(5)).deliver(MESSAGE);
        assertThat(((Delivery.Failed) d).reason())
                .startsWith("no answer from 888888 at sip:888888@127.0.0.1:" + port
                        + ";transport=tcp: cannot connect to TCP");
    }

    @Test
    void aContactThatIsNotAnAddressIsNotSentTo() throws Exception {
        bindings.add(new Binding(
                "888888",
                "sip:888888@centre.example.com",
                "10.0.0.9:5060",
                "UDP",
                "centre",
                "reg",
                1,
                Instant.now().plusSeconds(3600),
                null));
        assertThat(destination(Duration.ofSeconds(5)).deliver(MESSAGE))
                .isEqualTo(new Delivery.Failed("888888's contact sip:888888@centre.example.com cannot be reached: not a"
                        + " sip/sips URI with an IP address and a known transport"));
    }

    @Test
    void anUnregisteredCentreOrAStoppedServerFailsAtOnce() throws Exception {
        assertThat(destination(Duration.ofSeconds(5)).deliver(MESSAGE))
                .isEqualTo(new Delivery.Failed("888888 is not registered"));
        SipCentreDestination off = new SipCentreDestination(
                SipCentreDestination.Config.of("888888", 5000), Optional::empty, () -> "sip:8001@VDP");
        assertThat(off.deliver(MESSAGE)).isEqualTo(new Delivery.Failed("the SIP server is not running"));
        centre(200);
        server.close(); // closed between the look-up and the send: a reason, not an exception
        SipServer closed = server;
        SipCentreDestination afterClose = new SipCentreDestination(
                SipCentreDestination.Config.of("888888", 5000), () -> Optional.of(closed), () -> "sip:8001@VDP");
        assertThat(afterClose.deliver(MESSAGE)).isInstanceOf(Delivery.Failed.class);
    }

    @Test
    void theKeyIsAddedOnlyToAJsonObjectThatHasNone() {
        assertThat(SipCentreDestination.withKey("{\"a\":1}", "k")).isEqualTo("{\"key\":\"k\",\"a\":1}");
        assertThat(SipCentreDestination.withKey("{\"key\":\"own\",\"a\":1}", "k"))
                .isEqualTo("{\"key\":\"own\",\"a\":1}");
        assertThat(SipCentreDestination.withKey("[1,2]", "k")).isEqualTo("[1,2]");
        assertThat(SipCentreDestination.withKey("not json", "k")).isEqualTo("not json");
        assertThat(SipCentreDestination.withKey("{\"a\":1} trailing", "k")).isEqualTo("{\"a\":1} trailing");
        assertThat(SipCentreDestination.withKey("", "k")).isEqualTo("");
    }

    @Test
    void itTakesAlarmsAndItsSettingsNameTheirKeys() {
        SipCentreDestination sip = new SipCentreDestination(
                SipCentreDestination.Config.of("888888", 5000), Optional::empty, () -> "sip:8001@VDP");
        assertThat(sip.id()).isEqualTo("sip");
        assertThat(sip.accepts("alarm/duress/raised")).isTrue();
        assertThat(sip.accepts("security/login/failed")).isFalse();
        assertThatThrownBy(() -> SipCentreDestination.Config.of("88 88", 5000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("centre.sip.number: must be 1–32 digits (was \"88 88\")");
        assertThatThrownBy(() -> SipCentreDestination.Config.of("888888", 40_000))
                .hasMessage("centre.sip.timeout-ms: must be between 100 and 32000 (was 40000)");
    }

    /** A management centre on a UDP socket: decodes each request and answers {@code status} (0: silence). */
    private static final class FakeCentre implements AutoCloseable {
        final BlockingQueue<SipRequest> received = new LinkedBlockingQueue<>();
        private final DatagramSocket socket;
        private final Thread thread;

        FakeCentre(int status) throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = Thread.ofPlatform().daemon().start(() -> serve(status));
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(int status) {
            SipMessageDecoder decoder = new SipMessageDecoder();
            byte[] buf = new byte[65_536];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (IOException closed) {
                    return;
                }
                byte[] data = java.util.Arrays.copyOf(p.getData(), p.getLength());
                if (!(decoder.decodeDatagram(data) instanceof SipDecodeResult.Decoded d)
                        || !(d.message() instanceof SipRequest request)) {
                    continue;
                }
                received.add(request);
                if (status == 0) {
                    continue;
                }
                SipResponse r =
                        SipResponse.createFor(request, status, reason(status)).withToTag("centre1");
                byte[] out = SipMessageEncoder.encode(r);
                try {
                    socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 407 -> "Proxy Authentication Required";
                case 486 -> "Busy Here";
                case 500 -> "Server Internal Error";
                case 503 -> "Service Unavailable";
                default -> "Whatever";
            };
        }

        @Override
        public void close() {
            socket.close();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package org.openvto.centre.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openvto.centre.CentreDestination.Delivery;
import org.openvto.centre.OutboxMessage;
import org.openvto.testkit.Ports;

/**
 * Remote syslog against real collectors on 127.0.0.1 — a {@link DatagramSocket} for UDP and a {@link ServerSocket}
 * reading RFC 6587 frames for TCP — that parse what arrives with the strict {@link Rfc5424Parser}; the TCP
 * collector is stopped, restarted and made to stop reading.
 */
class SyslogDestinationTest {
    private static final Instant AT = Instant.parse("2026-12-01T12:00:00.250Z");
    private static final String BODY = "{\"key\":\"vto-alarm-17\",\"type\":\"duress\",\"detail\":\"Tür 1\"}";

    private SyslogDestination syslog;
    private TcpCollector collector;
    private DatagramSocket udp;

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        if (syslog != null) {
            syslog.close();
        }
        if (collector != null) {
            collector.stop(false);
        }
        if (udp != null) {
            udp.close();
        }
    }

    private static OutboxMessage message(int n) {
        return OutboxMessage.create("syslog", "vto-alarm-" + n, "alarm/duress/raised", BODY, AT);
    }

    private SyslogDestination syslog(SyslogConfig.Transport transport, int port, int maxSize, Duration timeout) {
        syslog =
                new SyslogDestination(new SyslogConfig("127.0.0.1", port, transport, 16, maxSize, timeout), "vto-8001");
        return syslog;
    }

    private DatagramPacket receive() throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
        udp.receive(p);
        return p;
    }

    private static byte[] bytes(DatagramPacket p) {
        return java.util.Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
    }

    @Test
    void overUdpEachMessageIsOneDatagramThatParsesAsRfc5424() throws IOException {
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        udp.setSoTimeout(5_000);
        SyslogDestination s = syslog(SyslogConfig.Transport.UDP, udp.getLocalPort(), 2048, Duration.ofSeconds(1));

        assertThat(s.deliver(message(17))).isEqualTo(Delivery.DELIVERED);
        assertThat(s.deliver(message(18))).isEqualTo(Delivery.DELIVERED);

        Rfc5424Parser.Message first = Rfc5424Parser.parse(bytes(receive()));
        assertThat(first.pri()).as("local0 alert").isEqualTo(129);
        assertThat(first.timestamp()).isEqualTo("2026-12-01T12:00:00.250Z");
        assertThat(first.hostname()).isEqualTo("vto-8001");
        assertThat(first.appName()).isEqualTo("openvto");
        assertThat(first.procId()).isEqualTo("-");
        assertThat(first.msgId()).isEqualTo("alarm/duress/raised");
        assertThat(first.sd().get("openvto@32473").get("key")).isEqualTo("vto-alarm-17");
        assertThat(first.bom()).isTrue();
        assertThat(first.text()).isEqualTo(BODY);
        assertThat(Rfc5424Parser.parse(bytes(receive()))
                        .sd()
                        .get("openvto@32473")
                        .get("key"))
                .as("the second message in its own datagram")
                .isEqualTo("vto-alarm-18");
    }

    @Test
    void overUdpALongMessageIsCutToTheMaximumSize() throws IOException {
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        udp.setSoTimeout(5_000);
        String big = "{\"detail\":\"" + "Tür aufgebrochen ".repeat(200) + "\"}";
        SyslogDestination s = syslog(SyslogConfig.Transport.UDP, udp.getLocalPort(), 480, Duration.ofSeconds(1));
        assertThat(s.deliver(OutboxMessage.create("syslog", "vto-alarm-1", "alarm/forced-open/raised", big, AT)))
                .isEqualTo(Delivery.DELIVERED);
        DatagramPacket p = receive();
        assertThat(p.getLength()).isLessThanOrEqualTo(480);
        assertThat(big).startsWith(Rfc5424Parser.parse(bytes(p)).text());
    }

    @Test
    void overTcpMessagesAreOctetCountedOnOneKeptConnection() throws Exception {
        collector = new TcpCollector(Ports.freeTcp());
        SyslogDestination s = syslog(SyslogConfig.Transport.TCP, collector.port, 2048, Duration.ofSeconds(2));
        for (int n = 1; n <= 3; n++) {
            assertThat(s.deliver(message(n))).isEqualTo(Delivery.DELIVERED);
        }
        for (int n = 1; n <= 3; n++) {
            Rfc5424Parser.Message m = collector.next();
            assertThat(m.sd().get("openvto@32473").get("key")).isEqualTo("vto-alarm-" + n);
            assertThat(m.text()).isEqualTo(BODY);
        }
        assertThat(collector.accepted.get()).as("one connection for all three").isEqualTo(1);
    }

    @ParameterizedTest(name = "collector closed with reset={0}")
    @ValueSource(booleans = {false, true})
    void overTcpACollectorThatRestartedIsReconnectedTo(boolean reset) throws Exception {
        int port = Ports.freeTcp();
        collector = new TcpCollector(port);
        SyslogDestination s = syslog(SyslogConfig.Transport.TCP, port, 2048, Duration.ofSeconds(2));
        assertThat(s.deliver(message(1))).isEqualTo(Delivery.DELIVERED);
        assertThat(collector.next().sd().get("openvto@32473").get("key")).isEqualTo("vto-alarm-1");

        collector.stop(reset);
        collector = new TcpCollector(port); // the collector's restart, on the same port

        assertThat(s.deliver(message(2))).isEqualTo(Delivery.DELIVERED);
        assertThat(collector.next().sd().get("openvto@32473").get("key"))
                .as("arrived at the restarted collector, over a new connection")
                .isEqualTo("vto-alarm-2");
    }

    @Test
    void overTcpACollectorThatIsDownFailsWithTheReasonAndIsReachedOnceItIsBack() throws Exception {
        int port = Ports.freeTcp();
        collector = new TcpCollector(port);
        SyslogDestination s = syslog(SyslogConfig.Transport.TCP, port, 2048, Duration.ofSeconds(2));
        assertThat(s.deliver(message(1))).isEqualTo(Delivery.DELIVERED);
        collector.next();
        collector.stop(false);
        collector = null;

        assertThat(s.deliver(message(2)))
                .isEqualTo(new Delivery.Failed("cannot send to tcp://127.0.0.1:" + port + ": Connection refused"));

        collector = new TcpCollector(port);
        assertThat(s.deliver(message(2))).isEqualTo(Delivery.DELIVERED);
        assertThat(collector.next().sd().get("openvto@32473").get("key")).isEqualTo("vto-alarm-2");
    }

    @Test
    void overTcpACollectorThatStopsReadingFailsWhenTheTimeoutIsUp() throws Exception {
        collector = new TcpCollector(Ports.freeTcp(), false);
        SyslogDestination s = syslog(SyslogConfig.Transport.TCP, collector.port, 65_000, Duration.ofMillis(300));
        String big = "{\"detail\":\"" + "x".repeat(64_000) + "\"}";
        OutboxMessage m = OutboxMessage.create("syslog", "vto-alarm-1", "alarm/tamper/raised", big, AT);
        Delivery d = Delivery.DELIVERED;
        long tookMs = 0;
        for (int n = 0; n < 5_000 && d instanceof Delivery.Delivered; n++) { // until the socket buffers are full
            long start = System.nanoTime();
            d = s.deliver(m);
            tookMs = (System.nanoTime() - start) / 1_000_000;
        }
        assertThat(d)
                .isEqualTo(new Delivery.Failed(
                        "cannot send to tcp://127.0.0.1:" + collector.port + ": writing took longer than 300 ms"));
        assertThat(tookMs).as("blocked for its timeout, not longer").isBetween(300L, 1_300L);
    }

    @Test
    void aHostThatDoesNotResolveFailsWithTheReason() {
        SyslogDestination s = new SyslogDestination(
                new SyslogConfig("centre.invalid", 514, SyslogConfig.Transport.UDP, 16, 2048, Duration.ofSeconds(1)),
                "vto");
        syslog = s;
        assertThat(s.deliver(message(1))).isEqualTo(new Delivery.Failed("cannot resolve centre.invalid"));
    }

    @Test
    void aClosedDestinationFailsInsteadOfThrowing() {
        SyslogDestination s = syslog(SyslogConfig.Transport.TCP, Ports.freeTcp(), 2048, Duration.ofSeconds(1));
        s.close();
        assertThat(s.deliver(message(1))).isEqualTo(new Delivery.Failed("the syslog destination is closed"));
    }

    @Test
    void itTakesAlarmsAndTheSecurityLogUnlessToldOtherwise() {
        SyslogDestination s = syslog(SyslogConfig.Transport.UDP, 514, 2048, Duration.ofSeconds(1));
        assertThat(s.id()).isEqualTo("syslog");
        assertThat(s.accepts("alarm/tamper/raised")).isTrue();
        assertThat(s.accepts("security/login/failed")).isTrue();
        assertThat(s.accepts("call/abc/ringing")).isFalse();
        try (SyslogDestination security = new SyslogDestination(
                new SyslogConfig("127.0.0.1", 514, SyslogConfig.Transport.UDP, 4, 2048, Duration.ofSeconds(1)),
                "vto",
                List.of("security/"))) {
            assertThat(security.accepts("alarm/tamper/raised")).isFalse();
        }
    }

    /**
     * A TCP syslog collector: accepts connections and reads RFC 6587 frames from each into a queue. Closing a socket
     * a thread is blocked on completes only when that thread has woken up, so {@link #stop} waits for its threads
     * to end: then the port is free and the FIN (or RST) is sent — the real signal that the collector is gone.
     */
    private static final class TcpCollector {
        final int port;
        final AtomicInteger accepted = new AtomicInteger();
        private final ServerSocket server;
        private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        private final List<Socket> connections = new CopyOnWriteArrayList<>();
        private final List<Thread> threads = new CopyOnWriteArrayList<>();

        TcpCollector(int port) throws IOException {
            this(port, true);
        }

        /** {@code reads} false: accepts and never reads (a collector that hangs), with a small receive buffer. */
        TcpCollector(int port, boolean reads) throws IOException {
            this.port = port;
            server = new ServerSocket();
            server.setReuseAddress(true);
            if (!reads) {
                server.setReceiveBufferSize(4096);
            }
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        Socket s = server.accept();
                        accepted.incrementAndGet();
                        connections.add(s);
                        if (reads) {
                            threads.add(Thread.ofPlatform().daemon().start(() -> read(s)));
                        }
                    }
                } catch (IOException closed) {
                    // stopped
                }
            }));
        }

        private void read(Socket s) {
            try (InputStream in = s.getInputStream()) {
                byte[] frame;
                while ((frame = Rfc5424Parser.readFrame(in)) != null) {
                    frames.add(frame);
                }
            } catch (IOException closed) {
                // the connection went
            }
        }

        /** The next message to arrive (waits up to 5 s), parsed strictly. */
        Rfc5424Parser.Message next() throws InterruptedException {
            byte[] frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame arrived").isNotNull();
            return Rfc5424Parser.parse(frame);
        }

        /** Closes everything; {@code reset}: the connections with RST instead of FIN (a crashed collector). */
        void stop(boolean reset) throws IOException, InterruptedException {
            server.close();
            for (Socket s : connections) {
                if (reset) {
                    s.setSoLinger(true, 0);
                }
                s.close();
            }
            for (Thread t : threads) {
                assertThat(t.join(Duration.ofSeconds(5)))
                        .as("collector thread ended")
                        .isTrue();
            }
        }
    }
}

package org.openvto.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvto.media.audio.ToneSource;
import org.openvto.media.audio.internal.ALaw;
import org.openvto.media.audio.internal.MuLaw;
import org.openvto.media.rtp.ReceiverReport;
import org.openvto.media.rtp.RtpPacket;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.TestCamera;
import org.openvto.testkit.Await;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

/** One call's audio, DTMF and RTCP against plain UDP sockets on loopback. */
class CallMediaAudioTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final CallFixture fixture = new CallFixture();

    {
        fixture.random = CallFixture.meanIntervals(); // RTCP exactly every 5 s of the manual scheduler
    }

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final EncodedStream camera = new EncodedStream(
            new TestCamera(TestCamera.Settings.sub("Front door", "8001"), clock, new ManualScheduler()));
    private final ManualMicrophone microphone = new ManualMicrophone();
    private final List<String> digits = new CopyOnWriteArrayList<>();
    private final LevelMeteringSink speaker = new LevelMeteringSink();
    private ScheduledThreadPoolExecutor realTime;
    private ToneSource tone;

    @AfterEach
    void close() {
        fixture.close();
        if (tone != null) {
            tone.close();
        }
        if (realTime != null) {
            realTime.shutdownNow();
        }
        camera.close();
    }

    @AfterAll
    static void noLeaks() {
        CallFixture.assertNoLeaks();
    }

    private CallMedia manualCall() throws BindException {
        return manualCall(fixture.config());
    }

    private CallMedia manualCall(CallMedia.Config config) throws BindException {
        return fixture.open(
                config,
                camera,
                Optional.of(microphone),
                scheduler,
                clock,
                (peer, digit) -> digits.add(peer + ":" + digit),
                speaker);
    }

    private CallMedia realTimeCall(ToneSource source) throws BindException {
        realTime = new ScheduledThreadPoolExecutor(1);
        return fixture.open(
                fixture.config(),
                camera,
                Optional.of(source),
                realTime,
                java.time.Clock.systemUTC(),
                DtmfListener.NONE,
                speaker);
    }

    private static InetSocketAddress local(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private void receivesTheToneAsEvery20Ms(int payloadType) throws Exception {
        tone = new ToneSource(1000, 0.25);
        CallMedia call = realTimeCall(tone);
        Peer monitor = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(monitor.audio(payloadType), null));
        List<RtpPacket> packets = new ArrayList<>();
        long started = 0;
        for (int i = 0; i < 25; i++) {
            packets.add(monitor.nextRtp(WAIT));
            if (i == 0) {
                started = System.nanoTime();
                assertThat(monitor.lastSender).as("symmetric RTP").isEqualTo(local(call.audioPort()));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("24 intervals of 20 ms, paced by the source").isBetween(400L, 1500L);
        RtpPacket first = packets.getFirst();
        assertThat(first.marker()).as("the first packet starts a talkspurt").isTrue();
        for (int i = 0; i < packets.size(); i++) {
            RtpPacket p = packets.get(i);
            assertThat(p.payloadType()).isEqualTo(payloadType);
            assertThat(p.payloadLength()).isEqualTo(160);
            assertThat(p.ssrc()).isEqualTo(first.ssrc());
            assertThat(p.sequence()).isEqualTo((first.sequence() + i) & 0xFFFF);
            assertThat(p.timestamp()).isEqualTo((first.timestamp() + 160L * i) & 0xFFFFFFFFL);
            if (i > 0) {
                assertThat(p.marker()).isFalse();
            }
        }
        byte[] g711 = packets.get(5).payload();
        short[] samples = new short[g711.length];
        for (int i = 0; i < g711.length; i++) {
            samples[i] = payloadType == PeerMedia.PCMU ? MuLaw.decode(g711[i]) : ALaw.decode(g711[i]);
        }
        int crossings = 0;
        int peak = 0;
        for (int i = 1; i < samples.length; i++) {
            crossings += (samples[i - 1] < 0) != (samples[i] < 0) ? 1 : 0;
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        assertThat(crossings).as("1 kHz: 40 zero crossings in 20 ms").isBetween(38, 41);
        assertThat(peak).as("a quarter of full scale").isBetween(7500, 8800);
    }

    @Test
    void pcmaPacketsArriveEvery20MsWithConsecutiveSequenceNumbersAndTimestamps() throws Exception {
        receivesTheToneAsEvery20Ms(PeerMedia.PCMA);
    }

    @Test
    void pcmuPacketsCarryTheMicrophoneTranscodedToMuLaw() throws Exception {
        receivesTheToneAsEvery20Ms(PeerMedia.PCMU);
    }

    @Test
    void pcmuPayloadIsTheALawFrameTranscodedAndPtime40PacksTwoFrames() throws Exception {
        CallMedia call = manualCall();
        Peer monitor = fixture.peer();
        var audio = monitor.audio(PeerMedia.PCMU);
        call.addPeer(
                "101#0",
                PeerMedia.of(
                        new PeerMedia.Audio(audio.rtp(), audio.rtcp(), 0, audio.telephoneEvent(), 40, true, true),
                        null));
        var a = microphone.emit(0);
        var b = microphone.emit(7);
        RtpPacket p = monitor.nextRtp(WAIT);
        byte[] expected = new byte[320];
        System.arraycopy(MuLaw.fromALaw(a.alaw()), 0, expected, 0, 160);
        System.arraycopy(MuLaw.fromALaw(b.alaw()), 0, expected, 160, 160);
        assertThat(p.payload()).isEqualTo(expected);
        microphone.emit(0);
        microphone.emit(0);
        assertThat(monitor.nextRtp(WAIT).timestamp()).isEqualTo((p.timestamp() + 320) & 0xFFFFFFFFL);
    }

    /** RFC 4733 §2.5.1 as a phone sends a key: start (M), updates, three end packets, one retransmitted. */
    private static List<byte[]> keyPress(int event, int sequence, long timestamp) {
        List<byte[]> out = new ArrayList<>();
        int[] durations = {0, 400, 800, 1200, 1200, 1200, 1200};
        for (int i = 0; i < durations.length; i++) {
            boolean end = i >= 3;
            byte[] payload = {
                (byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (durations[i] >> 8), (byte) durations[i]
            };
            int seq = i == durations.length - 1 ? sequence + 5 : sequence + i; // the last one a retransmission
            out.add(RtpPacket.of(i == 0, 101, seq & 0xFFFF, timestamp, 0x5EED, payload)
                    .encode());
        }
        return out;
    }

    @Test
    void aHashFromTheMonitorIsOneDigitAndFromAnotherAddressNone() throws Exception {
        CallMedia call = manualCall();
        Peer monitor = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(monitor.audio(PeerMedia.PCMA), null));
        InetSocketAddress vto = local(call.audioPort());
        for (byte[] packet : keyPress(11, 100, 8000)) {
            monitor.send(monitor.rtp, vto, packet);
        }
        for (byte[] packet : keyPress(1, 106, 16_000)) {
            monitor.send(monitor.rtp, vto, packet);
        }
        Await.until("two digits", WAIT, () -> digits.size() >= 2);
        assertThat(digits).containsExactly("101#0:#", "101#0:1");

        try (DatagramSocket intruder = new DatagramSocket(local(0))) {
            for (byte[] packet : keyPress(5, 200, 24_000)) {
                monitor.send(intruder, vto, packet);
            }
        }
        Await.until("the intruder's packets counted", WAIT, () -> call.stats().foreignPackets() == 7);
        byte[] wrongType = RtpPacket.of(true, 102, 300, 32_000, 0x5EED, new byte[] {9, 10, 0, 0})
                .encode();
        monitor.send(monitor.rtp, vto, wrongType);
        for (byte[] packet : keyPress(9, 301, 40_000)) {
            monitor.send(monitor.rtp, vto, packet);
        }
        Await.until("the third digit", WAIT, () -> digits.size() >= 3);
        assertThat(digits).containsExactly("101#0:#", "101#0:1", "101#0:9");
        assertThat(call.stats().digits()).isEqualTo(3);
        assertThat(call.stats().unexpectedPayload())
                .as("a payload type it did not negotiate")
                .isEqualTo(1);
    }

    @Test
    void senderReportWithABlockOnWhatWeReceiveAndTheMonitorsReceiverReportIsRead() throws Exception {
        CallMedia call = manualCall();
        Peer monitor = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(monitor.audio(PeerMedia.PCMA), null));
        call.answered("101#0");
        for (int i = 0; i < 5; i++) {
            microphone.emit(i);
        }
        long ourSsrc = 0;
        for (int i = 0; i < 5; i++) {
            ourSsrc = monitor.nextRtp(WAIT).ssrc();
        }
        InetSocketAddress vto = local(call.audioPort());
        for (int i = 0; i < 10; i++) {
            if (i != 4) { // one lost
                monitor.send(
                        monitor.rtp,
                        vto,
                        RtpPacket.of(false, 8, 500 + i, 160L * i, 0xFEED, new byte[160])
                                .encode());
            }
        }
        Await.until(
                "9 packets received",
                WAIT,
                () -> call.stats().peers().getFirst().audio().packetsReceived() == 9);

        clock.advance(Duration.ofSeconds(5));
        scheduler.advance(Duration.ofSeconds(5));
        byte[] sr = monitor.nextRtcp(WAIT);
        assertThat(monitor.lastSender).as("from our RTCP port").isEqualTo(local(call.audioPort() + 1));
        assertThat(sr[1] & 0xFF).isEqualTo(200);
        ByteBuffer b = ByteBuffer.wrap(sr);
        assertThat(b.getInt(4) & 0xFFFFFFFFL).isEqualTo(ourSsrc);
        assertThat(b.getInt(20)).as("packets sent").isEqualTo(5);
        assertThat(b.getInt(24)).as("octets sent").isEqualTo(800);
        assertThat(new String(sr, StandardCharsets.ISO_8859_1)).contains(CallFixture.CNAME);
        ReceiverReport report = ReceiverReport.parseCompound(sr).orElseThrow().getFirst();
        assertThat(report.fromSender()).isTrue();
        assertThat(report.blocks()).singleElement().satisfies(block -> {
            assertThat(block.ssrc()).isEqualTo(0xFEED);
            assertThat(block.cumulativeLost()).isEqualTo(1);
            assertThat(block.fractionLost()).isEqualTo(256 / 10);
            assertThat(block.highestSequence()).isEqualTo(509);
        });

        var theirs = new ReceiverReport.Block(ourSsrc, 64, 3, 1234, 17);
        monitor.send(
                monitor.rtcp,
                local(call.audioPort() + 1),
                new ReceiverReport(0xFEED, List.of(theirs)).encode("101#0@monitor"));
        Await.until(
                "their report read",
                WAIT,
                () -> call.stats().peers().getFirst().audio().reportsReceived() == 1);
        var leg = call.stats().peers().getFirst().audio();
        assertThat(leg.remoteFractionLost()).isEqualTo(64);
        assertThat(leg.remoteCumulativeLost()).isEqualTo(3);
        assertThat(leg.remoteJitter()).isEqualTo(17);
        assertThat(leg.reportsSent()).isEqualTo(1);
        assertThat(leg.packetsSent()).isEqualTo(5);
        assertThat(leg.lost()).isEqualTo(1);

        monitor.send(monitor.rtcp, local(call.audioPort() + 1), new byte[] {1, 2, 3});
        Await.until("malformed RTCP counted", WAIT, () -> call.stats().malformedRtcp() == 1);
    }

    @Test
    void theAnsweringMonitorsAudioIsPlayedInOrderThroughTheJitterBuffer() throws Exception {
        CallMedia call = manualCall();
        Peer monitor = fixture.peer();
        Peer other = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(monitor.audio(PeerMedia.PCMU), null));
        call.addPeer("101#1", PeerMedia.of(other.audio(PeerMedia.PCMU), null));
        call.answered("101#0");
        InetSocketAddress vto = local(call.audioPort());
        int[] order = {0, 2, 1, 3, 4, 6, 5, 7, 8, 9, 10, 11, 13, 12, 14, 15, 16, 17, 18, 19};
        for (int i : order) {
            monitor.send(
                    monitor.rtp,
                    vto,
                    RtpPacket.of(false, 0, 1000 + i, 160L * i, 0xA, halfScaleSine())
                            .encode());
            other.send(
                    other.rtp,
                    vto,
                    RtpPacket.of(false, 0, 1000 + i, 160L * i, 0xB, new byte[160])
                            .encode());
        }
        Await.until(
                "both monitors' audio received",
                WAIT,
                () -> call.stats().peers().stream().allMatch(p -> p.audio().packetsReceived() == 20));
        for (int t = 0; t < 30; t++) {
            clock.advance(Duration.ofMillis(20));
            scheduler.advance(Duration.ofMillis(20));
        }
        var level = speaker.level();
        assertThat(level.frames()).as("only the answering one's").isEqualTo(20);
        assertThat(level.lostFrames()).isZero();
        assertThat(level.peakDbfs()).isCloseTo(-6.0, within(0.3));
        assertThat(call.stats().jitter().played()).isEqualTo(20);
        assertThat(call.stats().jitter().lost()).isZero();
    }

    private static byte[] halfScaleSine() {
        byte[] out = new byte[160];
        for (int i = 0; i < out.length; i++) {
            out[i] = MuLaw.encode(
                    (int) Math.round(16384 * Math.cos(2 * Math.PI * 1000 * i / 8000.0))); // peaks on samples
        }
        return out;
    }

    @Test
    void closeReleasesThePortsTheMicrophoneAndIsIdempotent() throws Exception {
        CallMedia call = manualCall();
        Peer monitor = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(monitor.audio(PeerMedia.PCMA), monitor.video(1)));
        assertThat(microphone.listeners()).isEqualTo(1);
        assertThat(fixture.slots.used()).isEqualTo(1);
        int audio = call.audioPort();
        int video = call.videoPort();
        assertThat(audio % 2).isZero();
        assertThat(video % 2).isZero();
        assertThat(video).isNotEqualTo(audio);
        call.close();
        call.close();
        assertThat(microphone.listeners()).isZero();
        assertThat(fixture.slots.used()).isZero();
        assertThat(camera.viewers()).isZero();
        assertThat(scheduler.pending()).as("timers cancelled").isZero();
        for (int port : new int[] {audio, audio + 1, video, video + 1}) {
            // closed at once; the kernel frees the port when the event loop deregisters it, a moment later
            Await.until("port " + port + " free", WAIT, () -> bindable(port));
        }
        assertThat(call.stats().peers()).isEmpty();
        assertThat(call.addPeer("late", PeerMedia.of(monitor.audio(8), monitor.video(1))))
                .isEqualTo(VideoState.NONE);
        assertThat(fixture.slots.used()).isZero();
    }

    private static boolean bindable(int port) {
        try (DatagramSocket s = new DatagramSocket(local(port))) {
            return s.isBound();
        } catch (IOException taken) {
            return false;
        }
    }

    @Test
    void takenPortsArePassedOverAndAFullRangeIsABindException() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(local(fixture.firstPort + 1))) {
            CallMedia call = manualCall();
            assertThat(call.audioPort())
                    .as("the first pair's RTCP port is taken")
                    .isEqualTo(fixture.firstPort + 2);
            assertThat(call.videoPort()).isEqualTo(fixture.firstPort + 4);
            var full = fixture.config();
            assertThatThrownBy(() -> fixture.open(
                            new CallMedia.Config(
                                    full.localAddress(),
                                    full.firstPort(),
                                    full.firstPort() + 5,
                                    full.cname(),
                                    full.rtcpInterval(),
                                    40,
                                    1200),
                            camera,
                            Optional.empty(),
                            scheduler,
                            clock,
                            DtmfListener.NONE,
                            speaker))
                    .isInstanceOf(BindException.class);
            assertThat(scheduler.pending()).as("only the first call's timers").isEqualTo(2);
        }
    }

    @Test
    void packetsFromNowhereAndNonRtpAreCountedNotThrown() throws Exception {
        CallMedia call = manualCall();
        Peer monitor = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(monitor.audio(PeerMedia.PCMA), null));
        monitor.send(monitor.rtp, local(call.audioPort()), new byte[] {0x40, 0, 0});
        monitor.send(monitor.rtp, local(call.videoPort()), new byte[20]); // no video leg: not a party there
        Await.until(
                "counted",
                WAIT,
                () -> call.stats().malformedRtp() == 1 && call.stats().foreignPackets() == 1);
    }

    @Test
    void overIpv6LoopbackAudioAndKeysFlowAsOverIpv4() throws Exception {
        InetAddress ipv6 = InetAddress.getByName("::1");
        var v4 = fixture.config();
        CallMedia call = manualCall(
                new CallMedia.Config(ipv6, v4.firstPort(), v4.lastPort(), v4.cname(), v4.rtcpInterval(), 40, 1200));
        Peer monitor = fixture.peer(ipv6);
        call.addPeer("101#0", PeerMedia.of(monitor.audio(PeerMedia.PCMA), null));
        microphone.emit(0);
        assertThat(monitor.nextRtp(WAIT).payloadType()).isEqualTo(8);
        assertThat(monitor.lastSender).isEqualTo(new InetSocketAddress(ipv6, call.audioPort()));
        for (byte[] packet : keyPress(10, 1, 8000)) {
            monitor.send(monitor.rtp, new InetSocketAddress(ipv6, call.audioPort()), packet);
        }
        Await.until("the star", WAIT, () -> !digits.isEmpty());
        assertThat(digits).containsExactly("101#0:*");
    }
}

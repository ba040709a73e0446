package org.openvto.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.media.h264.AnnexB;
import org.openvto.media.h264.H264Depacketizer;
import org.openvto.media.h264.H264Packetizer;
import org.openvto.media.rtp.RtpPacket;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.TestCamera;
import org.openvto.testkit.Await;
import org.openvto.testkit.Deadline;
import org.openvto.testkit.peers.Commands;

/** The camera to the monitors of a forked call: a real test camera, plain UDP sockets as monitors, ffmpeg to decode. */
class CallMediaVideoTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final CallFixture fixture = new CallFixture();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    // 10 fps, a key frame a second: a new monitor's video starts within a second
    private final EncodedStream camera =
            new EncodedStream(new TestCamera(new TestCamera.Settings(320, 180, 10, 300, 10, "Front door", "8001")));

    @AfterEach
    void close() {
        fixture.close();
        camera.close();
        scheduler.shutdownNow();
    }

    @AfterAll
    static void noLeaks() {
        CallFixture.assertNoLeaks();
    }

    private CallMedia call() throws Exception {
        return call(fixture.config());
    }

    private CallMedia call(CallMedia.Config config) throws Exception {
        return fixture.open(
                config,
                camera,
                Optional.empty(),
                scheduler,
                Clock.systemUTC(),
                DtmfListener.NONE,
                new LevelMeteringSink());
    }

    /** Receives one monitor's video until {@code pictures} access units are depacketised; returns them. */
    private static List<List<byte[]>> receive(Peer monitor, int pictures, List<RtpPacket> packets) throws Exception {
        List<List<byte[]>> units = new ArrayList<>();
        H264Depacketizer depacketizer = new H264Depacketizer((nals, ts) -> units.add(nals));
        Deadline deadline = Deadline.in(WAIT);
        while (units.size() < pictures) {
            deadline.check("only " + units.size() + " pictures received");
            RtpPacket p = monitor.nextRtp(WAIT);
            packets.add(p);
            byte[] payload = p.payload();
            depacketizer.packet(p.sequence(), p.timestamp(), p.marker(), payload, 0, payload.length);
        }
        return units;
    }

    @Test
    void videoStartsWithSpsPpsIdrAndFfmpegDecodesIt() throws Exception {
        CallMedia call = call();
        Peer monitor = fixture.peer();
        assertThat(call.addPeer("101#0", PeerMedia.of(null, monitor.video(1)))).isEqualTo(VideoState.SENDING);
        List<RtpPacket> packets = new ArrayList<>();
        List<List<byte[]>> units = receive(monitor, 30, packets);
        assertThat(monitor.lastSender)
                .as("symmetric RTP")
                .isEqualTo(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), call.videoPort()));
        assertThat(units.getFirst()).extracting(AnnexB::type).startsWith(7, 8, 5);
        assertThat(packets).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(96));
        assertThat(packets).allSatisfy(p -> assertThat(p.payloadLength()).isLessThanOrEqualTo(1200));
        for (int i = 1; i < packets.size(); i++) {
            assertThat(packets.get(i).sequence()).isEqualTo((packets.get(i - 1).sequence() + 1) & 0xFFFF);
        }

        Path file = dir.resolve("call.h264");
        ByteArrayOutputStream annexB = new ByteArrayOutputStream();
        for (List<byte[]> unit : units) {
            for (byte[] nal : unit) {
                annexB.write(new byte[] {0, 0, 0, 1});
                annexB.write(nal);
            }
        }
        Files.write(file, annexB.toByteArray());
        var decode =
                Commands.run(WAIT, "ffmpeg", "-v", "error", "-f", "h264", "-i", file.toString(), "-f", "null", "-");
        assertThat(decode.exit()).as(decode.output()).isZero();
        assertThat(decode.output()).as("no decoding error").isBlank();
        var probe = Commands.run(
                WAIT,
                "ffprobe",
                "-v",
                "error",
                "-f",
                "h264",
                "-count_frames",
                "-show_entries",
                "stream=codec_name,width,height,nb_read_frames",
                "-of",
                "csv=p=0",
                file.toString());
        assertThat(probe.exit()).as(probe.output()).isZero();
        assertThat(probe.output().strip()).isEqualTo("h264,320,180,30");
    }

    @Test
    void packetizationMode0SendsSingleNalUnitsOnlyAndCountsTheOnesTooLarge() throws Exception {
        CallMedia call = call(new CallMedia.Config(
                fixture.config().localAddress(),
                fixture.firstPort,
                fixture.firstPort + 7,
                CallFixture.CNAME,
                Duration.ofSeconds(5),
                40,
                200)); // smaller than the camera's slices
        Peer monitor = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(null, monitor.video(0)));
        List<Integer> types = new ArrayList<>();
        Deadline deadline = Deadline.in(WAIT);
        // at 200 bytes most slices do not fit: what is sent is SPS and PPS (and any small slice)
        while (call.stats().peer("101#0").orElseThrow().oversizeNals() == 0 || !types.containsAll(List.of(7, 8))) {
            deadline.check("no oversize NAL unit counted");
            RtpPacket p = monitor.nextRtp(WAIT);
            types.add(p.payload()[0] & 0x1F);
            assertThat(p.payloadLength()).isLessThanOrEqualTo(200);
        }
        assertThat(types)
                .as("no FU-A in mode 0")
                .doesNotContain(H264Packetizer.FU_A)
                .contains(7, 8);
    }

    @Test
    void twoMonitorsBothGetVideoAndKeepOnlyStopsTheOther() throws Exception {
        CallMedia call = call();
        Peer first = fixture.peer();
        Peer second = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(null, first.video(1)));
        call.addPeer("101#1", PeerMedia.of(null, second.video(1)));
        receive(first, 5, new ArrayList<>());
        receive(second, 5, new ArrayList<>());
        assertThat(fixture.slots.used()).isEqualTo(2);

        assertThat(call.keepOnly("101#1")).isTrue();
        assertThat(fixture.slots.used()).as("the other's slot is back").isEqualTo(1);
        assertThat(call.stats().peers()).extracting(CallStats.PeerStats::id).containsExactly("101#1");
        assertThat(call.stats().answered()).contains("101#1");
        // the packets queued before keepOnly leave first on the same event loop: once the kept monitor has ten
        // more pictures, whatever the other one got is all it will ever get
        receive(second, 10, new ArrayList<>());
        first.drain(first.rtp);
        receive(second, 10, new ArrayList<>());
        assertThat(first.drain(first.rtp))
                .as("nothing more for the cancelled monitor")
                .isZero();
    }

    @Test
    void theSeventhVideoMonitorOverTheLimitOfSixGetsNone() throws Exception {
        CallMedia call = call();
        List<Peer> monitors = new ArrayList<>();
        List<VideoState> states = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Peer m = fixture.peer();
            monitors.add(m);
            states.add(call.addPeer("10" + i + "#0", PeerMedia.of(null, m.video(1))));
        }
        assertThat(states.subList(0, 6)).containsOnly(VideoState.SENDING);
        assertThat(states.get(6)).isEqualTo(VideoState.NO_SLOT);
        assertThat(fixture.slots.used()).isEqualTo(6);
        receive(monitors.get(5), 5, new ArrayList<>());
        var seventh = call.stats().peer("106#0").orElseThrow();
        assertThat(seventh.video()).isEqualTo(VideoState.NO_SLOT);
        assertThat(seventh.videoLeg().packetsSent()).isZero();
        assertThat(monitors.get(6).drain(monitors.get(6).rtp)).isZero();

        call.removePeer("100#0");
        assertThat(fixture.slots.used()).isEqualTo(5);
        call.close();
        assertThat(fixture.slots.used()).isZero();
        Await.until("the camera's viewers gone", WAIT, () -> camera.viewers() == 0);
    }

    @Test
    void eachVideoMonitorGetsSenderReportsFromTheVideoRtcpPort() throws Exception {
        var c = fixture.config();
        CallMedia call = call(new CallMedia.Config(
                c.localAddress(), c.firstPort(), c.lastPort(), c.cname(), Duration.ofMillis(200), 40, 1200));
        Peer monitor = fixture.peer();
        call.addPeer("101#0", PeerMedia.of(null, monitor.video(1)));
        long ssrc = monitor.nextRtp(WAIT).ssrc();
        Deadline deadline = Deadline.in(WAIT);
        org.openvto.media.rtp.ReceiverReport report;
        do {
            deadline.check("no sender report with packets");
            report = org.openvto.media.rtp.ReceiverReport.parseCompound(monitor.nextRtcp(WAIT))
                    .orElseThrow()
                    .getFirst();
        } while (!report.fromSender());
        assertThat(report.reporter()).isEqualTo(ssrc);
        assertThat(monitor.lastSender.getPort()).isEqualTo(call.videoPort() + 1);
        assertThat(call.stats().peer("101#0").orElseThrow().videoLeg().reportsSent())
                .isPositive();
    }
}

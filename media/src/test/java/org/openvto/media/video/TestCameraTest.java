package org.openvto.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.media.h264.AnnexB;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

class TestCameraTest {
    private static final Duration FRAME = Duration.ofMillis(100); // 10 fps

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<AccessUnit> units = new ArrayList<>();

    private TestCamera camera(int width, int height, int gop) {
        return new TestCamera(
                new TestCamera.Settings(width, height, 10, 300, gop, "Front door", "8001"), clock, scheduler);
    }

    /** One frame interval of both clocks: the scheduler runs the tick, the clock says it is on time. */
    private void frames(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(FRAME);
            scheduler.advance(FRAME);
        }
    }

    @Test
    void firstUnitIsAKeyFrameWithSpsAndPpsOfTheFormat() {
        TestCamera camera = camera(320, 180, 5);
        StreamFormat format = camera.format().orElseThrow();
        assertThat(format.width()).isEqualTo(320);
        assertThat(format.height()).isEqualTo(180);
        assertThat(format.fps()).isEqualTo(10);

        camera.start(units::add);
        scheduler.advance(Duration.ZERO);

        assertThat(units).hasSize(1);
        AccessUnit first = units.getFirst();
        assertThat(first.keyFrame()).isTrue();
        assertThat(first.nals()).extracting(AnnexB::type).containsExactly(7, 8, 5);
        assertThat(first.nals().get(0)).isEqualTo(format.sps());
        assertThat(first.nals().get(1)).isEqualTo(format.pps());
    }

    @Test
    void keyFrameEveryIntervalAndMonotonicTimestamps() {
        TestCamera camera = camera(320, 180, 4);
        camera.start(units::add);
        scheduler.advance(Duration.ZERO);
        frames(11);

        assertThat(units).hasSize(12);
        for (int i = 0; i < units.size(); i++) {
            AccessUnit unit = units.get(i);
            assertThat(unit.keyFrame()).as("frame %d", i).isEqualTo(i % 4 == 0);
            assertThat(unit.micros()).isEqualTo(i * 100_000L);
            if (!unit.keyFrame()) {
                assertThat(unit.nals()).extracting(AnnexB::type).containsExactly(1);
            }
        }
        assertThat(camera.status().state()).isEqualTo(SourceStatus.State.RUNNING);
        assertThat(camera.status().measuredFps()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void stopEndsTheStreamAndRestartBeginsWithAKeyFrameLater() {
        TestCamera camera = camera(320, 180, 30);
        camera.start(units::add);
        scheduler.advance(Duration.ZERO);
        frames(2);
        camera.stop();
        frames(5);
        assertThat(units).hasSize(3);
        assertThat(camera.status().state()).isEqualTo(SourceStatus.State.IDLE);
        assertThat(scheduler.pending()).isZero();

        camera.start(units::add);
        scheduler.advance(Duration.ZERO);
        assertThat(units).hasSize(4);
        assertThat(units.get(3).keyFrame()).isTrue();
        assertThat(units.get(3).micros()).isGreaterThan(units.get(2).micros());
    }

    @Test
    void aLateTickSkipsTheFramesItMissed() {
        TestCamera camera = camera(320, 180, 30);
        camera.start(units::add);
        scheduler.advance(Duration.ZERO);
        clock.advance(FRAME.multipliedBy(4)); // the thread stalled: 4 intervals passed
        scheduler.advance(FRAME); // one tick runs, late
        scheduler.advance(FRAME.multipliedBy(3)); // the catch-up ticks find nothing due
        frames(1);

        assertThat(units).extracting(AccessUnit::micros).containsExactly(0L, 400_000L, 500_000L);
        assertThat(camera.skippedFrames()).isEqualTo(3);
        assertThat(camera.status().detail()).contains("skipped 3 frames");
    }

    @Test
    void aWallClockStepEitherWayNeitherPausesNorJumps() {
        TestCamera camera = camera(320, 180, 30);
        camera.start(units::add);
        scheduler.advance(Duration.ZERO);
        clock.advance(Duration.ofHours(-1)); // NTP stepped the clock back
        frames(2);
        clock.advance(Duration.ofHours(2)); // and forward
        frames(2);

        assertThat(units).extracting(AccessUnit::micros).containsExactly(0L, 100_000L, 200_000L, 300_000L, 400_000L);
        assertThat(camera.skippedFrames()).isZero();
    }

    @Test
    void snapshotIsAJpegAtTheStreamSizeWhileIdle() throws Exception {
        TestCamera camera = camera(640, 360, 10);
        byte[] jpeg = camera.snapshotJpeg().orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(units).isEmpty();
        assertThat(camera.status().state()).isEqualTo(SourceStatus.State.IDLE);
    }

    @Test
    void encodedPicturesDecodeWithJCodecAtTheConfiguredSize() {
        TestCamera camera = camera(320, 180, 10);
        camera.start(units::add);
        scheduler.advance(Duration.ZERO);
        frames(2);

        H264Decoder decoder = new H264Decoder();
        for (AccessUnit unit : units) {
            List<ByteBuffer> nals = unit.nals().stream().map(ByteBuffer::wrap).toList();
            Picture picture = decoder.decodeFrameFromNals(nals, new byte[3][336 * 192]);
            assertThat(picture).isNotNull();
            assertThat(picture.getCroppedWidth()).isEqualTo(320);
            assertThat(picture.getCroppedHeight()).isEqualTo(180);
        }
    }

    @Test
    void ffprobeReadsThirtyFramesAtTheConfiguredSize(@TempDir Path dir) throws Exception {
        TestCamera camera = camera(352, 288, 10);
        camera.start(units::add);
        scheduler.advance(Duration.ZERO);
        frames(29);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (AccessUnit unit : units) {
            for (byte[] nal : unit.nals()) {
                stream.write(new byte[] {0, 0, 0, 1});
                stream.write(nal);
            }
        }
        Path file = dir.resolve("camera.h264");
        Files.write(file, stream.toByteArray());

        // a missing ffprobe fails here (IOException), deliberately: the check must not be skipped silently
        Process ffprobe = new ProcessBuilder(
                        "/usr/bin/ffprobe",
                        "-v",
                        "error",
                        "-count_frames",
                        "-show_entries",
                        "stream=width,height,nb_read_frames",
                        "-of",
                        "csv=p=0",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(ffprobe.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("352,288,30");
    }

    @Test
    void anEncodedStreamStartsTheCameraForItsFirstViewerAndStopsItAfterTheLast() {
        TestCamera camera = camera(320, 180, 10);
        try (EncodedStream stream = new EncodedStream(camera)) {
            List<AccessUnit> late = new ArrayList<>();
            EncodedStream.Subscription first = stream.subscribe(units::add);
            scheduler.advance(Duration.ZERO);
            frames(2);
            EncodedStream.Subscription second = stream.subscribe(late::add);
            assertThat(late).hasSize(3); // the cached group of pictures, from its key frame
            assertThat(late.getFirst().keyFrame()).isTrue();
            first.close();
            assertThat(camera.status().state()).isEqualTo(SourceStatus.State.RUNNING);
            second.close();
            assertThat(camera.status().state()).isEqualTo(SourceStatus.State.IDLE);
            frames(3);
            assertThat(units).hasSize(3);
        }
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new TestCamera.Settings(641, 360, 10, 300, 10, "d", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestCamera.Settings(640, 100, 10, 300, 10, "d", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestCamera.Settings(640, 360, 31, 300, 10, "d", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestCamera.Settings(640, 360, 10, 300, 301, "d", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TestCamera.Settings.main("d", "1").width()).isEqualTo(640);
    }
}

package org.openvto.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openvto.media.h264.AnnexB;
import org.openvto.testkit.Await;

/**
 * With a real ffmpeg (a missing one fails: the source reports RESTARTING and nothing arrives). Kept fast (a few
 * seconds, mostly the 1 s back-off) so it runs with the unit tests; the media module has no failsafe phase.
 */
class CommandSourceFfmpegTest {
    private static final List<String> FFMPEG = List.of(
            "/usr/bin/ffmpeg",
            "-hide_banner",
            "-nostdin",
            "-loglevel",
            "error",
            "-re",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x240:rate=10",
            "-pix_fmt",
            "yuv420p",
            "-c:v",
            "libx264",
            "-profile:v",
            "baseline",
            "-tune",
            "zerolatency",
            "-g",
            "10",
            "-f",
            "h264",
            "-");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void streamsRestartsAfterAKillAndStopsTheProcess() throws Exception {
        List<AccessUnit> units = new CopyOnWriteArrayList<>();
        try (CommandSource source = new CommandSource(FFMPEG, 10)) {
            source.start(units::add);
            Await.until("three access units from ffmpeg", WAIT, () -> units.size() >= 3);

            AccessUnit first = units.getFirst();
            assertThat(first.keyFrame()).isTrue();
            assertThat(first.nals()).extracting(AnnexB::type).startsWith(7, 8);
            assertThat(first.nals()).extracting(AnnexB::type).contains(5);
            StreamFormat format = source.format().orElseThrow();
            assertThat(format.width()).isEqualTo(320);
            assertThat(format.height()).isEqualTo(240);
            BufferedImage snapshot =
                    ImageIO.read(new ByteArrayInputStream(source.snapshotJpeg().orElseThrow()));
            assertThat(snapshot.getWidth()).isEqualTo(320);
            assertThat(snapshot.getHeight()).isEqualTo(240);
            assertThat(source.status().state()).isEqualTo(SourceStatus.State.RUNNING);

            long pid = source.pid().orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            Await.until(
                    "RESTARTING after the kill", WAIT, () -> source.status().state() == SourceStatus.State.RESTARTING);
            int before = units.size();
            Await.until("RUNNING again", WAIT, () -> source.status().state() == SourceStatus.State.RUNNING);
            Await.until("units after the restart", WAIT, () -> units.size() >= before + 3);
            assertThat(units.get(before).keyFrame()).isTrue();
            assertThat(source.status().restarts()).isEqualTo(1);
            assertThat(units).extracting(AccessUnit::micros).isSorted().doesNotHaveDuplicates();

            long second = source.pid().orElseThrow();
            assertThat(second).isNotEqualTo(pid);
            source.stop();
            int stoppedAt = units.size();
            ProcessHandle handle = ProcessHandle.of(second).orElse(null);
            Await.until("ffmpeg gone after stop", WAIT, () -> handle == null || !handle.isAlive());
            assertThat(units).hasSize(stoppedAt);
            assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
        }
    }
}

package org.openvto.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openvto.media.h264.AnnexB;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

/** The restart policy and stream handling, with fake processes: no process runs, nothing sleeps. */
class CommandSourceTest {
    private static final List<String> COMMAND = List.of("encoder", "--out", "-");
    private static final Duration MS = Duration.ofMillis(1);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<AccessUnit> units = new ArrayList<>();
    private final List<Runnable> readers = new ArrayList<>(); // reader loops, run when the test says
    private int launches;

    private CommandSource source(CommandSource.Launcher launcher) {
        return new CommandSource(COMMAND, 10, clock, scheduler, launcher, readers::add);
    }

    private void runReaders() {
        List<Runnable> now = List.copyOf(readers);
        readers.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aCommandThatCannotRunBacksOffExponentiallyUpToThirtySeconds() {
        CommandSource source = source(command -> {
            launches++;
            throw new IOException("Cannot run program \"encoder\": error=2, No such file or directory");
        });
        source.start(units::add);
        assertThat(launches).isEqualTo(1);
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.RESTARTING);
        assertThat(source.status().detail()).contains("cannot run encoder", "No such file");

        long[] seconds = {1, 2, 4, 8, 16, 30, 30};
        for (int i = 0; i < seconds.length; i++) {
            scheduler.advance(Duration.ofSeconds(seconds[i]).minus(MS));
            assertThat(launches).as("before back-off %d", i).isEqualTo(i + 1);
            scheduler.advance(MS);
            assertThat(launches).as("after back-off %d", i).isEqualTo(i + 2);
        }
        assertThat(source.status().restarts()).isEqualTo(seconds.length);
    }

    @Test
    void theBackOffResetsAfterAMinuteOfRunning() {
        List<Long> runFor = new ArrayList<>(List.of(0L, 0L, 61L, 0L)); // seconds each process "runs"
        CommandSource source = source(command -> {
            launches++;
            return new FakeProcess(new byte[0], "", Duration.ofSeconds(runFor.removeFirst()));
        });
        source.start(units::add);
        runReaders(); // process 1 exits at once
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.RESTARTING);
        assertThat(source.status().detail()).contains("exited with code 1");
        scheduler.advance(Duration.ofSeconds(1));
        runReaders(); // process 2 exits at once: 2 s next
        scheduler.advance(Duration.ofSeconds(2).minus(MS));
        assertThat(launches).isEqualTo(2);
        scheduler.advance(MS);
        assertThat(launches).isEqualTo(3);
        runReaders(); // process 3 ran for 61 s: back to 1 s
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(launches).isEqualTo(4);
        assertThat(source.status().restarts()).isEqualTo(3);
    }

    @Test
    void unitsFlowKeyFrameFirstWithFormatStderrAndSnapshot() throws Exception {
        byte[] stream = cameraStream(4);
        FakeProcess[] process = new FakeProcess[1];
        CommandSource source = source(command -> {
            launches++;
            process[0] = new FakeProcess(stream, "frame=1\n\nlast words\n", Duration.ZERO);
            return process[0];
        });
        assertThat(source.format()).isEmpty();
        assertThat(source.snapshotJpeg()).isEmpty();
        source.start(units::add);
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.RUNNING);
        runReaders();

        assertThat(units).hasSize(4); // the last one completes at end of stream
        assertThat(units.getFirst().keyFrame()).isTrue();
        assertThat(units.getFirst().nals()).extracting(AnnexB::type).containsExactly(7, 8, 5);
        assertThat(units).extracting(AccessUnit::micros).isSorted().doesNotHaveDuplicates();
        StreamFormat format = source.format().orElseThrow();
        assertThat(format.width()).isEqualTo(320);
        assertThat(format.height()).isEqualTo(180);
        assertThat(format.fps()).isEqualTo(10);
        assertThat(format.sps()).isEqualTo(units.getFirst().nals().get(0));

        assertThat(source.status().state()).isEqualTo(SourceStatus.State.RESTARTING);
        assertThat(source.status().detail()).isEqualTo("exited with code 1: last words");
        var image = javax.imageio.ImageIO.read(
                new ByteArrayInputStream(source.snapshotJpeg().orElseThrow()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(180);
    }

    @Test
    void stopDestroysTheProcessThenForciblyAndNothingIsDeliveredOrRestarted() {
        FakeProcess process = new FakeProcess(cameraStream(2), "", Duration.ZERO);
        process.ignoresDestroy = true;
        CommandSource source = source(command -> {
            launches++;
            return process;
        });
        source.start(units::add);
        source.stop();
        assertThat(process.destroyed).isTrue();
        assertThat(process.forciblyDestroyed).isFalse();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(process.forciblyDestroyed).isTrue();

        runReaders(); // the reader drains what was left, after stop
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(units).isEmpty();
        assertThat(launches).isEqualTo(1);
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
    }

    @Test
    void aCommandThatWritesNoPictureForTenSecondsIsKilledAndStartedAgain() {
        List<FakeProcess> processes = new ArrayList<>();
        CommandSource source = source(command -> {
            launches++;
            FakeProcess p = new FakeProcess(new byte[0], "", Duration.ZERO);
            processes.add(p);
            return p;
        });
        source.start(units::add);
        // its reader is blocked: nothing arrives (a hung camera driver)
        scheduler.advance(org.openvto.media.command.CommandRunner.STALL_TIMEOUT.minus(MS));
        assertThat(processes.getFirst().destroyed).as("not yet").isFalse();
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.RUNNING);
        scheduler.advance(MS);
        assertThat(processes.getFirst().destroyed).isTrue();
        runReaders(); // the killed process's output ends
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.RESTARTING);
        assertThat(source.status().detail()).contains("wrote nothing for 10 s");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(launches).isEqualTo(2);
        assertThat(source.status().restarts()).isEqualTo(1);
        source.stop();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(processes.get(1).destroyed)
                .as("stopped by stop(), not by the watchdog")
                .isTrue();
        assertThat(launches).isEqualTo(2);
    }

    @Test
    void stopCancelsAPendingRestart() {
        CommandSource source = source(command -> {
            launches++;
            throw new IOException("no device");
        });
        source.start(units::add);
        assertThat(scheduler.pending()).isEqualTo(1);
        source.stop();
        assertThat(scheduler.pending()).isZero();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(launches).isEqualTo(1);
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
        assertThat(source.status().error()).isEmpty();
    }

    @Test
    void backoffSequence() {
        assertThat(CommandSource.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(CommandSource.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(CommandSource.backoff(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(CommandSource.backoff(100)).isEqualTo(Duration.ofSeconds(30));
    }

    /** An Annex-B stream of {@code frames} test-camera pictures, 320×180, a key frame every 2. */
    private static byte[] cameraStream(int frames) {
        ManualScheduler s = new ManualScheduler();
        ManualClock c = new ManualClock(Instant.EPOCH);
        List<AccessUnit> out = new ArrayList<>();
        TestCamera camera = new TestCamera(new TestCamera.Settings(320, 180, 10, 200, 2, "Door", "1"), c, s);
        camera.start(out::add);
        s.advance(Duration.ZERO);
        for (int i = 1; i < frames; i++) {
            c.advance(Duration.ofMillis(100));
            s.advance(Duration.ofMillis(100));
        }
        camera.stop();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (AccessUnit unit : out) {
            for (byte[] nal : unit.nals()) {
                stream.writeBytes(new byte[] {0, 0, 0, 1});
                stream.writeBytes(nal);
            }
        }
        return stream.toByteArray();
    }

    /** A process whose output is fixed; reading its stdout to the end "runs" it for {@code runs} on the clock. */
    private final class FakeProcess extends Process {
        private final InputStream stdout;
        private final InputStream stderr;
        boolean destroyed;
        boolean forciblyDestroyed;
        boolean ignoresDestroy;

        FakeProcess(byte[] out, String err, Duration runs) {
            this.stdout = new ByteArrayInputStream(out) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    int n = super.read(b, off, len);
                    if (n < 0) {
                        clock.advance(runs);
                    }
                    return n;
                }
            };
            this.stderr = new ByteArrayInputStream(err.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return stdout;
        }

        @Override
        public InputStream getErrorStream() {
            return stderr;
        }

        @Override
        public int waitFor() {
            return 1;
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public int exitValue() {
            return 1;
        }

        @Override
        public void destroy() {
            destroyed = true;
        }

        @Override
        public Process destroyForcibly() {
            forciblyDestroyed = true;
            return this;
        }

        @Override
        public boolean isAlive() {
            return !forciblyDestroyed && !(destroyed && !ignoresDestroy);
        }
    }
}

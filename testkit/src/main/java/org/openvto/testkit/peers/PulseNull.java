package org.openvto.testkit.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openvto.testkit.Deadline;

/**
 * A private PulseAudio server with a null sink ("Null Output") and a null source ("Null Input"): a sound card
 * with a real clock for peers that have no file/null audio device of their own (linphone 5.1 sends no RTP
 * with ALSA's {@code null} PCM, which never reports frames available, and its {@code call-stats} crashes
 * without a card). It listens only on a unix socket in {@code dir}; {@link #serverAddress()} goes into the
 * client's {@code PULSE_SERVER}. Start-up fails with {@link IllegalStateException} (and the server's output)
 * if the socket does not appear within 10 s, or with {@link IOException} if {@code pulseaudio} is not installed.
 */
// close() waits for the peer process to exit, interruptibly; a test is the only caller
@SuppressWarnings("try")
public final class PulseNull implements AutoCloseable {
    public static final String SINK = "PulseAudio Unknown: Null Output";
    public static final String SOURCE = "PulseAudio Unknown: Null Input";
    private final Path socket;
    private final Process process;

    private PulseNull(Path socket, Process process) {
        this.socket = socket;
        this.process = process;
    }

    public static PulseNull start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path socket = dir.resolve("native");
        Path log = dir.resolve("pulseaudio.log");
        ProcessBuilder pb = new ProcessBuilder(
                        "pulseaudio",
                        "-n",
                        "--daemonize=no",
                        "--exit-idle-time=-1",
                        "--disallow-exit",
                        "--use-pid-file=no",
                        "--system=false",
                        "--log-target=stderr",
                        "-L",
                        "module-null-sink sink_name=nul",
                        "-L",
                        "module-null-source source_name=nulsrc",
                        "-L",
                        "module-native-protocol-unix socket=" + socket + " auth-anonymous=1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_RUNTIME_DIR", dir.toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.toString());
        PulseNull pulse = new PulseNull(socket, pb.start());
        Deadline deadline = Deadline.in(Duration.ofSeconds(10));
        while (!Files.exists(socket)) {
            if (!pulse.process.isAlive() || deadline.passed()) {
                pulse.close();
                throw new IllegalStateException("pulseaudio did not open " + socket + ":\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return pulse;
    }

    /** The {@code PULSE_SERVER} value for clients: {@code unix:<dir>/native}. */
    public String serverAddress() {
        return "unix:" + socket;
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, Duration.ofSeconds(5));
    }
}

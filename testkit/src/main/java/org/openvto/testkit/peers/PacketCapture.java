package org.openvto.testkit.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openvto.testkit.Deadline;

/**
 * A packet capture on the loopback interface with Wireshark's {@code dumpcap} (Debian package tshark; needs root or
 * the capture capabilities), written as a classic pcap file, read back raw ({@link #bytes}) or through
 * {@code tshark} ({@link #count}, {@link #decode}). {@link #start} waits until dumpcap reports that it captures;
 * it fails with {@link IOException} when dumpcap is not installed and {@link IllegalStateException} (with
 * dumpcap's output) when it exits or does not start within 10 s. {@link #close} stops it (SIGTERM: it flushes
 * the file and prints its counts).
 */
// close() waits for the peer process to exit, interruptibly; a test is the only caller
@SuppressWarnings("try")
public final class PacketCapture implements AutoCloseable {
    private final Path file;
    private final Path output;
    private final Process process;

    private PacketCapture(Path file, Path output, Process process) {
        this.file = file;
        this.output = output;
        this.process = process;
    }

    /** Captures on {@code lo} what the libpcap filter {@code bpf} (e.g. {@code tcp port 5061}) passes into {@code file}. */
    public static PacketCapture start(Path file, String bpf) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path output = file.resolveSibling(file.getFileName() + ".dumpcap.txt");
        Process p = new ProcessBuilder("dumpcap", "-i", "lo", "-f", bpf, "-w", file.toString(), "-P", "-q")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        p.getOutputStream().close();
        Deadline deadline = Deadline.in(Duration.ofSeconds(10));
        while (!Files.readString(output).contains("Capturing on")) {
            if (!p.isAlive() || deadline.passed()) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "dumpcap did not start capturing (" + bpf + "):\n" + Files.readString(output));
            }
            Thread.sleep(20);
        }
        Thread.sleep(200); // "Capturing on" comes just before the capture loop runs
        return new PacketCapture(file, output, p);
    }

    /** Stops the capture (idempotent) and waits for dumpcap to write the file; returns its summary output. */
    public String stop() throws IOException, InterruptedException {
        if (process.isAlive()) {
            Thread.sleep(300); // let the last packets of the exchange reach the capture buffer
            Processes.stop(process, Duration.ofSeconds(10));
        }
        return Files.readString(output);
    }

    /** The pcap file's raw bytes (the packets as sent, headers and payloads); the capture must have stopped. */
    public byte[] bytes() throws IOException {
        return Files.readAllBytes(file);
    }

    /**
     * How many packets of the capture match the tshark display filter (e.g. {@code udp.dstport == 5060}), with
     * tshark's {@code -d} "decode as" rules (e.g. {@code tcp.port==5061,tls}).
     */
    public int count(String displayFilter, String... decodeAs) throws Exception {
        List<String> args = new ArrayList<>(
                List.of("-r", file.toString(), "-Y", displayFilter, "-T", "fields", "-e", "frame.number"));
        for (String d : decodeAs) {
            args.add("-d");
            args.add(d);
        }
        return (int) tshark(args.toArray(String[]::new))
                .lines()
                .filter(l -> !l.isBlank())
                .count();
    }

    /** tshark's one-line summary of every packet matching {@code displayFilter} (for assertion messages and reports). */
    public String decode(String displayFilter, String... decodeAs) throws Exception {
        List<String> args = new ArrayList<>(List.of("-r", file.toString(), "-Y", displayFilter));
        for (String d : decodeAs) {
            args.add("-d");
            args.add(d);
        }
        return tshark(args.toArray(String[]::new));
    }

    private static String tshark(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("tshark " + String.join(" ", args) + " failed: " + err);
        }
        return out;
    }

    /** The first cleartext marker of {@code markers} found anywhere in the captured bytes, or null. */
    public String firstCleartext(String... markers) throws IOException {
        String raw = new String(bytes(), StandardCharsets.ISO_8859_1);
        for (String m : markers) {
            if (raw.contains(m)) {
                return m;
            }
        }
        return null;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}

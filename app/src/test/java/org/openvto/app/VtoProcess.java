package org.openvto.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openvto.testkit.Ports;

/**
 * Runs the real {@code openvto.jar} as a separate process, the way a user does, on its own data
 * directory and port offset. Output goes to {@code target/it-logs/<name>.log}.
 */
final class VtoProcess implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    final Path dataDir;
    final int portOffset;
    private final Path log;
    private final Map<String, String> env;
    private Process process;
    /** The log's length when this process was launched: the log file is appended to by every run of a test. */
    private long logStart;

    VtoProcess(Path dataDir, String name) {
        this(dataDir, name, Map.of());
    }

    VtoProcess(Path dataDir, String name, Map<String, String> env) {
        this.dataDir = dataDir;
        this.portOffset = Ports.freeOffset(8080, 5060, 5061, 8554); // HTTP, SIP UDP/TCP, SIP TLS, RTSP move together
        this.env = env;
        this.log = Path.of("target", "it-logs", name + ".log");
    }

    static Path jar() {
        return Path.of(System.getProperty("openvto.jar", "target/openvto.jar")).toAbsolutePath();
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                java(),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC",
                "-Xmx128m",
                "-jar",
                jar().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the process without waiting for it to be ready. */
    VtoProcess launch() throws IOException {
        Files.createDirectories(log.getParent());
        logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder pb = new ProcessBuilder(
                command("run", "--data-dir", dataDir.toString(), "--port-offset", String.valueOf(portOffset)));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        return this;
    }

    /** Starts the process and waits until {@code /healthz} answers 200. */
    VtoProcess start() throws Exception {
        launch();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("OpenVTO exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                if (get("/healthz").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("OpenVTO not ready in 30 s:\n" + logText());
    }

    /** The RTSP URL of {@code pathAndQuery} on this VTO (RTSP port 8554 moved by the offset), with credentials. */
    String rtspUrl(String userInfo, String pathAndQuery) {
        return "rtsp://" + (userInfo.isEmpty() ? "" : userInfo + "@") + "127.0.0.1:" + (8554 + portOffset)
                + pathAndQuery;
    }

    String baseUrl() {
        String bind = env.getOrDefault("OPENVTO_HTTP_BIND_ADDRESS", "127.0.0.1");
        return "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + (8080 + portOffset);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM and wait; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("OpenVTO did not stop within 20 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL, as {@code kill -9} does. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The VTO's process, to find the commands it started. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** What this process logged since its last {@link #launch} (earlier runs of the same test name are in the file too). */
    String logSinceLaunch() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Runs an {@code openvto} CLI command to completion. */
    static CliResult cli(String... args) throws Exception {
        Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("CLI hung: " + String.join(" ", args));
        }
        return new CliResult(p.exitValue(), out);
    }

    record CliResult(int exitCode, String output) {}

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            stop();
        }
    }

    /** A free UDP port on loopback (for SIPp and baresip peers). */
    static int freeUdpPort() throws IOException {
        return Ports.freeUdp();
    }

    /** Makes this VTO the building's SIP server (System Type TCP/IP, SIP Server Enable, type VTO); returns its SIP port. */
    int enableSipServer(DigestClient admin) throws Exception {
        if (admin.send(baseUrl(), "PUT", "/api/v1/device/properties", "{\"systemType\":\"TCP/IP\"}")
                                .statusCode()
                        != 200
                || admin.send(baseUrl(), "PUT", "/api/v1/sip-server", "{\"enabled\":true,\"type\":\"VTO\"}")
                                .statusCode()
                        != 200) {
            throw new IllegalStateException("could not enable the SIP server:\n" + logText());
        }
        return 5060 + portOffset;
    }
}

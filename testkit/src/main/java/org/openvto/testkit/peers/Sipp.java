package org.openvto.testkit.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the SIPp client ({@code sipp}, Debian package sip-tester) against a SIP server on loopback: a
 * scenario file, optionally an injection CSV ({@code -inf}), how many calls at what rate, from which local port.
 * {@link #run} blocks until SIPp exits and returns its exit code (0: every call passed) with its output and, if
 * asked for, its screen or message trace. Each call of a setter returns this builder; not thread-safe.
 */
public final class Sipp {
    /** How a SIPp run ended: {@code exitCode} 0 when every call succeeded; {@code output} for assertion messages. */
    public record Result(int exitCode, String output) {}

    private final List<String> args = new ArrayList<>();
    private Path trace;

    private Sipp(int serverPort, Path scenario) {
        args.addAll(List.of(
                "sipp",
                "127.0.0.1:" + serverPort,
                "-sf",
                scenario.toAbsolutePath().toString()));
    }

    /** SIPp running {@code scenario} towards 127.0.0.1:{@code serverPort}, binding 127.0.0.1 itself. */
    public static Sipp client(int serverPort, Path scenario) {
        return new Sipp(serverPort, scenario);
    }

    /** The injection file ({@code -inf}) the scenario's {@code [field0]}… come from. */
    public Sipp users(Path csv) {
        return add("-inf", csv.toString());
    }

    /** Stops after this many calls ({@code -m}). */
    public Sipp calls(int calls) {
        return add("-m", String.valueOf(calls));
    }

    /** Starts this many calls a second ({@code -r}). */
    public Sipp rate(int perSecond) {
        return add("-r", String.valueOf(perSecond));
    }

    /** Sends from 127.0.0.1:{@code port} ({@code -i}, {@code -p}). */
    public Sipp localPort(int port) {
        return add("-i", "127.0.0.1", "-p", String.valueOf(port));
    }

    /** Fails (exit code non-zero) if the run takes longer than {@code timeout} ({@code -timeout_error}). */
    public Sipp timeout(Duration timeout) {
        return add("-timeout", timeout.toSeconds() + "s", "-timeout_error");
    }

    /** Writes the final statistics screen to {@code file}; it is appended to the {@link Result#output}. */
    public Sipp screenTo(Path file) {
        trace = file;
        return add("-trace_screen", "-screen_file", file.toString());
    }

    /** Writes every SIP message sent and received to {@code file}; it is appended to the {@link Result#output}. */
    public Sipp messagesTo(Path file) {
        trace = file;
        return add("-trace_msg", "-message_file", file.toString());
    }

    private Sipp add(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /**
     * Runs SIPp (without a keyboard: {@code -nostdin}) and waits for it; throws {@link IllegalStateException} if it
     * has not exited within {@code wait} (it is killed then).
     */
    public Result run(Duration wait) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(args);
        command.add("-nostdin");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sipp hung");
        }
        String traced = trace != null && Files.exists(trace) ? Files.readString(trace) : "";
        return new Result(p.exitValue(), out + traced);
    }

    /**
     * Starts SIPp as a server (a UAS: a monitor, the centre) running {@code scenario} for one call on 127.0.0.1:{@code
     * port}, its message trace in {@code messages} and its output next to it ({@code .out}); returns the process
     * at once (wait for it, its exit code 0 means the scenario passed; it gives up after 30 s).
     */
    public static Process answering(Path scenario, int port, Path messages) throws IOException {
        return new ProcessBuilder(
                        "sipp",
                        "-sf",
                        scenario.toAbsolutePath().toString(),
                        "-i",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(port),
                        "-m",
                        "1",
                        "-nostdin",
                        "-timeout",
                        "30s",
                        "-timeout_error",
                        "-trace_msg",
                        "-message_file",
                        messages.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of(messages.toString().replaceAll("\\.log$", "") + ".out")
                        .toFile())
                .start();
    }
}

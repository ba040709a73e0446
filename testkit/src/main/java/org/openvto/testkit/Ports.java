package org.openvto.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for tests that start real servers. A port found free can be taken by another process
 * before the test binds it. Two things keep that rare: ports are picked at random from a wide range, which keeps
 * parallel test JVMs apart, and the range (10,000–32,000) lies below Linux's ephemeral range (32,768–60,999), so
 * the kernel never hands a picked port to an outbound connection — a port taken with {@code bind(0)} is in that
 * range, and a VTO connecting out to a peer could take it in the window before the peer listens (seen in CI:
 * baresip's ctrl_tcp "Address already in use").
 */
public final class Ports {
    private static final int LOW = 10_000;
    private static final int HIGH = 32_000;

    private Ports() {}

    /** A TCP port free on loopback now (and free for UDP, so either kind of peer can take it). */
    public static int freeTcp() {
        return freeOffset(0);
    }

    /** A UDP port free on loopback now (and free for TCP). */
    public static int freeUdp() {
        return freeOffset(0);
    }

    /**
     * True while some process has {@code port} bound for UDP (a peer that started listening). Read from the
     * kernel's socket tables ({@code /proc/net/udp}, {@code /proc/net/udp6}) rather than by trying to bind the port:
     * a probe that binds, even for a moment, can make the peer's own bind fail with "Address already in use" (seen
     * in CI: a SIPp monitor exited at start-up while the test polled its port).
     */
    public static boolean udpBound(int port) {
        return boundIn(Path.of("/proc/net/udp"), port) || boundIn(Path.of("/proc/net/udp6"), port);
    }

    /** Whether a {@code /proc/net/udp}-format table has a socket whose local port is {@code port}. */
    static boolean boundIn(Path table, int port) {
        if (!Files.isReadable(table)) {
            return false;
        }
        String suffix = String.format(":%04X", port);
        try (var lines = Files.lines(table)) {
            return lines.skip(1)
                    .map(String::trim)
                    .map(l -> l.split("\\s+"))
                    .anyMatch(f -> f.length > 1 && f[1].endsWith(suffix));
        } catch (IOException | UncheckedIOException unreadable) {
            return false;
        }
    }

    /**
     * An offset such that every {@code base + offset} is free on loopback for TCP and UDP (a VTO started with
     * {@code --port-offset} moves all its ports — HTTP 8080, SIP 5060/5061 — by it); the first base lands in
     * 10,000–32,000, below the ephemeral range.
     */
    public static int freeOffset(int... bases) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(LOW, HIGH) - bases[0];
            if (allFree(bases, offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port block for bases " + java.util.Arrays.toString(bases));
    }

    private static boolean allFree(int[] bases, int offset) {
        for (int base : bases) {
            int port = base + offset;
            if (port < 1024 || port > 65_535 || !free(port)) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket tcp = new ServerSocket(port, 1, loopback);
                DatagramSocket udp = new DatagramSocket(port, loopback)) {
            return tcp.isBound() && udp.isBound();
        } catch (IOException busy) {
            return false;
        }
    }
}

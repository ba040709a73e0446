package org.openvto.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for tests that start real servers. A port found free can be taken by another process
 * before the test binds it; picking at random from a wide range keeps parallel test JVMs apart.
 */
public final class Ports {
    private Ports() {}

    /** A TCP port free on loopback now. */
    public static int freeTcp() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A UDP port free on loopback now. */
    public static int freeUdp() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** True while some process has {@code port} bound on loopback UDP (a peer that started listening). */
    public static boolean udpBound(int port) {
        try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return !probe.isBound(); // we could bind it: nobody else has
        } catch (IOException inUse) {
            return true;
        }
    }

    /**
     * An offset such that every {@code base + offset} is free on loopback for TCP and UDP (a VTO started with
     * {@code --port-offset} moves all its ports — HTTP 8080, SIP 5060/5061 — by it); the first base lands in
     * 20,000–40,000.
     */
    public static int freeOffset(int... bases) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(20_000, 40_000) - bases[0];
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

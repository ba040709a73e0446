package org.openvto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {
    @TempDir
    Path dir;

    @Test
    void aBoundUdpSocketIsSeenAndAClosedOneIsNot() throws Exception {
        int port;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
            assertThat(Ports.udpBound(port)).isTrue();
        }
        assertThat(Ports.udpBound(port)).isFalse();
    }

    @Test
    void theProbeNeverHoldsThePortItLooksAt() throws Exception {
        int port = Ports.freeUdp();
        for (int i = 0; i < 50; i++) {
            Ports.udpBound(port);
        }
        try (DatagramSocket peer = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            assertThat(peer.isBound()).isTrue();
        }
    }

    @Test
    void tableRowsMatchOnTheLocalPortOnly() throws Exception {
        Path table = dir.resolve("udp");
        Files.writeString(table, """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                 1234: 0100007F:13C4 0100007F:5E2E 07 00000000:00000000 00:00000000 00000000  1000        0 1 2 0 0
                """);
        assertThat(Ports.boundIn(table, 5060)).isTrue();
        assertThat(Ports.boundIn(table, 24110))
                .as("a remote port is not a bound one")
                .isFalse();
        assertThat(Ports.boundIn(dir.resolve("missing"), 5060)).isFalse();
    }
}

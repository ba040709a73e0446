package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.peers.Baresip;
import org.openvto.testkit.peers.Linphone;
import org.openvto.testkit.peers.PacketCapture;
import org.openvto.testkit.peers.PeerTransport;
import org.openvto.testkit.peers.RtpCounts;

/**
 * Real indoor monitors over TCP and over TLS, like {@link IndoorMonitorsUdpIT}: linphone registers as {@code 101#0},
 * baresip as {@code 101#1}, a second baresip as VTO 8002 — all three over the transport under test — and the
 * door calls {@code sip:101@VDP}. Both monitors ring; the first to answer gets the call, the other is cancelled;
 * RTP flows both ways; the callee (first call) or the caller (second call) hangs up, and
 * {@code openvto_sip_calls_active} returns to 0 after each.
 *
 * <p>Over TLS linphone trusts only the VTO's certificate (pinned as its root CA); its name check stays off, as
 * linphone 5.1 does not match the certificate's IP subjectAltName 127.0.0.1 (see {@link Linphone.Options}). The whole TLS run is captured on
 * {@code lo} (VTO's SIP and TLS ports, the peers' SIP ports): the capture holds TLS records and no cleartext SIP,
 * and no UDP packet reached a monitor.
 */
class IndoorMonitorsTcpTlsIT {
    static final String PASSWORD = "Door#Bell42";
    static final Duration WAIT = Duration.ofSeconds(15);
    /** Bytes that only cleartext SIP carries: none may appear in a TLS-only capture. */
    static final String[] CLEARTEXT_SIP = {
        "INVITE sip:", "SIP/2.0 200", "BYE sip:", "Via: SIP/2.0/TLS", "REGISTER sip:", "CANCEL sip:", "ACK sip:"
    };

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the peers' logs and the capture
    Path dir;

    @Test
    void overTcpRoomCallRingsBothFirstAnswerWinsMediaFlowsEitherSideHangsUp() throws Exception {
        roomCall(dir, PeerTransport.TCP);
    }

    @Test
    void overTlsRoomCallRingsBothWithThePinnedCertificateAndNoCleartextSipOnTheWire() throws Exception {
        roomCall(dir, PeerTransport.TLS);
    }

    /** The two-call scenario of the class comment over {@code transport} (also {@link IndoorMonitorsUdpIT}'s). */
    static void roomCall(Path dir, PeerTransport transport) throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(data, "IndoorMonitors-" + transport.param()).start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int sipPort = vto.enableSipServer(api);
            IndoorMonitorsUdpIT.addAccounts(api, vto);
            IndoorMonitorsUdpIT.awaitSipListening(vto);
            boolean tls = transport == PeerTransport.TLS;
            Path pem = tls ? VtoCertificate.awaitPem(data, dir.resolve("vto.pem")) : null;
            String proxy = transport.proxyUri(sipPort);
            int linPort = VtoProcess.freeUdpPort();
            int barePort = VtoProcess.freeUdpPort();
            int doorPort = VtoProcess.freeUdpPort();
            Linphone.Options lo = Linphone.Options.of(transport, linPort, VtoProcess.freeUdpPort());
            Baresip.Options bo =
                    Baresip.Options.of(transport, barePort, VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort());
            Baresip.Options doorOptions =
                    Baresip.Options.of(transport, doorPort, VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort());
            if (tls) {
                // pinned, name check off: linphone 5.1 (mbedtls 2.28) ignores the IP entries of the subjectAltName, so
                // with verify_server_cn=1 the handshake with 127.0.0.1 fails "flags=[CN-mismatch ]" (see
                // Linphone.Options)
                lo = lo.pinning(pem);
                bo = bo.withCa(pem);
                doorOptions = doorOptions.withCa(pem);
            }
            // everything SIP between the VTO and the peers: its UDP/TCP and TLS ports and the peers' own SIP ports
            // (baresip listens for TLS on its sip_listen port + 1)
            String bpf = "port " + sipPort + " or port " + (sipPort + 1) + " or port " + linPort + " or port "
                    + barePort + " or port " + (barePort + 1) + " or port " + doorPort + " or port " + (doorPort + 1);
            try (PacketCapture capture = tls ? PacketCapture.start(dir.resolve("tls.pcap"), bpf) : null;
                    Linphone lin = Linphone.start(dir.resolve("linphone"), lo);
                    Baresip bare = Baresip.start(dir.resolve("baresip"), bo);
                    Baresip door = Baresip.start(dir.resolve("door"), doorOptions)) {
                lin.register("sip:101%230@VDP", proxy, "101#0", "Pw-101-0", "VDP", WAIT);
                bare.register("sip:101%231@VDP", proxy, "101#1", "Pw-101-1", "manual", WAIT);
                door.register("sip:8002@VDP", proxy, "8002", "Pw-8002", "manual", WAIT);
                String via = "(" + transport.name() + ")";
                assertThat(IndoorMonitorsUdpIT.awaitOnline(api, vto, "101%230"))
                        .as("linphone")
                        .contains(via);
                assertThat(IndoorMonitorsUdpIT.awaitOnline(api, vto, "101%231"))
                        .as("baresip")
                        .contains(via)
                        .contains("baresip");

                // 1: linphone answers first, baresip is cancelled; linphone (the callee) hangs up
                door.dial("sip:101@VDP");
                int call = lin.waitIncomingCall(WAIT);
                bare.waitEvent("CALL_INCOMING", WAIT);
                lin.answer(call);
                door.waitEvent("CALL_ESTABLISHED", WAIT);
                assertThat(bare.waitEvent("CALL_CLOSED", WAIT).path("param").asText())
                        .as("the monitor that did not answer is cancelled")
                        .isNotEmpty();
                lin.waitCallState("StreamsRunning", WAIT);
                RtpCounts doorRtp = door.waitRtp(WAIT);
                assertThat(doorRtp.bothWays())
                        .as("door and linphone sent RTP: %s", doorRtp)
                        .isTrue();
                lin.terminate();
                awaitClosed(door, "the callee's BYE reached the door (8002)", vto);
                lin.waitCallState("Released", WAIT);
                RtpCounts linRtp = lin.lastCallRtp(WAIT);
                assertThat(linRtp.bothWays())
                        .as("linphone's RTP %s (log %s)", linRtp, lin.log())
                        .isTrue();
                IndoorMonitorsUdpIT.awaitNoActiveCalls(api, vto);

                // 2: baresip answers first, linphone is cancelled; the door (the caller) hangs up
                door.dial("sip:101@VDP");
                bare.waitEvent("CALL_INCOMING", WAIT);
                lin.waitIncomingCall(WAIT);
                bare.accept();
                bare.waitEvent("CALL_ESTABLISHED", WAIT);
                door.waitEvent("CALL_ESTABLISHED", WAIT);
                lin.waitCallState("Released", WAIT);
                RtpCounts bareRtp = bare.waitRtp(WAIT);
                assertThat(bareRtp.bothWays())
                        .as("baresip and the door sent RTP: %s", bareRtp)
                        .isTrue();
                door.hangup();
                awaitClosed(bare, "the caller's BYE reached baresip (101#1)", vto);
                door.waitEvent("CALL_CLOSED", WAIT);
                IndoorMonitorsUdpIT.awaitNoActiveCalls(api, vto);

                if (tls) {
                    assertNoCleartextSip(capture, sipPort, linPort, barePort);
                }
            }
        }
    }

    /** Waits for {@code CALL_CLOSED} on {@code peer}; fails with {@code what} and the VTO's warnings of this run. */
    static void awaitClosed(Baresip peer, String what, VtoProcess vto) throws Exception {
        try {
            peer.waitEvent("CALL_CLOSED", WAIT);
        } catch (AssertionError e) {
            String warnings = String.join(
                    "\n",
                    vto.logSinceLaunch().lines().filter(l -> l.contains("WARN")).toList());
            throw new AssertionError("not so: " + what + " — " + e.getMessage() + "\nVTO warnings:\n" + warnings, e);
        }
    }

    /**
     * Stops the capture and checks it: TLS records on the VTO's TLS port, none of {@link #CLEARTEXT_SIP} in any
     * packet's bytes, nothing on the VTO's UDP/TCP SIP port, and no UDP packet to a monitor's SIP port.
     */
    static void assertNoCleartextSip(PacketCapture capture, int sipPort, int... monitorPorts) throws Exception {
        String summary = capture.stop();
        String tlsPort = "tcp.port==" + (sipPort + 1) + ",tls";
        assertThat(capture.count("tls.record", tlsPort))
                .as("TLS records in the capture (%s): %s", capture.file(), summary)
                .isPositive();
        assertThat(capture.firstCleartext(CLEARTEXT_SIP))
                .as("cleartext SIP in %s:\n%s", capture.file(), capture.decode("sip", tlsPort))
                .isNull();
        assertThat(capture.count("udp.port==" + sipPort + " || tcp.port==" + sipPort))
                .as("packets on the VTO's cleartext SIP port: %s", capture.decode("udp || tcp.port==" + sipPort))
                .isZero();
        for (int port : monitorPorts) {
            assertThat(capture.count("udp.dstport==" + port))
                    .as("UDP packets to the monitor's port %d", port)
                    .isZero();
        }
    }
}

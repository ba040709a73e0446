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
import org.openvto.testkit.peers.PeerTransport;
import org.openvto.testkit.peers.RtpCounts;

/**
 * A group call to a room whose three monitors registered over three transports: baresip over UDP as {@code 201#0},
 * linphone over TCP as {@code 201#1}, baresip over TLS as {@code 201#2} (the VTO's certificate as its CA); the
 * door, a baresip registered as VTO 8002 over UDP, calls {@code sip:201@VDP}. All three ring; the test answers
 * one of them only after all three rang (no auto-answer race), the other two are cancelled, RTP flows both ways,
 * a BYE ends the call and {@code openvto_sip_calls_active} returns to 0. Call 1: linphone (TCP) answers, the door
 * hangs up. Call 2: the TLS baresip answers and hangs up itself.
 */
class MixedTransportGroupCallIT {
    static final String PASSWORD = "Door#Bell42";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void roomCallRingsUdpTcpAndTlsMonitorsFirstAnswerWinsOthersCancelledMediaFlows() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(data, "MixedTransportGroupCallIT").start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int sipPort = vto.enableSipServer(api);
            for (String room : new String[] {"201#0", "201#1", "201#2"}) {
                assertThat(api.send(
                                        vto.baseUrl(),
                                        "POST",
                                        "/api/v1/rooms",
                                        "{\"roomNo\":\"" + room + "\",\"registerPassword\":\"Pw-"
                                                + room.replace("#", "-") + "\"}")
                                .statusCode())
                        .isEqualTo(201);
            }
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/vtos",
                                    "{\"recNo\":\"8002\",\"ipAddress\":\"192.168.1.109\",\"registerPassword\":\"Pw-8002\"}")
                            .statusCode())
                    .isEqualTo(201);
            IndoorMonitorsUdpIT.awaitSipListening(vto);
            Path pem = VtoCertificate.awaitPem(data, dir.resolve("vto.pem"));
            try (Baresip udp = Baresip.start(
                            dir.resolve("baresip-udp"),
                            Baresip.Options.of(
                                    PeerTransport.UDP,
                                    VtoProcess.freeUdpPort(),
                                    VtoProcess.freeUdpPort(),
                                    VtoProcess.freeUdpPort()));
                    Linphone tcp = Linphone.start(
                            dir.resolve("linphone-tcp"),
                            Linphone.Options.of(
                                    PeerTransport.TCP, VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort()));
                    Baresip tls = Baresip.start(
                            dir.resolve("baresip-tls"),
                            Baresip.Options.of(
                                            PeerTransport.TLS,
                                            VtoProcess.freeUdpPort(),
                                            VtoProcess.freeUdpPort(),
                                            VtoProcess.freeUdpPort())
                                    .withCa(pem));
                    Baresip door = Baresip.start(
                            dir.resolve("door"),
                            Baresip.Options.of(
                                    PeerTransport.UDP,
                                    VtoProcess.freeUdpPort(),
                                    VtoProcess.freeUdpPort(),
                                    VtoProcess.freeUdpPort()))) {
                udp.register(
                        "sip:201%230@VDP", PeerTransport.UDP.proxyUri(sipPort), "201#0", "Pw-201-0", "manual", WAIT);
                tcp.register("sip:201%231@VDP", PeerTransport.TCP.proxyUri(sipPort), "201#1", "Pw-201-1", "VDP", WAIT);
                tls.register(
                        "sip:201%232@VDP", PeerTransport.TLS.proxyUri(sipPort), "201#2", "Pw-201-2", "manual", WAIT);
                door.register("sip:8002@VDP", PeerTransport.UDP.proxyUri(sipPort), "8002", "Pw-8002", "manual", WAIT);
                assertThat(IndoorMonitorsUdpIT.awaitOnline(api, vto, "201%230")).contains("(UDP)");
                assertThat(IndoorMonitorsUdpIT.awaitOnline(api, vto, "201%231")).contains("(TCP)");
                assertThat(IndoorMonitorsUdpIT.awaitOnline(api, vto, "201%232")).contains("(TLS)");

                // 1: all three ring; linphone (TCP) answers; the UDP and TLS baresips are cancelled; the door hangs up
                door.dial("sip:201@VDP");
                udp.waitEvent("CALL_INCOMING", WAIT);
                int call = tcp.waitIncomingCall(WAIT);
                tls.waitEvent("CALL_INCOMING", WAIT);
                tcp.answer(call);
                door.waitEvent("CALL_ESTABLISHED", WAIT);
                assertThat(udp.waitEvent("CALL_CLOSED", WAIT).path("param").asText())
                        .as("UDP monitor cancelled")
                        .isNotEmpty();
                assertThat(tls.waitEvent("CALL_CLOSED", WAIT).path("param").asText())
                        .as("TLS monitor cancelled")
                        .isNotEmpty();
                tcp.waitCallState("StreamsRunning", WAIT);
                RtpCounts doorRtp = door.waitRtp(WAIT);
                assertThat(doorRtp.bothWays())
                        .as("door and linphone sent RTP: %s", doorRtp)
                        .isTrue();
                door.hangup();
                door.waitEvent("CALL_CLOSED", WAIT);
                tcp.waitCallState("Released", WAIT);
                RtpCounts tcpRtp = tcp.lastCallRtp(WAIT);
                assertThat(tcpRtp.bothWays())
                        .as("linphone's RTP %s (log %s)", tcpRtp, tcp.log())
                        .isTrue();
                IndoorMonitorsUdpIT.awaitNoActiveCalls(api, vto);

                // 2: all three ring; the TLS baresip answers; the UDP baresip and linphone are cancelled; it hangs up
                door.dial("sip:201@VDP");
                udp.waitEvent("CALL_INCOMING", WAIT);
                tcp.waitIncomingCall(WAIT);
                tls.waitEvent("CALL_INCOMING", WAIT);
                tls.accept();
                door.waitEvent("CALL_ESTABLISHED", WAIT);
                tls.waitEvent("CALL_ESTABLISHED", WAIT);
                assertThat(udp.waitEvent("CALL_CLOSED", WAIT).path("param").asText())
                        .as("UDP monitor cancelled")
                        .isNotEmpty();
                tcp.waitCallState("Released", WAIT);
                RtpCounts tlsRtp = tls.waitRtp(WAIT);
                assertThat(tlsRtp.bothWays())
                        .as("TLS baresip and the door sent RTP: %s", tlsRtp)
                        .isTrue();
                // the ACK reached the TLS monitor: it stays in the call (no 200 retransmissions ending it)
                assertThat(tls.waitRtp(WAIT).bothWays()).isTrue();
                tls.hangup();
                tls.waitEvent("CALL_CLOSED", WAIT);
                door.waitEvent("CALL_CLOSED", WAIT);
                IndoorMonitorsUdpIT.awaitNoActiveCalls(api, vto);
            }
        }
    }
}

package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.peers.Baresip;
import org.openvto.testkit.peers.PeerTransport;
import org.openvto.testkit.peers.Sipp;

/**
 * A real SIP phone as an indoor monitor: Debian's baresip registers as room {@code 101#0} with digest
 * through the VTO's registrar and auto-answers a call placed through the VTO's proxy (by a SIPp VTO).
 */
class BaresipIT {
    static final String PASSWORD = "Door#Bell42";

    @TempDir
    Path dir;

    @Test
    void baresipRegistersAsARoomAndAnswersACallThroughTheServer() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(data, "BaresipIT").start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int sipPort = vto.enableSipServer(api);
            api.send(
                    vto.baseUrl(), "POST", "/api/v1/rooms", "{\"roomNo\":\"101#0\",\"registerPassword\":\"Pw-101-0\"}");
            api.send(
                    vto.baseUrl(),
                    "POST",
                    "/api/v1/vtos",
                    "{\"recNo\":\"8002\",\"ipAddress\":\"192.168.1.109\",\"registerPassword\":\"Pw-8002\"}");
            int phonePort = VtoProcess.freeUdpPort();
            int callerPort = VtoProcess.freeUdpPort();
            IndoorMonitorsUdpIT.awaitSipListening(vto);
            try (Baresip phone = Baresip.start(
                    dir.resolve("baresip"),
                    Baresip.Options.of(
                            PeerTransport.UDP, phonePort, VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort()))) {
                phone.register(
                        "sip:101%230@VDP",
                        PeerTransport.UDP.proxyUri(sipPort), "101#0", "Pw-101-0", "auto", Duration.ofSeconds(15));
                String room = IndoorMonitorsUdpIT.awaitOnline(api, vto, "101%230");
                assertThat(room).contains("127.0.0.1:" + phonePort).containsIgnoringCase("baresip");

                Path callerReg = dir.resolve("caller.csv");
                Files.write(
                        callerReg,
                        List.of("SEQUENTIAL", "8002;[authentication username=8002 password=Pw-8002];" + callerPort));
                assertThat(SipRegistrarIT.sipp(sipPort, "register-contact.xml", callerReg, 1, 1)
                                .exitCode())
                        .isZero();
                Path call = dir.resolve("call.csv");
                Files.write(call, List.of("SEQUENTIAL", "8002;[authentication username=8002 password=Pw-8002];101"));
                Sipp.Result caller = Sipp.client(sipPort, Path.of("src/test/resources/sipp/uac-call.xml"))
                        .users(call)
                        .calls(1)
                        .localPort(callerPort)
                        .timeout(Duration.ofSeconds(30))
                        .messagesTo(dir.resolve("caller.log"))
                        .run(Duration.ofSeconds(45));
                String trace =
                        Files.exists(dir.resolve("caller.log")) ? Files.readString(dir.resolve("caller.log")) : "";
                assertThat(caller.exitCode())
                        .as("call answered by baresip:\n" + caller.output() + Files.readString(phone.log()))
                        .isZero();
                assertThat(trace).contains("SIP/2.0 200 OK").containsIgnoringCase("baresip");
                phone.waitEvent("CALL_CLOSED", Duration.ofSeconds(10));
            }
        }
    }
}

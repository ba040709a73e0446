package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.peers.Baresip;
import org.openvto.testkit.peers.Linphone;
import org.openvto.testkit.peers.PeerTransport;

/**
 * The indoor-monitor drivers register over TCP and over TLS: linphone and baresip as rooms 101 (TCP) and 102
 * (TLS, the VTO's self-signed certificate pinned). Linphone with verification on and the certificate not pinned
 * is refused by its own TLS check — the pin is what makes it trust the VTO.
 */
class IndoorMonitorsRegisterIT {
    static final String PASSWORD = "Door#Bell42";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void linphoneAndBaresipRegisterOverTcpAndOverTlsWithThePinnedCertificate() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(data, "IndoorMonitorsRegisterIT").start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int sipPort = vto.enableSipServer(api);
            for (String room : new String[] {"101#0", "101#1", "102#0", "102#1"}) {
                assertThat(api.send(
                                        vto.baseUrl(),
                                        "POST",
                                        "/api/v1/rooms",
                                        "{\"roomNo\":\"" + room + "\",\"registerPassword\":\"Pw-"
                                                + room.replace("#", "-") + "\"}")
                                .statusCode())
                        .isEqualTo(201);
            }
            IndoorMonitorsUdpIT.awaitSipListening(vto);
            Path pem = VtoCertificate.awaitPem(data, dir.resolve("vto.pem"));

            register(api, vto, PeerTransport.TCP, sipPort, "101", null);

            try (Linphone unpinned = Linphone.start(
                    dir.resolve("unpinned"),
                    Linphone.Options.of(PeerTransport.TLS, VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort()))) {
                assertThatThrownBy(() -> unpinned.register(
                                "sip:102%230@VDP",
                                PeerTransport.TLS.proxyUri(sipPort), "102#0", "Pw-102-0", "VDP", WAIT))
                        .as("verification on, VTO certificate not trusted")
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("LinphoneRegistrationFailed");
            }
            register(api, vto, PeerTransport.TLS, sipPort, "102", pem);
        }
    }

    /**
     * Registers linphone as {@code <room>#0} and baresip as {@code <room>#1} over {@code transport}, checks that the
     * API shows both online over it, then stops both (baresip unregisters on the way out).
     */
    private void register(DigestClient api, VtoProcess vto, PeerTransport transport, int sipPort, String room, Path pem)
            throws Exception {
        Linphone.Options lo = Linphone.Options.of(transport, VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort());
        Baresip.Options bo = Baresip.Options.of(
                transport, VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort());
        try (Linphone lin = Linphone.start(
                        dir.resolve("linphone-" + transport.param()), pem == null ? lo : lo.pinning(pem));
                Baresip bare =
                        Baresip.start(dir.resolve("baresip-" + transport.param()), pem == null ? bo : bo.withCa(pem))) {
            String proxy = transport.proxyUri(sipPort);
            lin.register("sip:" + room + "%230@VDP", proxy, room + "#0", "Pw-" + room + "-0", "VDP", WAIT);
            bare.register("sip:" + room + "%231@VDP", proxy, room + "#1", "Pw-" + room + "-1", "manual", WAIT);
            String via = "(" + transport.name() + ")";
            assertThat(IndoorMonitorsUdpIT.awaitOnline(api, vto, room + "%230"))
                    .as("linphone")
                    .contains(via);
            assertThat(IndoorMonitorsUdpIT.awaitOnline(api, vto, room + "%231"))
                    .as("baresip")
                    .contains(via);
        }
    }
}

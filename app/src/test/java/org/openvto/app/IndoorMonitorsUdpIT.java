package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.testkit.Deadline;
import org.openvto.testkit.peers.PeerTransport;

/**
 * Real indoor monitors over UDP: linphone registers as {@code 101#0}, baresip as {@code 101#1}; a second baresip,
 * registered as VTO 8002, calls {@code sip:101@VDP}. Both monitors ring; the first to answer gets the call, the
 * other is cancelled; RTP flows both ways; the callee (first call) or the caller (second call) hangs up, and
 * {@code openvto_sip_calls_active} returns to 0.
 */
class IndoorMonitorsUdpIT {
    static final String PASSWORD = "Door#Bell42";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the peers' logs
    Path dir;

    @Test
    void roomCallRingsLinphoneAndBaresipFirstAnswerWinsMediaFlowsEitherSideHangsUp() throws Exception {
        IndoorMonitorsTcpTlsIT.roomCall(dir, PeerTransport.UDP); // the scenario, over UDP
    }

    /** Rooms 101#0 and 101#1 and VTO 8002, with the passwords the tests register with. */
    static void addAccounts(DigestClient api, VtoProcess vto) throws Exception {
        for (String room : new String[] {"101#0", "101#1"}) {
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/rooms",
                                    "{\"roomNo\":\"" + room + "\",\"registerPassword\":\"Pw-" + room.replace("#", "-")
                                            + "\"}")
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
    }

    /**
     * Waits (30 s) for the VTO's log line "SIP listening on …" of this run (the log file keeps earlier runs): the
     * server starts after the first TLS key is made.
     */
    static void awaitSipListening(VtoProcess vto) throws Exception {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (!vto.logSinceLaunch().contains("SIP listening on")) {
            deadline.check("the SIP server did not start:\n" + vto.logSinceLaunch());
            Thread.sleep(50);
        }
    }

    /** Polls {@code GET /api/v1/rooms/<room>} (10 s) until the room is online; returns its JSON. */
    static String awaitOnline(DigestClient api, VtoProcess vto, String room) throws Exception {
        Deadline deadline = Deadline.in(Duration.ofSeconds(10));
        while (true) {
            String body = api.send(vto.baseUrl(), "GET", "/api/v1/rooms/" + room, null)
                    .body();
            if (body.contains("\"status\":\"online\"")) {
                return body;
            }
            deadline.check("room " + room + " is not online: " + body);
            Thread.sleep(100);
        }
    }

    /** Polls {@code /metrics} until {@code openvto_sip_calls_active} is 0 (10 s), else fails with the last value. */
    static void awaitNoActiveCalls(DigestClient api, VtoProcess vto) throws Exception {
        Pattern gauge = Pattern.compile("(?m)^openvto_sip_calls_active\\{[^}]*} ([0-9.]+)$");
        Deadline deadline = Deadline.in(Duration.ofSeconds(10));
        String last = "(none)";
        while (!deadline.passed()) {
            Matcher m = gauge.matcher(
                    api.send(vto.baseUrl(), "GET", "/metrics", null).body());
            if (m.find()) {
                last = m.group(1);
                if (Double.parseDouble(last) == 0.0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("openvto_sip_calls_active stayed at " + last);
    }
}

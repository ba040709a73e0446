package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.Await;
import org.openvto.testkit.Ports;
import org.openvto.testkit.peers.Sipp;

/**
 * Quick Start Guide 1.2 "Group call" through the VTO's SIP server with real SIPp peers: three SIPp UAS register as
 * {@code 101#0}, {@code 101#1}, {@code 101#2}; a VTO (SIPp UAC, authenticated with 407) calls room 101; all
 * three get the INVITE, {@code 101#0} answers, the other two get CANCEL; ACK and BYE follow the
 * Record-Route. Then: VTO-to-VTO by number, an offline room gives 480, an unknown number 404, a wrong password 403.
 */
class GroupCallIT {
    static final String PASSWORD = "Door#Bell42";

    @TempDir
    Path dir;

    @Test
    void callToARoomRingsEveryDeviceFirstAnswerWinsOthersAreCancelled() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(data, "GroupCallIT").start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int sipPort = vto.enableSipServer(api);
            for (String room : new String[] {"101#0", "101#1", "101#2", "201#0"}) {
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
            int[] uasPorts = {VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort()};
            int callerPort = VtoProcess.freeUdpPort();
            Path registrations = dir.resolve("reg.csv");
            Files.write(
                    registrations,
                    List.of(
                            "SEQUENTIAL",
                            "101%230;[authentication username=101#0 password=Pw-101-0];" + uasPorts[0],
                            "101%231;[authentication username=101#1 password=Pw-101-1];" + uasPorts[1],
                            "101%232;[authentication username=101#2 password=Pw-101-2];" + uasPorts[2],
                            "8002;[authentication username=8002 password=Pw-8002];" + callerPort));
            Sipp.Result reg = SipRegistrarIT.sipp(sipPort, "register-contact.xml", registrations, 4, 10);
            assertThat(reg.exitCode()).as(reg.output()).isZero();

            List<Process> monitors = new ArrayList<>();
            monitors.add(uas("uas-answer.xml", uasPorts[0]));
            monitors.add(uas("uas-ring-cancelled.xml", uasPorts[1]));
            monitors.add(uas("uas-ring-cancelled.xml", uasPorts[2]));
            listening(uasPorts);

            Path call = dir.resolve("call.csv");
            Files.write(call, List.of("SEQUENTIAL", "8002;[authentication username=8002 password=Pw-8002];101"));
            Sipp.Result caller = sippFrom(callerPort, sipPort, "uac-call.xml", call);
            assertThat(caller.exitCode())
                    .as("caller: 407, then 180s, 200, ACK, BYE\n" + caller.output())
                    .isZero();
            for (int i = 0; i < monitors.size(); i++) {
                Process m = monitors.get(i);
                assertThat(m.waitFor(20, TimeUnit.SECONDS))
                        .as("monitor %d finished its scenario", i)
                        .isTrue();
                assertThat(m.exitValue())
                        .as("monitor %d (%s)", i, i == 0 ? "answered" : "ringing, then cancelled")
                        .isZero();
            }

            // VTO-to-VTO: 8003 (a SIPp UAS) is called by its number the same way.
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/vtos",
                                    "{\"recNo\":\"8003\",\"ipAddress\":\"192.168.1.110\",\"registerPassword\":\"Pw-8003\"}")
                            .statusCode())
                    .isEqualTo(201);
            int vtoPort = VtoProcess.freeUdpPort();
            Path vtoReg = dir.resolve("vto-reg.csv");
            Files.write(
                    vtoReg, List.of("SEQUENTIAL", "8003;[authentication username=8003 password=Pw-8003];" + vtoPort));
            assertThat(SipRegistrarIT.sipp(sipPort, "register-contact.xml", vtoReg, 1, 1)
                            .exitCode())
                    .isZero();
            Process otherVto = uas("uas-answer.xml", vtoPort);
            listening(vtoPort);
            Path vtoCall = dir.resolve("vto-call.csv");
            Files.write(vtoCall, List.of("SEQUENTIAL", "8002;[authentication username=8002 password=Pw-8002];8003"));
            Sipp.Result vtoToVto = sippFrom(callerPort, sipPort, "uac-call.xml", vtoCall);
            assertThat(vtoToVto.exitCode())
                    .as("VTO 8002 calls VTO 8003\n" + vtoToVto.output())
                    .isZero();
            assertThat(otherVto.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(otherVto.exitValue()).isZero();

            // early media (183 with the door video's SDP) passes through from every monitor; all busy → 486
            for (String room : new String[] {"301#0", "301#1"}) {
                assertThat(api.send(
                                        vto.baseUrl(),
                                        "POST",
                                        "/api/v1/rooms",
                                        "{\"roomNo\":\"" + room + "\",\"registerPassword\":\"Pw-"
                                                + room.replace("#", "-") + "\"}")
                                .statusCode())
                        .isEqualTo(201);
            }
            int[] busyPorts = {VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort()};
            Path busyReg = dir.resolve("busy-reg.csv");
            Files.write(
                    busyReg,
                    List.of(
                            "SEQUENTIAL",
                            "301%230;[authentication username=301#0 password=Pw-301-0];" + busyPorts[0],
                            "301%231;[authentication username=301#1 password=Pw-301-1];" + busyPorts[1]));
            assertThat(SipRegistrarIT.sipp(sipPort, "register-contact.xml", busyReg, 2, 10)
                            .exitCode())
                    .isZero();
            List<Process> busy = List.of(
                    uas("uas-early-media-busy.xml", busyPorts[0]), uas("uas-early-media-busy.xml", busyPorts[1]));
            listening(busyPorts);
            Path busyCall = dir.resolve("busy-call.csv");
            Files.write(busyCall, List.of("SEQUENTIAL", "8002;[authentication username=8002 password=Pw-8002];301"));
            double[] mostActive = {0};
            Thread watcher = Thread.ofVirtual()
                    .start(
                            () -> { // both monitors ring (early dialogs) for a second
                                while (!Thread.currentThread().isInterrupted()) {
                                    try {
                                        mostActive[0] = Math.max(mostActive[0], activeCalls(api, vto));
                                        Thread.sleep(20);
                                    } catch (Exception e) {
                                        return;
                                    }
                                }
                            });
            Sipp.Result busyCaller = sippFrom(callerPort, sipPort, "uac-call-early-media-busy.xml", busyCall);
            watcher.interrupt();
            watcher.join();
            assertThat(busyCaller.exitCode())
                    .as("183 with video SDP, then 486 from all\n" + busyCaller.output())
                    .isZero();
            assertThat(mostActive[0])
                    .as("one early dialog per ringing monitor, seen in /metrics")
                    .isEqualTo(2.0);
            for (Process m : busy) {
                assertThat(m.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(m.exitValue())
                        .as("busy monitor got the ACK for its 486")
                        .isZero();
            }
            assertThat(activeCalls(api, vto))
                    .as("every dialog of the calls above ended (BYE, CANCEL/487, 486)")
                    .isZero();

            assertThat(rejected(sipPort, "201", "Pw-8002", 480).exitCode())
                    .as("offline room")
                    .isZero();
            assertThat(rejected(sipPort, "999", "Pw-8002", 404).exitCode())
                    .as("unknown number")
                    .isZero();
            assertThat(rejected(sipPort, "101", "wrong", 403).exitCode())
                    .as("wrong password after the challenge")
                    .isZero();
        }
    }

    /** The {@code openvto_sip_calls_active} gauge from /metrics. */
    private static double activeCalls(DigestClient api, VtoProcess vto) throws Exception {
        var m = java.util.regex.Pattern.compile("(?m)^openvto_sip_calls_active\\{[^}]*} ([0-9.]+)$")
                .matcher(api.send(vto.baseUrl(), "GET", "/metrics", null).body());
        if (!m.find()) {
            throw new AssertionError("no openvto_sip_calls_active in /metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    private Sipp.Result rejected(int sipPort, String callee, String password, int code) throws Exception {
        Path scenario = dir.resolve("uac-" + code + ".xml");
        Files.writeString(
                scenario,
                Files.readString(Path.of("src/test/resources/sipp/uac-call-rejected.xml"))
                        .replace("RESPONSE_CODE", String.valueOf(code)));
        Path csv = dir.resolve("rejected-" + code + ".csv");
        Files.write(
                csv, List.of("SEQUENTIAL", "8002;[authentication username=8002 password=" + password + "];" + callee));
        return sippFrom(VtoProcess.freeUdpPort(), sipPort, scenario.toString(), csv);
    }

    private Process uas(String scenario, int port) throws Exception {
        return Sipp.answering(Path.of("src/test/resources/sipp", scenario), port, dir.resolve("uas-" + port + ".log"));
    }

    private Sipp.Result sippFrom(int localPort, int sipPort, String scenario, Path csv) throws Exception {
        Path sf = scenario.startsWith("/") ? Path.of(scenario) : Path.of("src/test/resources/sipp", scenario);
        return Sipp.client(sipPort, sf)
                .users(csv)
                .calls(1)
                .localPort(localPort)
                .timeout(Duration.ofSeconds(30))
                .messagesTo(dir.resolve("uac-" + localPort + ".log"))
                .run(Duration.ofSeconds(60));
    }

    /** Waits until each SIPp monitor has bound its port (a real signal, not a pause hoping it was quick). */
    private static void listening(int... ports) throws InterruptedException {
        for (int port : ports) {
            Await.until("SIPp UAS listening on UDP " + port, Duration.ofSeconds(10), () -> Ports.udpBound(port));
        }
    }
}

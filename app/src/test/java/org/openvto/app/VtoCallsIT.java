package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.Await;
import org.openvto.testkit.peers.Baresip;
import org.openvto.testkit.peers.PeerTransport;
import org.openvto.testkit.peers.RtpCounts;

/**
 * The VTO's own calls against real peers on loopback (issue: calls). One VTO for the class, made the building SIP
 * server; the tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VtoCallsIT {
    static final String PASSWORD = "Door#Bell42";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Short, so that the missed call does not take the default 30 s. */
    static final int RING_TIMEOUT_SECONDS = 8;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) // logs stay for a failure
    static Path dir;

    static VtoProcess vto;
    static DigestClient api;
    static int sipPort;

    @BeforeAll
    static void start() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        vto = new VtoProcess(
                        data,
                        "VtoCallsIT",
                        java.util.Map.of("OPENVTO_CALL_RING_TIMEOUT_SECONDS", String.valueOf(RING_TIMEOUT_SECONDS)))
                .start();
        api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
        sipPort = vto.enableSipServer(api);
        IndoorMonitorsUdpIT.awaitSipListening(vto);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vto != null) {
            vto.close();
        }
    }

    static JsonNode ok(String method, String path, String json) throws Exception {
        var r = api.send(vto.baseUrl(), method, "/api/v1" + path, json == null ? null : json.replace('\'', '"'));
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    /** Waits until {@code check} holds for the façade's state; returns it. */
    static JsonNode awaitFacade(String what, java.util.function.Predicate<JsonNode> check) throws Exception {
        JsonNode[] last = new JsonNode[1];
        Await.until(what, Duration.ofSeconds(15), () -> {
            try {
                last[0] = get("/facade/state");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return check.test(last[0]);
        });
        return last[0];
    }

    /** Baresip as {@code 101#0}, registered through the VTO; {@code answerMode} {@code auto} or {@code manual}. */
    static Baresip room101Master(String name, boolean video, String answerMode) throws Exception {
        var options = Baresip.Options.of(
                PeerTransport.UDP, VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort());
        Baresip phone = Baresip.start(dir.resolve(name), video ? options.withVideo() : options);
        try {
            phone.register(
                    "sip:101%230@VDP",
                    PeerTransport.UDP.proxyUri(sipPort), "101#0", "Pw-101-0", answerMode, Duration.ofSeconds(15));
            return phone;
        } catch (Exception | AssertionError e) {
            phone.close();
            throw e;
        }
    }

    /** Waits until the JSON at {@code path} satisfies {@code check}. */
    static void awaitJson(String what, String path, java.util.function.Predicate<JsonNode> check) throws Exception {
        Await.until(what, Duration.ofSeconds(10), () -> {
            try {
                return check.test(get(path));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static JsonNode get(String path) throws Exception {
        var r = api.send(vto.baseUrl(), "GET", "/api/v1" + path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode awaitRegistration(String state) throws Exception {
        JsonNode[] last = new JsonNode[1];
        Await.until("registration " + state, Duration.ofSeconds(15), () -> {
            try {
                last[0] = get("/sip-server/registration");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return last[0].path("state").asText().equals(state);
        });
        return last[0];
    }

    @Test
    @Order(1)
    void withoutItsVtoListEntryTheVtoSaysWhyItCannotRegisterAndWithItItRegisters() throws Exception {
        JsonNode failed = awaitRegistration("failed");
        assertThat(failed.path("reason").asText()).contains("not in the VTO list", "4.2.5");

        var added = api.send(
                vto.baseUrl(),
                "POST",
                "/api/v1/vtos",
                "{\"recNo\":\"8001\",\"ipAddress\":\"192.168.1.108\",\"registerPassword\":\"Pw-8001\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode ok = awaitRegistration("registered");
        assertThat(ok.path("server").asText()).isEqualTo("127.0.0.1:" + sipPort);
        assertThat(ok.path("until").asText()).isNotBlank();
        String vtos =
                api.send(vto.baseUrl(), "GET", "/api/v1/vtos?limit=100", null).body();
        assertThat(vtos).as("the VTO itself shows online in its list").contains("\"online\"");
    }

    @Order(2)
    @Test
    void aKeyPressRingsBaresipWhichAnswersGetsVideoAndAudioAndOpensTheDoorWithHash() throws Exception {
        ok("POST", "/rooms", "{'roomNo':'101#0','registerPassword':'Pw-101-0'}");
        ok(
                "PUT",
                "/facade",
                "{'model':'VTO4202F-MB5','modules':[{'kind':'camera','keys':['101']},{'kind':'keyboard'}]}");
        try (Baresip phone = room101Master("baresip", true, "auto")) {
            IndoorMonitorsUdpIT.awaitOnline(api, vto, "101%230");

            ok("POST", "/facade/keys", "{'module':0,'key':0}");
            phone.waitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            awaitFacade("talk indicator", f -> f.path("indicators").toString().contains("talk"));
            // baresip's RTCP: it sent PCMU and the VTO's sender reports say the VTO sent to it
            RtpCounts rtp = phone.waitRtp(Duration.ofSeconds(15));
            assertThat(rtp.bothWays()).as(rtp.toString()).isTrue();

            phone.sendDtmf('#');
            JsonNode opened = awaitFacade(
                    "lock 1 energized",
                    f -> f.path("locks").path(0).path("energized").asBoolean());
            assertThat(opened.path("locks").path(0).path("until").asText()).isNotBlank();

            phone.hangup();
            phone.waitEvent("CALL_CLOSED", Duration.ofSeconds(10));
            JsonNode[] calls = new JsonNode[1];
            Await.until("the call record", Duration.ofSeconds(10), () -> {
                try {
                    calls[0] = get("/records/calls?limit=10").path("records");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return calls[0].size() == 1;
            });
            JsonNode call = calls[0].get(0);
            assertThat(call.toString()).contains("answered", "101#0");
            JsonNode unlock = get("/records/unlocks?limit=10").path("records").get(0);
            assertThat(unlock.toString()).contains("dtmf", "101");
            String log = Files.readString(phone.log());
            Files.writeString(Path.of("target", "it-logs", "VtoCallsIT-baresip.log"), log); // for a look afterwards
            assertThat(log)
                    .as("baresip decoded H.264 pictures of the sub stream")
                    .contains("video: receiving with resolution 320 x 180");
        }
    }

    @Order(3)
    @Test
    void anIndoorMonitorWatchesTheDoorSeesTheCameraAndOpensTheDoor() throws Exception {
        try (Baresip phone = room101Master("baresip-monitor", true, "manual")) {
            int unlocksBefore = get("/records/unlocks?limit=1").path("total").asInt();
            phone.dial("sip:8001@VDP");
            phone.waitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            assertThat(phone.waitRtp(Duration.ofSeconds(15)).bothWays()).isTrue();
            phone.sendDtmf('#');
            awaitFacade(
                    "lock 1 energized",
                    f -> f.path("locks").path(0).path("energized").asBoolean());
            phone.hangup();
            phone.waitEvent("CALL_CLOSED", Duration.ofSeconds(10));
            String log = Files.readString(phone.log());
            assertThat(log).as("the monitor decoded the door camera").contains("video: receiving with resolution");
            awaitJson(
                    "the monitor session's record",
                    "/records/calls?limit=10",
                    j -> j.toString().contains("incoming"));
            assertThat(get("/records/unlocks?limit=1").path("total").asInt()).isEqualTo(unlocksBefore + 1);
        }
    }

    /**
     * A SIPp indoor monitor that rings with early media until it is cancelled: INVITE → 183 with SDP (PCMU and H.264
     * mode 1 to the test's own UDP ports) → CANCEL → 200 + 487 → ACK.
     */
    static Path earlyMediaMonitor(int audioPort, int videoPort) throws Exception {
        String scenario = """
                <?xml version="1.0" encoding="ISO-8859-1" ?>
                <scenario name="VTH early media until cancelled">
                  <recv request="INVITE">
                    <action>
                      <ereg regexp="[0-9]+" search_in="hdr" header="CSeq:" check_it="true" assign_to="cseq"/>
                    </action>
                  </recv>
                  <send>
                    <![CDATA[
                      SIP/2.0 183 Session Progress
                      [last_Via:]
                      [last_From:]
                      [last_To:];tag=[pid]early[call_number]
                      [last_Call-ID:]
                      [last_CSeq:]
                      Contact: <sip:[local_ip]:[local_port];transport=[transport]>
                      Content-Type: application/sdp
                      Content-Length: [len]

                      v=0
                      o=vth 1 1 IN IP4 127.0.0.1
                      s=-
                      c=IN IP4 127.0.0.1
                      t=0 0
                      m=audio AUDIO RTP/AVP 0 101
                      a=rtpmap:0 PCMU/8000
                      a=rtpmap:101 telephone-event/8000
                      a=sendrecv
                      m=video VIDEO RTP/AVP 96
                      a=rtpmap:96 H264/90000
                      a=fmtp:96 profile-level-id=42e01f;packetization-mode=1
                      a=recvonly

                    ]]>
                  </send>
                  <recv request="CANCEL"/>
                  <send>
                    <![CDATA[
                      SIP/2.0 200 OK
                      [last_Via:]
                      [last_From:]
                      [last_To:];tag=[pid]early[call_number]
                      [last_Call-ID:]
                      [last_CSeq:]
                      Content-Length: 0

                    ]]>
                  </send>
                  <send>
                    <![CDATA[
                      SIP/2.0 487 Request Terminated
                      [last_Via:]
                      [last_From:]
                      [last_To:];tag=[pid]early[call_number]
                      [last_Call-ID:]
                      CSeq: [$cseq] INVITE
                      Content-Length: 0

                    ]]>
                  </send>
                  <recv request="ACK"/>
                </scenario>
                """.replace("AUDIO", String.valueOf(audioPort)).replace("VIDEO", String.valueOf(videoPort));
        Path file = dir.resolve("early-" + videoPort + ".xml");
        Files.writeString(file, scenario);
        return file;
    }

    /** Counts the RTP packets of payload type {@code pt} arriving on {@code socket} until {@code count} came. */
    static int awaitRtp(java.net.DatagramSocket socket, int pt, int count) throws Exception {
        socket.setSoTimeout(10_000);
        byte[] buf = new byte[2048];
        int seen = 0;
        while (seen < count) {
            var packet = new java.net.DatagramPacket(buf, buf.length);
            socket.receive(packet); // throws SocketTimeoutException when the video never comes
            if (packet.getLength() > 12 && (buf[1] & 0x7f) == pt) {
                seen++;
            }
        }
        return seen;
    }

    @Order(4)
    @Test
    void aGroupCallSendsVideoToTheRingingMonitorsAndTheFirstToAnswerGetsTheCall() throws Exception {
        for (String room : new String[] {"101#1", "101#2"}) {
            ok("POST", "/rooms", "{'roomNo':'" + room + "','registerPassword':'Pw-" + room.replace("#", "-") + "'}");
        }
        int[] sipPorts = {VtoProcess.freeUdpPort(), VtoProcess.freeUdpPort()};
        Path reg = dir.resolve("group-reg.csv");
        Files.write(
                reg,
                java.util.List.of(
                        "SEQUENTIAL",
                        "101%231;[authentication username=101#1 password=Pw-101-1];" + sipPorts[0],
                        "101%232;[authentication username=101#2 password=Pw-101-2];" + sipPorts[1]));
        assertThat(SipRegistrarIT.sipp(sipPort, "register-contact.xml", reg, 2, 10)
                        .exitCode())
                .isZero();
        try (var video1 = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
                var video2 = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
                Baresip phone = room101Master("baresip-group", true, "manual")) {
            Process m1 = org.openvto.testkit.peers.Sipp.answering(
                    earlyMediaMonitor(VtoProcess.freeUdpPort(), video1.getLocalPort()),
                    sipPorts[0],
                    dir.resolve("m1.log"));
            Process m2 = org.openvto.testkit.peers.Sipp.answering(
                    earlyMediaMonitor(VtoProcess.freeUdpPort(), video2.getLocalPort()),
                    sipPorts[1],
                    dir.resolve("m2.log"));
            for (int port : sipPorts) {
                Await.until("SIPp on " + port, Duration.ofSeconds(10), () -> org.openvto.testkit.Ports.udpBound(port));
            }

            ok("POST", "/facade/keys", "{'module':0,'key':0}");
            phone.waitEvent("CALL_INCOMING", Duration.ofSeconds(10));
            assertThat(awaitRtp(video1, 96, 20))
                    .as("101#1 sees the visitor before answering")
                    .isEqualTo(20);
            assertThat(awaitRtp(video2, 96, 20)).as("101#2 too").isEqualTo(20);
            phone.accept();
            phone.waitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            for (Process m : java.util.List.of(m1, m2)) {
                assertThat(m.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(m.exitValue())
                        .as("ringing with early media, then CANCEL")
                        .isZero();
            }
            phone.hangup();
            phone.waitEvent("CALL_CLOSED", Duration.ofSeconds(10));
        }
    }

    @Order(5)
    @Test
    void nobodyAnsweringIsAMissedCallAfterTheRingTimeout() throws Exception {
        try (Baresip phone = room101Master("baresip-missed", false, "manual")) {
            ok("POST", "/facade/keys", "{'module':0,'key':0}");
            phone.waitEvent("CALL_INCOMING", Duration.ofSeconds(10));
            phone.waitEvent("CALL_CLOSED", Duration.ofSeconds(RING_TIMEOUT_SECONDS + 10));
            awaitJson(
                    "a missed call record",
                    "/records/calls?limit=1",
                    j -> j.path("records").path(0).toString().contains("missed"));
        }
    }

    /**
     * {@code uas-answer.xml} answering with {@code audio} (the m=audio line's protocol and formats onwards) and the
     * video stream declined with port 0, as RFC 3264 §6 asks of a device without video.
     */
    static Path answerScenario(String name, String audio) throws Exception {
        String pcmu = "RTP/AVP 0\n      a=rtpmap:0 PCMU/8000";
        String text = Files.readString(Path.of("src/test/resources/sipp/uas-answer.xml"));
        assertThat(text).contains(pcmu);
        Path file = dir.resolve("uas-" + name + ".xml");
        Files.writeString(file, text.replace(pcmu, audio + "\n      m=video 0 RTP/AVP 96"));
        return file;
    }

    @Order(6)
    @Test
    void theCallCentreKeyEndsTheRingingVisitorCallAndCallsTheCentre() throws Exception {
        ok("PUT", "/sip-server", "{'centrePassword':'Centre#Pw1'}");
        awaitRegistration("registered");
        int centrePort = VtoProcess.freeUdpPort();
        Path reg = dir.resolve("centre-reg.csv");
        Files.write(
                reg,
                java.util.List.of(
                        "SEQUENTIAL", "888888;[authentication username=888888 password=Centre#Pw1];" + centrePort));
        assertThat(SipRegistrarIT.sipp(sipPort, "register-contact.xml", reg, 1, 1)
                        .exitCode())
                .isZero();
        try (Baresip phone = room101Master("baresip-emergency", false, "manual")) {
            Process centre = org.openvto.testkit.peers.Sipp.answering(
                    answerScenario("centre", "RTP/AVP 0\n      a=rtpmap:0 PCMU/8000"),
                    centrePort,
                    dir.resolve("centre.log"));
            Await.until(
                    "the centre listening",
                    Duration.ofSeconds(10),
                    () -> org.openvto.testkit.Ports.udpBound(centrePort));
            ok("POST", "/facade/keys", "{'module':0,'key':0}");
            phone.waitEvent("CALL_INCOMING", Duration.ofSeconds(10));
            ok("POST", "/facade/keypad", "{'key':'M'}");
            phone.waitEvent("CALL_CLOSED", Duration.ofSeconds(10)); // the visitor call was ended first
            awaitFacade(
                    "talking with the centre",
                    f -> f.path("indicators").toString().contains("talk"));
            ok("POST", "/facade/keypad", "{'key':'C'}"); // the call key hangs up
            assertThat(centre.waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(centre.exitValue()).as("the centre answered and got BYE").isZero();
            Await.until("the emergency call's record", Duration.ofSeconds(10), () -> {
                try {
                    JsonNode last =
                            get("/records/calls?limit=1").path("records").path(0);
                    return last.path("emergency").asBoolean() && last.toString().contains("888888");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Order(7)
    @Test
    void anAnswerWithoutACommonCodecEndsTheCallCleanlyAndIsRecorded() throws Exception {
        int port = VtoProcess.freeUdpPort();
        Path reg = dir.resolve("g722-reg.csv");
        Files.write(
                reg,
                java.util.List.of("SEQUENTIAL", "101%230;[authentication username=101#0 password=Pw-101-0];" + port));
        assertThat(SipRegistrarIT.sipp(sipPort, "register-contact.xml", reg, 1, 1)
                        .exitCode())
                .isZero();
        Path scenario = answerScenario("g722", "RTP/AVP 9\n      a=rtpmap:9 G722/8000");
        Process monitor = org.openvto.testkit.peers.Sipp.answering(scenario, port, dir.resolve("g722.log"));
        Await.until("SIPp listening", Duration.ofSeconds(10), () -> org.openvto.testkit.Ports.udpBound(port));
        ok("POST", "/facade/keys", "{'module':0,'key':0}");
        assertThat(monitor.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(monitor.exitValue())
                .as("answered, ACKed, then BYE from the VTO")
                .isZero();
        Await.until("a failed call record naming the codecs", Duration.ofSeconds(10), () -> {
            try {
                String last =
                        get("/records/calls?limit=1").path("records").path(0).toString();
                return last.contains("failed") && last.contains("G722");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(get("/facade/state").path("indicators").toString()).doesNotContain("talk");
    }
}

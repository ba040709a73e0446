package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.app.centre.SipCentreDestination;
import org.openvto.centre.CentreDestination.Delivery;
import org.openvto.centre.OutboxMessage;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SystemType;
import org.openvto.network.ServerType;
import org.openvto.testkit.Await;
import org.openvto.testkit.Ports;
import org.openvto.testkit.peers.Sipp;
import org.openvto.validation.Result;

/**
 * Alarms to the management centre by SIP MESSAGE (RFC 3428) with a real SIPp centre: the VTO runs as the building SIP
 * server — its real {@link SipSupervisor} on its data directory and database, set up through the same domain
 * services the console's API calls (System Type TCP/IP, SIP Server enabled with type VTO, the centre's register
 * password) —, SIPp registers as {@code 888888} with digest, and {@link SipCentreDestination} sends to it: SIPp checks
 * the MESSAGE (Request-URI, {@code application/json}, {@code X-OpenVTO-Key}, the key in the JSON) and answers 200 →
 * delivered; answering 500 → failed with that answer; SIPp gone → failed after the destination's own timeout; before
 * the registration and after it is removed → {@code 888888 is not registered}.
 *
 * <p>In-process rather than {@link VtoProcess}: it drives the destination directly to see each answer's outcome (the
 * running VTO's outbox is covered end to end by {@code CentreDeliveryIT}).
 */
class CentreSipMessageIT {
    private static final String CENTRE_PASSWORD = "Centre-Pw-7";

    @TempDir
    Path dir;

    private final Deque<AutoCloseable> stack = new ArrayDeque<>();

    @AfterEach
    void tearDown() {
        Vto.closeAll(stack);
    }

    private static OutboxMessage alarm(int id) {
        return OutboxMessage.create(
                "sip",
                "vto-alarm-" + id,
                "alarm/duress/raised",
                "{\"type\":\"duress\",\"detail\":\"PIN of Anna Müller, room 101\",\"room\":\"101\"}",
                Instant.now());
    }

    @Test
    void aRegisteredCentreGetsTheAlarmAsAMessageAndItsAnswerDecidesTheDelivery() throws Exception {
        OpenVtoConfig config = OpenVtoConfig.load(
                null, Map.of("OPENVTO_SIP_WARMUP_REGISTRATIONS", "0"), Ports.freeOffset(8080, 5060, 5061));
        Vto.Core core = Vto.Core.open(config, dir.resolve("data"), BuildInfo.load(), stack);
        var installation = core.installation();
        DeviceProperties device = installation.device().current();
        assertThat(installation
                        .device()
                        .update(new DeviceProperties(
                                device.deviceName(),
                                device.vtoNumber(),
                                SystemType.TCP_IP,
                                device.buildingNo(),
                                device.unitNo())))
                .isInstanceOf(Result.Applied.class);
        assertThat(installation
                        .sipServer()
                        .update(installation.sipServer().current().toBuilder()
                                .enabled(true)
                                .type(ServerType.VTO)
                                .centrePassword(CENTRE_PASSWORD)
                                .build()))
                .isInstanceOf(Result.Applied.class);
        SipSupervisor sip = new SipSupervisor(
                installation,
                config.sip(),
                config.http().bindAddress(),
                core.db().sipBindings(),
                core.clock(),
                core.bus(),
                core.dir().path());
        stack.push(sip);
        sip.start();
        Await.until(
                "the SIP server runs",
                Duration.ofSeconds(10),
                () -> sip.server().isPresent());
        int sipPort = sip.port();
        SipCentreDestination centre = new SipCentreDestination(
                SipCentreDestination.Config.of("888888", 5_000),
                sip::server,
                SipCentreDestination.vtoAddress(installation));

        assertThat(centre.deliver(alarm(1))).isEqualTo(new Delivery.Failed("888888 is not registered"));

        int registerPort = Ports.freeUdp();
        int centrePort = Ports.freeUdp();
        Sipp.Result reg = register(sipPort, registerPort, centrePort, "register-contact.xml");
        assertThat(reg.exitCode())
                .as("888888 registers with digest\n" + reg.output())
                .isZero();
        String contact = "sip:888888@127.0.0.1:" + centrePort + ";transport=UDP";

        Process ok = centreAnswering(centrePort, 200, "OK");
        assertThat(centre.deliver(alarm(17))).isEqualTo(Delivery.DELIVERED);
        assertFinished(ok, "the centre checked the MESSAGE and answered 200");
        String seen = Files.readString(dir.resolve("centre-200.log"));
        assertThat(seen)
                .contains("MESSAGE " + contact + " SIP/2.0")
                .contains("From: <sip:" + installation.device().current().vtoNumber() + "@VDP>;tag=")
                .contains("To: <sip:888888@VDP>")
                .contains("Content-Type: application/json")
                .contains("X-OpenVTO-Key: vto-alarm-17")
                .contains("X-OpenVTO-Topic: alarm/duress/raised")
                .contains("{\"key\":\"vto-alarm-17\",\"type\":\"duress\",\"detail\":\"PIN of Anna Müller, room 101\"");

        Process refusing = centreAnswering(centrePort, 500, "Server Internal Error");
        assertThat(centre.deliver(alarm(18)))
                .isEqualTo(new Delivery.Failed("888888 at " + contact + " answered 500 Server Internal Error"));
        assertFinished(refusing, "the centre answered 500");

        // registered, but nobody listens any more: no answer, failed when the destination's own cap is up
        SipCentreDestination impatient = new SipCentreDestination(
                SipCentreDestination.Config.of("888888", 1_500),
                sip::server,
                SipCentreDestination.vtoAddress(installation));
        long start = System.nanoTime();
        assertThat(impatient.deliver(alarm(19))).isEqualTo(new Delivery.Failed("no answer from 888888 within 1500 ms"));
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_500L, 3_000L);

        Path unregister = dir.resolve("unregister.xml");
        Files.writeString(
                unregister,
                Files.readString(Path.of("src/test/resources/sipp/register-contact.xml"))
                        .replace("Expires: 60", "Expires: 0"));
        Sipp.Result gone = register(sipPort, registerPort, centrePort, unregister.toString());
        assertThat(gone.exitCode())
                .as("888888 removes its registration\n" + gone.output())
                .isZero();
        assertThat(centre.deliver(alarm(20))).isEqualTo(new Delivery.Failed("888888 is not registered"));
    }

    /** REGISTER (digest) from {@code from} with the Contact on {@code contactPort}, where the centre will listen. */
    private Sipp.Result register(int sipPort, int from, int contactPort, String scenario) throws Exception {
        Path csv = dir.resolve("centre-" + contactPort + ".csv");
        Files.write(
                csv,
                List.of(
                        "SEQUENTIAL",
                        "888888;[authentication username=888888 password=" + CENTRE_PASSWORD + "];" + contactPort));
        Path sf = scenario.startsWith("/") ? Path.of(scenario) : Path.of("src/test/resources/sipp", scenario);
        return Sipp.client(sipPort, sf)
                .users(csv)
                .calls(1)
                .localPort(from)
                .timeout(Duration.ofSeconds(30))
                .messagesTo(dir.resolve("register-" + from + "-" + sf.getFileName() + ".log"))
                .run(Duration.ofSeconds(60));
    }

    /** SIPp as the centre on {@code port}: takes one MESSAGE, checks it and answers {@code code}. */
    private Process centreAnswering(int port, int code, String reason) throws Exception {
        Path scenario = dir.resolve("centre-message-uas-" + code + ".xml");
        Files.writeString(
                scenario,
                Files.readString(Path.of("src/test/resources/sipp/centre-message-uas.xml"))
                        .replace("RESPONSE_CODE", String.valueOf(code))
                        .replace("RESPONSE_REASON", reason));
        Process p = Sipp.answering(scenario, port, dir.resolve("centre-" + code + ".log"));
        Await.until("SIPp centre listening on UDP " + port, Duration.ofSeconds(10), () -> Ports.udpBound(port));
        return p;
    }

    private void assertFinished(Process p, String what) throws Exception {
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as(what + ": SIPp exited").isTrue();
        assertThat(p.exitValue()).as(what + "\n" + outputOf(p)).isZero();
    }

    private String outputOf(Process p) throws Exception {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".out")).toList()) {
                b.append(f.getFileName()).append(":\n").append(Files.readString(f));
            }
        }
        return b.toString();
    }
}

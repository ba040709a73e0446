package org.openvto.centre.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openvto.centre.OutboxMessage;
import org.openvto.config.ConfigException;

/** RFC 5424 messages from outbox messages: the header against the RFC's examples, escaping, severity, size. */
class Rfc5424FormatterTest {
    private static final Instant AT = Instant.parse("2003-10-11T22:14:15.003Z"); // RFC 5424 §6.5, example 3
    private static final String BOM = "\uFEFF";

    private static OutboxMessage message(String key, String topic, String body) {
        return OutboxMessage.create("syslog", key, topic, body, AT);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderIsLaidOutAsInTheRfcExample() {
        // §6.5 example 3: <165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473
        // iut="3" eventSource="Application" eventID="1011"] BOMAn application event log entry...
        // local4 (20) × 8 + notice (5) = 165, as in the example
        byte[] out = new Rfc5424Formatter(20, "mymachine.example.com", 2048)
                .format(message("vto-security-3", "security/login/failed", "{\"user\":\"admin\"}"));
        assertThat(text(out))
                .isEqualTo("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com openvto - security/login/failed"
                        + " [openvto@32473 key=\"vto-security-3\" topic=\"security/login/failed\"] " + BOM
                        + "{\"user\":\"admin\"}");
        Rfc5424Parser.Message m = Rfc5424Parser.parse(out);
        assertThat(m.facility()).isEqualTo(20);
        assertThat(m.severity()).isEqualTo(5);
        assertThat(m.bom()).isTrue();
        assertThat(m.sd())
                .isEqualTo(Map.of("openvto@32473", Map.of("key", "vto-security-3", "topic", "security/login/failed")));
    }

    @ParameterizedTest
    @CsvSource({
        "alarm/tamper/raised, 1",
        "alarm/duress/raised, 1",
        "alarm/forced-open/raised, 1",
        "alarm/tamper/cleared, 1",
        "alarm/door-not-closed/raised, 4",
        "alarm/keypad-locked/raised, 4",
        "security/login/failed, 5",
        "security/sip/lockout, 5",
        "door/1/opened, 5"
    })
    void theSeverityComesFromTheTopic(String topic, int severity) {
        assertThat(Rfc5424Formatter.severity(topic)).isEqualTo(severity);
        byte[] out = new Rfc5424Formatter(16, "vto", 2048).format(message("k", topic, "{}"));
        assertThat(text(out)).startsWith("<" + (16 * 8 + severity) + ">1 ");
    }

    @Test
    void quoteBackslashAndClosingBracketAreEscapedInParamValuesAsSection6_3_3Says() {
        assertThat(Rfc5424Formatter.paramValue("a\"b\\c]d[e=f")).isEqualTo("a\\\"b\\\\c\\]d[e=f");
        byte[] out = new Rfc5424Formatter(16, "vto", 2048).format(message("k\"]\\", "alarm/x]\"/raised", "{}"));
        Rfc5424Parser.Message m = Rfc5424Parser.parse(out);
        assertThat(m.sd().get("openvto@32473")).isEqualTo(Map.of("key", "k\"]\\", "topic", "alarm/x]\"/raised"));
        assertThat(text(out)).contains("key=\"k\\\"\\]\\\\\" topic=\"alarm/x\\]\\\"/raised\"");
    }

    @Test
    void fieldsOutsidePrintableAsciiAreReplacedAndCutToTheirLimits() {
        byte[] out = new Rfc5424Formatter(16, "Tür 1 vto", 2048)
                .format(message("k", "alarm/duress/raised with a very long topic name", "{}"));
        Rfc5424Parser.Message m = Rfc5424Parser.parse(out);
        assertThat(m.hostname()).isEqualTo("T_r_1_vto");
        assertThat(m.msgId()).isEqualTo("alarm/duress/raised_with_a_very_").hasSize(32);
        assertThat(m.sd().get("openvto@32473").get("topic"))
                .as("the SD keeps the whole topic")
                .isEqualTo("alarm/duress/raised with a very long topic name");
        assertThat(Rfc5424Parser.parse(new Rfc5424Formatter(16, "", 2048).format(message("k", "", "{}")))
                        .hostname())
                .isEqualTo("-");
    }

    @Test
    void theTimestampIsRfc3339InUtcWithMilliseconds() {
        OutboxMessage m =
                OutboxMessage.create("syslog", "k", "alarm/tamper/raised", "{}", Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(text(new Rfc5424Formatter(16, "vto", 2048).format(m)))
                .startsWith("<129>1 2026-12-01T12:00:00.000Z ");
        OutboxMessage far = OutboxMessage.create("syslog", "k", "alarm/tamper/raised", "{}", Instant.MAX);
        assertThat(Rfc5424Parser.parse(new Rfc5424Formatter(16, "vto", 2048).format(far))
                        .timestamp())
                .isEqualTo("-");
    }

    @Test
    void aLongBodyIsCutAtTheMaximumSizeAtACharacterBoundary() {
        String body = "{\"detail\":\"" + "Tür ☃ 🚨 ".repeat(300) + "\"}";
        for (int max : new int[] {480, 481, 482, 483, 1000, 2048}) {
            byte[] out = new Rfc5424Formatter(16, "vto-8001", max)
                    .format(message("vto-alarm-1", "alarm/duress/raised", body));
            assertThat(out.length).isLessThanOrEqualTo(max).isGreaterThan(max - 4);
            Rfc5424Parser.Message m = Rfc5424Parser.parse(out); // valid UTF-8 after the BOM: no character split
            assertThat(body).startsWith(m.text());
        }
        byte[] small = new Rfc5424Formatter(16, "vto", 2048).format(message("k", "alarm/duress/raised", "{}"));
        assertThat(text(small)).endsWith(BOM + "{}");
    }

    @Test
    void anEmptyBodyLeavesTheMessagePartOut() {
        byte[] out = new Rfc5424Formatter(16, "vto", 2048).format(message("k", "alarm/tamper/raised", ""));
        assertThat(text(out)).endsWith("topic=\"alarm/tamper/raised\"]");
        assertThat(Rfc5424Parser.parse(out).msg()).isEmpty();
    }

    @Test
    void theWorstCaseHeaderStillLeavesRoomInTheSmallestMessage() {
        String huge = "\"]\\🚨".repeat(500);
        byte[] out = new Rfc5424Formatter(23, "h".repeat(300), 480).format(message(huge, huge, "{\"a\":1}"));
        assertThat(out.length).isLessThanOrEqualTo(480);
        Rfc5424Parser.Message m = Rfc5424Parser.parse(out);
        assertThat(m.text()).isEqualTo("{\"a\":1}");
        assertThat(huge).startsWith(m.sd().get("openvto@32473").get("key"));
        assertThat(m.hostname()).hasSize(64);
    }

    @Test
    void octetCountingFramesTheMessageWithItsLengthInBytes() {
        byte[] msg = "<129>1 - - openvto - - - ☃".getBytes(StandardCharsets.UTF_8);
        assertThat(text(SyslogDestination.frame(msg))).isEqualTo(msg.length + " " + text(msg));
    }

    @Test
    void aBadSettingNamesItsKey() {
        assertThat(SyslogConfig.of("10.0.0.5", 514, "TCP", "local0", 2048, 5000))
                .isEqualTo(new SyslogConfig(
                        "10.0.0.5", 514, SyslogConfig.Transport.TCP, 16, 2048, java.time.Duration.ofSeconds(5)));
        assertThat(SyslogConfig.facility("auth")).isEqualTo(4);
        assertThat(SyslogConfig.facility(" 23 ")).isEqualTo(23);
        assertThatThrownBy(() -> SyslogConfig.of(" ", 514, "udp", "local0", 2048, 5000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("centre.syslog.host: must not be empty");
        assertThatThrownBy(() -> SyslogConfig.of("a b", 514, "udp", "local0", 2048, 5000))
                .hasMessageStartingWith("centre.syslog.host: must be an address or a host name");
        assertThatThrownBy(() -> SyslogConfig.of("h", 0, "udp", "local0", 2048, 5000))
                .hasMessage("centre.syslog.port: must be between 1 and 65535 (was 0)");
        assertThatThrownBy(() -> SyslogConfig.of("h", 514, "tls", "local0", 2048, 5000))
                .hasMessage("centre.syslog.transport: must be udp or tcp (was \"tls\")");
        assertThatThrownBy(() -> SyslogConfig.of("h", 514, "udp", "local8", 2048, 5000))
                .hasMessageStartingWith("centre.syslog.facility: must be a facility name");
        assertThatThrownBy(() -> SyslogConfig.of("h", 514, "udp", "24", 2048, 5000))
                .hasMessage("centre.syslog.facility: must be between 0 and 23 (was 24)");
        assertThatThrownBy(() -> SyslogConfig.of("h", 514, "udp", "local0", 479, 5000))
                .hasMessage("centre.syslog.max-size: must be between 480 and 65000 (was 479)");
        assertThatThrownBy(() -> SyslogConfig.of("h", 514, "udp", "local0", 2048, 99))
                .hasMessage("centre.syslog.timeout-ms: must be between 100 and 60000 (was 99)");
    }
}

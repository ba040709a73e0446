package org.openvto.centre.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.openvto.centre.OutboxMessage;

/**
 * Fuzz target: whatever the topic, key, host name and body (any UTF-16, unpaired surrogates included), facility and
 * maximum size, the formatter's output is a well-formed RFC 5424 message for the strict {@link Rfc5424Parser}, no
 * longer than the maximum, whose fields read back as what went in (cut, never changed); framed for TCP it reads
 * back whole.
 *
 * <p>A normal {@code mvn test} replays the seed corpus in
 * {@code src/test/resources/org/openvto/centre/syslog/Rfc5424FormatterFuzzTestInputs/}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -pl centre test -Dtest=Rfc5424FormatterFuzzTest}.
 */
class Rfc5424FormatterFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyMessageBecomesAWellFormedFrame(FuzzedDataProvider data) throws IOException {
        int facility = data.consumeInt(0, 23);
        int maxSize = data.consumeInt(SyslogConfig.MIN_SIZE, 4096);
        String hostname = data.consumeString(300);
        String key = data.consumeString(300);
        String topic = data.consumeString(300);
        String body = data.consumeRemainingAsString();
        OutboxMessage m = OutboxMessage.create("syslog", key, topic, body, Instant.parse("2026-12-01T12:00:00.250Z"));

        byte[] out = new Rfc5424Formatter(facility, hostname, maxSize).format(m);

        assertThat(out.length).isLessThanOrEqualTo(maxSize);
        Rfc5424Parser.Message parsed = Rfc5424Parser.parse(out);
        assertThat(parsed.pri()).isEqualTo(facility * 8 + Rfc5424Formatter.severity(topic));
        assertThat(parsed.timestamp()).isEqualTo("2026-12-01T12:00:00.250Z");
        assertThat(parsed.hostname()).isEqualTo(Rfc5424Formatter.printable(hostname, 64));
        assertThat(parsed.appName()).isEqualTo("openvto");
        assertThat(parsed.msgId()).isEqualTo(Rfc5424Formatter.printable(topic, 32));
        var sd = parsed.sd().get("openvto@32473");
        assertThat(withoutLoneSurrogates(key, '\uFFFD')).startsWith(sd.get("key"));
        assertThat(withoutLoneSurrogates(topic, '\uFFFD')).startsWith(sd.get("topic"));
        if (withoutLoneSurrogates(key, '\uFFFD').getBytes(StandardCharsets.UTF_8).length * 2 <= 128) {
            assertThat(sd.get("key")).as("short values are kept whole").isEqualTo(withoutLoneSurrogates(key, '\uFFFD'));
        }
        if (body.isEmpty()) {
            assertThat(parsed.msg()).isEmpty();
        } else {
            assertThat(parsed.bom()).isTrue();
            assertThat(withoutLoneSurrogates(body, '?')).startsWith(parsed.text());
        }
        byte[] framed = SyslogDestination.frame(out);
        assertThat(Rfc5424Parser.readFrame(new ByteArrayInputStream(framed))).isEqualTo(out);
    }

    /** How UTF-8 encoding sees {@code s}: an unpaired surrogate becomes {@code replacement}. */
    private static String withoutLoneSurrogates(String s, char replacement) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            b.appendCodePoint(n == 1 && Character.isSurrogate((char) cp) ? replacement : cp);
            i += n;
        }
        return b.toString();
    }
}

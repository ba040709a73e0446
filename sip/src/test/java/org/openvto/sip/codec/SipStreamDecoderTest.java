package org.openvto.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipStreamDecoderTest {
    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static final byte[] STREAM = concat(
            TestMessages.crlf("\r\n\r\n"),
            TestMessages.crlf(TestMessages.REGISTER),
            TestMessages.crlf("\r\n\r\n"),
            TestMessages.crlf(TestMessages.INVITE_WITH_BODY),
            TestMessages.crlf("\r\n"),
            TestMessages.crlf(TestMessages.RESPONSE),
            TestMessages.crlf("\r\n\r\n"));

    /** Feeds {@code chunks} into a fresh channel and returns the encoded form of every result. */
    private static List<String> feed(SipLimits limits, byte[]... chunks) {
        return feed(limits, false, chunks).stream()
                .filter(r -> !r.equals("KEEPALIVE"))
                .toList();
    }

    /** Like {@link #feed(SipLimits, byte[]...)}, with the keep-alive pings reported as {@code KEEPALIVE}. */
    private static List<String> feed(SipLimits limits, boolean withPings, byte[]... chunks) {
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(limits));
        for (byte[] c : chunks) {
            ch.writeInbound(Unpooled.wrappedBuffer(c));
        }
        List<String> out = new ArrayList<>();
        Object o;
        while ((o = ch.readInbound()) != null) {
            out.add(describe((SipDecodeResult) o));
        }
        ch.finishAndReleaseAll();
        return out;
    }

    private static String describe(SipDecodeResult r) {
        return switch (r) {
            case SipDecodeResult.Decoded d ->
                new String(SipMessageEncoder.encode(d.message()), java.nio.charset.StandardCharsets.UTF_8);
            case SipDecodeResult.Malformed m -> (m.tooLarge() ? "TOO LARGE " : "MALFORMED ") + m.reason();
            case SipDecodeResult.KeepAlive k -> "KEEPALIVE";
        };
    }

    @Test
    void aDoubleCrlfIsAPingEvenWhenSplitAndASingleCrlfIsNot() {
        byte[] ping = "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int split = 0; split <= ping.length; split++) {
            byte[] a = java.util.Arrays.copyOfRange(ping, 0, split);
            byte[] b = java.util.Arrays.copyOfRange(ping, split, ping.length);
            assertThat(feed(SipLimits.DEFAULT, true, a, b))
                    .as("split at " + split)
                    .containsExactly("KEEPALIVE");
        }
        assertThat(feed(SipLimits.DEFAULT, true, "\r\n".getBytes()))
                .as("a pong")
                .isEmpty();
        assertThat(feed(SipLimits.DEFAULT, true, STREAM))
                .filteredOn("KEEPALIVE"::equals)
                .hasSize(3);
    }

    @Test
    void aHeaderLongerThanTheLimitIsTooLargeAndKeepsTheHeadersBeforeIt() {
        String head = "INVITE sip:101@VDP SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-big\r\n"
                + "From: <sip:8002@VDP>;tag=1\r\nTo: <sip:101@VDP>\r\nCall-ID: big@x\r\nCSeq: 1 INVITE\r\n"
                + "Subject: " + "x".repeat(9000) + "\r\n";
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(SipLimits.DEFAULT));
        ch.writeInbound(Unpooled.wrappedBuffer(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        SipDecodeResult.Malformed m = (SipDecodeResult.Malformed) ch.readInbound();
        assertThat(m.tooLarge()).isTrue();
        assertThat(m.reason()).contains("maxLineLength");
        assertThat(m.partialOrNull()).isInstanceOf(SipRequest.class);
        assertThat(m.partialOrNull().callId()).isEqualTo("big@x");
        assertThat(ch.pipeline().get(SipStreamDecoder.class).isFramingLost()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void framesMessagesWithAndWithoutBodyAndSkipsKeepAlives() {
        List<String> whole = feed(SipLimits.DEFAULT, STREAM);
        assertThat(whole).hasSize(3);
        assertThat(whole.get(0)).startsWith("REGISTER sip:example.com SIP/2.0\r\n");
        assertThat(whole.get(1))
                .startsWith("INVITE ")
                .endsWith("\r\n\r\nv=0\r\no=- 1 1 IN IP6 2001:db8::10\r\ns=-\r\nt=0 0\r\n");
        assertThat(whole.get(2)).startsWith("SIP/2.0 200 OK\r\n");
    }

    @Test
    void yieldsTheSameMessagesWhateverTheSplitPoint() {
        List<String> expected = feed(SipLimits.DEFAULT, STREAM);
        for (int split = 0; split <= STREAM.length; split++) {
            byte[] a = java.util.Arrays.copyOfRange(STREAM, 0, split);
            byte[] b = java.util.Arrays.copyOfRange(STREAM, split, STREAM.length);
            assertThat(feed(SipLimits.DEFAULT, a, b)).as("split at %d", split).isEqualTo(expected);
        }
    }

    @Test
    void yieldsTheSameMessagesWhenFedOneByteAtATime() {
        byte[][] bytes = new byte[STREAM.length][];
        for (int i = 0; i < STREAM.length; i++) {
            bytes[i] = new byte[] {STREAM[i]};
        }
        assertThat(feed(SipLimits.DEFAULT, bytes)).isEqualTo(feed(SipLimits.DEFAULT, STREAM));
    }

    @Test
    void framesTheValidTortureMessagesBackToBackInThreeChunks() {
        String[] names = {
            "wsinv",
            "intmeth",
            "esc01",
            "escnull",
            "esc02",
            "lwsdisp",
            "longreq",
            "semiuri",
            "transports",
            "mpart01",
            "unreason",
            "noreason"
        };
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String n : names) {
            all.writeBytes(TestMessages.torture(n));
        }
        byte[] s = all.toByteArray();
        List<String> expected = feed(SipLimits.DEFAULT, s);
        assertThat(expected).hasSize(names.length).noneMatch(x -> x.startsWith("MALFORMED"));
        for (int i = 1; i < s.length; i += 97) {
            int j = Math.min(s.length, i + 389);
            assertThat(feed(
                            SipLimits.DEFAULT,
                            java.util.Arrays.copyOfRange(s, 0, i),
                            java.util.Arrays.copyOfRange(s, i, j),
                            java.util.Arrays.copyOfRange(s, j, s.length)))
                    .as("splits %d/%d", i, j)
                    .isEqualTo(expected);
        }
    }

    @Test
    void reportsAMalformedButFramedMessageAndContinues() {
        byte[] bad = TestMessages.crlf(TestMessages.REGISTER.replace("CSeq: 314159 REGISTER", "CSeq: 314159 INVITE"));
        List<String> out = feed(SipLimits.DEFAULT, concat(bad, TestMessages.crlf(TestMessages.REGISTER)));
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isEqualTo("MALFORMED CSeq method INVITE does not match request method REGISTER");
        assertThat(out.get(1)).startsWith("REGISTER ");
    }

    @Test
    void missingContentLengthLosesFramingAndDiscardsTheRest() {
        byte[] noCl = TestMessages.crlf(TestMessages.REGISTER.replace("Content-Length: 0\n", ""));
        EmbeddedChannel ch = new EmbeddedChannel();
        SipStreamDecoder dec = new SipStreamDecoder();
        ch.pipeline().addLast(dec);
        ch.writeInbound(Unpooled.wrappedBuffer(concat(noCl, TestMessages.crlf(TestMessages.REGISTER))));
        SipDecodeResult r = ch.readInbound();
        assertThat(r).isInstanceOfSatisfying(SipDecodeResult.Malformed.class, m -> {
            assertThat(m.reason()).contains("missing Content-Length");
            assertThat(m.partialOrNull()).isInstanceOf(SipRequest.class);
        });
        Object next = ch.readInbound();
        assertThat(next).isNull();
        assertThat(dec.isFramingLost()).isTrue();
        ch.writeInbound(Unpooled.wrappedBuffer(TestMessages.crlf(TestMessages.REGISTER)));
        next = ch.readInbound();
        assertThat(next).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void oversizeContentLengthIsReportedBeforeTheBodyArrives() {
        byte[] big = TestMessages.crlf(TestMessages.REGISTER.replace("Content-Length: 0", "Content-Length: 70000"));
        List<String> out = feed(SipLimits.DEFAULT, big);
        assertThat(out).containsExactly("TOO LARGE Content-Length (70000) exceeds maxBodyLength (65536)");
    }

    @Test
    void endlessHeadersAreCutOffAtTheLineLimit() {
        SipLimits limits = new SipLimits(128, 16, 1024, 4096);
        byte[] junk = ("INVITE sip:a@b SIP/2.0\r\nX: " + "a".repeat(300))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(feed(limits, junk)).singleElement().asString().contains("maxLineLength (128)");
        byte[] manyLines = ("INVITE sip:a@b SIP/2.0\r\n" + "X: y\r\n".repeat(1000))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(feed(limits, manyLines)).singleElement().asString().contains("maxMessageLength (4096)");
    }
}

package org.openvto.media.rtsp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtspFrameDecoderTest {
    private static final byte[] STREAM = ("SETUP rtsp://h/live/main/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
                    + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n"
                    + "$\u0001\u0000\u0004abcd"
                    + "SET_PARAMETER rtsp://h/live/main RTSP/1.0\r\nCSeq: 4\r\nContent-Length: 5\r\n\r\nhello"
                    + "\r\nOPTIONS * RTSP/1.0\nCSeq: 5\n\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void decodesTheSameMessagesAtEverySplitPoint() {
        List<String> whole = decode(STREAM.length);
        assertThat(whole).containsExactly("SETUP 3", "$1 abcd", "SET_PARAMETER 4 hello", "OPTIONS 5");
        for (int split = 0; split <= STREAM.length; split++) {
            assertThat(decode(split)).as("split at %d", split).isEqualTo(whole);
        }
    }

    @Test
    void aHeadLongerThanTheLimitIsMalformedAndTheRestDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspFrameDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(("DESCRIBE rtsp://h/" + "a".repeat(9000)).getBytes()));
        assertThat((Object) ch.readInbound()).isInstanceOf(Inbound.Malformed.class);
        ch.writeInbound(Unpooled.wrappedBuffer("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes()));
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void aBodyLongerThanTheLimitIsMalformed() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspFrameDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(
                "SET_PARAMETER * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 5000\r\n\r\n".getBytes()));
        Inbound.Malformed m = ch.readInbound();
        assertThat(m.reason()).isEqualTo("Content-Length must be from 0 to 4096");
        ch.finishAndReleaseAll();
    }

    private static List<String> decode(int split) {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspFrameDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(STREAM, 0, split));
        ch.writeInbound(Unpooled.wrappedBuffer(STREAM, split, STREAM.length - split));
        List<String> out = new ArrayList<>();
        Object m;
        while ((m = ch.readInbound()) != null) {
            out.add(
                    switch ((Inbound) m) {
                        case Inbound.Request r ->
                            (r.request().method() + " " + r.request().cseq() + " "
                                            + new String(r.request().body(), StandardCharsets.ISO_8859_1))
                                    .strip();
                        case Inbound.Interleaved f ->
                            "$" + f.channel() + " " + new String(f.data(), StandardCharsets.ISO_8859_1);
                        case Inbound.Malformed x -> "malformed " + x.reason();
                    });
        }
        ch.finishAndReleaseAll();
        return out;
    }
}

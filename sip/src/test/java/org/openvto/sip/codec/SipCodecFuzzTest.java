package org.openvto.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * Fuzz target: arbitrary bytes fed to {@link SipMessageDecoder#decodeDatagram} and, split in two, to
 * {@link SipStreamDecoder} must never throw and never hit the decoders' internal-error safety net.
 * Successfully decoded messages must also encode without throwing.
 *
 * <p>In a normal {@code mvn test} run Jazzer only replays the seed corpus in
 * {@code src/test/resources/org/openvto/sip/codec/SipCodecFuzzTestInputs/decodersNeverThrowOnArbitraryBytes/}
 * (built from the RFC 4475 messages), so CI stays fast and deterministic. To fuzz for real (needs a
 * JDK Jazzer supports; findings land in that directory and are replayed from then on):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl sip test -Dtest=SipCodecFuzzTest
 * </pre>
 *
 * Each run lasts {@code maxDuration}; instrumentation covers {@code org.openvto.sip.**} via the
 * {@code jazzer.instrument} system property set in the module's surefire configuration.
 */
class SipCodecFuzzTest {
    private static final SipMessageDecoder DECODER = new SipMessageDecoder(new SipLimits(1024, 32, 4096, 8192));

    @FuzzTest(maxDuration = "30s")
    void decodersNeverThrowOnArbitraryBytes(byte[] data) {
        check(DECODER.decodeDatagram(data));
        check(DECODER.decodeDatagram(Unpooled.wrappedBuffer(data)));

        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(DECODER.limits()));
        int split = data.length == 0 ? 0 : (data[0] & 0xff) % (data.length + 1);
        ch.writeInbound(Unpooled.wrappedBuffer(data, 0, split));
        ch.writeInbound(Unpooled.wrappedBuffer(data, split, data.length - split));
        Object o;
        while ((o = ch.readInbound()) != null) {
            check((SipDecodeResult) o);
        }
        ch.finishAndReleaseAll();
    }

    private static void check(SipDecodeResult r) {
        switch (r) {
            case SipDecodeResult.Decoded d -> {
                SipMessage m = d.message();
                SipMessageEncoder.encode(m);
                m.topVia();
                m.contacts();
                m.cseq();
                if (m instanceof SipRequest req) {
                    req.sipRequestUri();
                }
            }
            case SipDecodeResult.KeepAlive k -> {}
            case SipDecodeResult.Malformed m -> {
                assertThat(m.reason()).doesNotStartWith(SipMessageDecoder.INTERNAL_ERROR);
                if (m.partialOrNull() instanceof SipRequest req) {
                    SipMessageEncoder.encode(SipResponse.createFor(req, 400, m.reason()));
                }
            }
        }
    }
}

package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.hardware.linux.TestEnv.ms;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WiegandDecoderTest {
    private final WiegandDecoder decoder = new WiegandDecoder(ms(25), ms(0.2));

    /** Feeds {@code bits} ('0'/'1') 2 ms apart from {@code start}, then ends the frame. */
    private Optional<WiegandDecoder.Card> frame(String bits, long start) {
        for (int i = 0; i < bits.length(); i++) {
            decoder.pulse(bits.charAt(i) == '1', start + i * ms(2));
        }
        return decoder.endFrame();
    }

    /** 26-bit H10301 built by hand: even parity over bits 2–13, odd over 14–25. */
    static String h10301(int facility, int card) {
        String data = String.format("%8s%16s", Integer.toBinaryString(facility), Integer.toBinaryString(card))
                .replace(' ', '0');
        long first = data.substring(0, 12).chars().filter(c -> c == '1').count();
        long last = data.substring(12).chars().filter(c -> c == '1').count();
        return (first % 2 == 0 ? "0" : "1") + data + (last % 2 == 0 ? "1" : "0");
    }

    @Test
    void facilityOneCardOneIsTheWellKnown26BitFrame() {
        // FC 1, CN 1: data 00000001 0000000000000001; bits 2–13 hold one 1 → even parity bit 1;
        // bits 14–25 hold one 1 → odd parity bit 0
        assertThat(h10301(1, 1)).isEqualTo("10000000100000000000000010");
        assertThat(frame("10000000100000000000000010", ms(1000)))
                .contains(new WiegandDecoder.Card("65537", 26, ms(1000) + 25 * ms(2)));
    }

    @Test
    void publishedReaderManualExamplesDecode() {
        // CIVINTEC CN56 reader manual, 6.4.2 (26-bit, data D4 1B 81) and 6.4.5 (34-bit, data 89 D4 1B 81)
        assertThat(frame("1" + "110101000001101110000001" + "0", 0))
                .map(WiegandDecoder.Card::number)
                .contains("13900673"); // facility 0xD4 = 212, card 0x1B81 = 7041: 212 × 65536 + 7041
        assertThat(frame("1" + "10001001110101000001101110000001" + "1", ms(100)))
                .map(WiegandDecoder.Card::number)
                .contains("2312379265"); // 0x89D41B81
        // Hikvision camera manual, Wiegand 34 coding example: card 1234567890 → 1 + 0x499602D2 + 0
        assertThat(frame("1" + "01001001100101100000001011010010" + "0", ms(200)))
                .map(WiegandDecoder.Card::number)
                .contains("1234567890");
    }

    @Test
    void a26BitFrameIsFacilityTimes65536PlusCard() {
        assertThat(frame(h10301(123, 45678), 0))
                .map(WiegandDecoder.Card::number)
                .contains("8106606");
        assertThat(123 * 65536 + 45678).isEqualTo(8106606);
        assertThat(frame(h10301(255, 65535), ms(100)))
                .map(WiegandDecoder.Card::number)
                .contains("16777215");
    }

    @Test
    void a34BitFrameIsTheUnsigned32BitNumber() {
        // 0x12345678: first 16 data bits 0x1234 have five 1s → even parity 1; last 16 (0x5678) eight → odd parity 1
        String frame =
                "1" + String.format("%32s", Long.toBinaryString(0x12345678L)).replace(' ', '0') + "1";
        assertThat(frame(frame, 0)).map(WiegandDecoder.Card::number).contains("305419896");
        String max = "0" + "1".repeat(32) + "1"; // 16 ones each half: even → 0, odd → 1
        assertThat(frame(max, ms(100))).map(WiegandDecoder.Card::number).contains("4294967295");
    }

    @Test
    void aWrongParityBitIsDroppedAndCounted() {
        String good = h10301(1, 1);
        String badFirst = (good.charAt(0) == '1' ? "0" : "1") + good.substring(1);
        String badLast = good.substring(0, 25) + (good.charAt(25) == '1' ? "0" : "1");
        assertThat(frame(badFirst, 0)).isEmpty();
        assertThat(frame(badLast, ms(100))).isEmpty();
        assertThat(decoder.dropped().get(WiegandDecoder.Drop.PARITY)).isEqualTo(2);
        assertThat(decoder.accepted()).isZero();
    }

    @Test
    void aFrameCutShortIsDroppedAndCounted() {
        assertThat(frame(h10301(1, 1).substring(0, 25), 0)).isEmpty();
        assertThat(decoder.dropped().get(WiegandDecoder.Drop.TRUNCATED)).isEqualTo(1);
    }

    @Test
    void otherLengthsAreDroppedAsUnsupported() {
        assertThat(frame("0".repeat(30), 0)).isEmpty();
        assertThat(frame("0".repeat(80), ms(1000))).isEmpty();
        assertThat(decoder.dropped().get(WiegandDecoder.Drop.UNSUPPORTED_LENGTH))
                .isEqualTo(2);
    }

    @Test
    void aPulseCloserThanTheMinimumSpacingIsNoiseAndDropsTheFrame() {
        String good = h10301(1, 1);
        for (int i = 0; i < 26; i++) {
            decoder.pulse(good.charAt(i) == '1', i * ms(2));
            if (i == 10) {
                decoder.pulse(true, i * ms(2) + ms(0.05)); // a spike 50 µs after a real bit
            }
        }
        assertThat(decoder.endFrame()).isEmpty();
        assertThat(decoder.dropped().snapshot()).containsEntry("noise", 1L).containsEntry("parity", 0L);
    }

    @Test
    void eventsLostInTheKernelDropTheFrameTheyFellInto() {
        String good = h10301(1, 1);
        for (int i = 0; i < 26; i++) {
            if (i == 13) {
                decoder.lost();
            }
            decoder.pulse(good.charAt(i) == '1', i * ms(2));
        }
        assertThat(decoder.endFrame()).isEmpty();
        assertThat(decoder.dropped().get(WiegandDecoder.Drop.OVERFLOW)).isEqualTo(1);
        assertThat(frame(good, ms(1000))).isPresent(); // the next frame is clean again
    }

    @Test
    void eventsLostBetweenFramesDropTheFrameTheNextPulseStarts() {
        decoder.lost();
        assertThat(frame(h10301(1, 1), 0)).isEmpty();
        assertThat(decoder.dropped().get(WiegandDecoder.Drop.OVERFLOW)).isEqualTo(1);
    }

    @Test
    void aGapEndsTheFrameAtTheNextPulse() {
        String good = h10301(1, 1);
        for (int i = 0; i < 26; i++) {
            assertThat(decoder.pulse(good.charAt(i) == '1', i * ms(2))).isEmpty();
        }
        assertThat(decoder.pulse(true, 25 * ms(2) + ms(25)))
                .map(WiegandDecoder.Card::number)
                .contains("65537");
        assertThat(decoder.inFrame()).isTrue();
    }
}

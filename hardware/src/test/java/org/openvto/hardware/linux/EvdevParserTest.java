package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvdevParserTest {
    /** A 64-bit {@code struct input_event}: timeval (16), type, code, value = 24 bytes. */
    static byte[] event(long seconds, long micros, int type, int code, int value) {
        return ByteBuffer.allocate(24)
                .order(ByteOrder.nativeOrder())
                .putLong(seconds)
                .putLong(micros)
                .putShort((short) type)
                .putShort((short) code)
                .putInt(value)
                .array();
    }

    @Test
    void decodesA64BitInputEvent() {
        List<EvdevParser.InputEvent> out = new ArrayList<>();
        EvdevParser p = new EvdevParser(16, out::add);
        byte[] e = event(1_764_669_600L, 250_000, 1, 28, 1);
        p.feed(e, 0, e.length);
        assertThat(out).containsExactly(new EvdevParser.InputEvent(1_764_669_600_250_000_000L, 1, 28, 1));
        assertThat(p.eventSize()).isEqualTo(24);
    }

    @Test
    void aReadSplitAtAnyByteGivesTheSameEvents() {
        ByteBuffer stream = ByteBuffer.allocate(72);
        stream.put(event(10, 1, 1, 2, 1)).put(event(10, 2, 0, 0, 0)).put(event(10, 3, 1, 0xFFFF, -1));
        byte[] all = stream.array();
        List<EvdevParser.InputEvent> whole = new ArrayList<>();
        new EvdevParser(16, whole::add).feed(all, 0, all.length);
        assertThat(whole).hasSize(3);
        assertThat(whole.get(2).code()).isEqualTo(0xFFFF);
        assertThat(whole.get(2).value()).isEqualTo(-1);

        for (int cut = 1; cut < all.length; cut++) {
            List<EvdevParser.InputEvent> split = new ArrayList<>();
            EvdevParser p = new EvdevParser(16, split::add);
            p.feed(all, 0, cut);
            p.feed(all, cut, all.length - cut);
            assertThat(split).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void a32BitTimevalMakes16ByteEvents() {
        List<EvdevParser.InputEvent> out = new ArrayList<>();
        EvdevParser p = new EvdevParser(8, out::add);
        byte[] e = ByteBuffer.allocate(16)
                .order(ByteOrder.nativeOrder())
                .putInt(100)
                .putInt(5)
                .putShort((short) 1)
                .putShort((short) 11)
                .putInt(1)
                .array();
        p.feed(e, 0, 16);
        assertThat(out).containsExactly(new EvdevParser.InputEvent(100_000_005_000L, 1, 11, 1));
    }
}

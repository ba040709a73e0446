package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The expected numbers are the kernel header's, printed by a C program with {@code sizeof}/{@code offsetof} and the
 * ioctl macros compiled against {@code /usr/include/linux/gpio.h} (linux-libc-dev 6.1, x86-64).
 */
class GpioV2AbiTest {
    @Test
    void structSizesMatchTheKernelHeader() {
        assertThat(GpioV2Abi.REQUEST_SIZE).isEqualTo(592);
        assertThat(GpioV2Abi.CONFIG_SIZE).isEqualTo(272);
        assertThat(GpioV2Abi.CONFIG_ATTRIBUTE_SIZE).isEqualTo(24);
        assertThat(GpioV2Abi.ATTRIBUTE_SIZE).isEqualTo(16);
        assertThat(GpioV2Abi.VALUES_SIZE).isEqualTo(16);
        assertThat(GpioV2Abi.EVENT_SIZE).isEqualTo(48);
    }

    @Test
    void fieldOffsetsMatchTheKernelHeader() {
        assertThat(GpioV2Abi.REQUEST_CONSUMER).isEqualTo(256);
        assertThat(GpioV2Abi.REQUEST_CONFIG).isEqualTo(288);
        assertThat(GpioV2Abi.REQUEST_NUM_LINES).isEqualTo(560);
        assertThat(GpioV2Abi.REQUEST_EVENT_BUFFER_SIZE).isEqualTo(564);
        assertThat(GpioV2Abi.REQUEST_FD).isEqualTo(588);
        assertThat(GpioV2Abi.CONFIG_NUM_ATTRS).isEqualTo(8);
        assertThat(GpioV2Abi.CONFIG_ATTRS).isEqualTo(32);
        assertThat(GpioV2Abi.EVENT_ID).isEqualTo(8);
        assertThat(GpioV2Abi.EVENT_OFFSET).isEqualTo(12);
        // the layout adds up: config ends where num_lines starts, attrs fill the config
        assertThat(GpioV2Abi.REQUEST_CONFIG + GpioV2Abi.CONFIG_SIZE).isEqualTo(GpioV2Abi.REQUEST_NUM_LINES);
        assertThat(GpioV2Abi.CONFIG_ATTRS + GpioV2Abi.NUM_ATTRS_MAX * GpioV2Abi.CONFIG_ATTRIBUTE_SIZE)
                .isEqualTo(GpioV2Abi.CONFIG_SIZE);
        assertThat(GpioV2Abi.REQUEST_FD + 4).isEqualTo(GpioV2Abi.REQUEST_SIZE);
    }

    @Test
    void ioctlNumbersMatchTheKernelHeader() {
        assertThat(GpioV2Abi.GET_LINE_IOCTL).isEqualTo(0xC250B407);
        assertThat(GpioV2Abi.LINE_GET_VALUES_IOCTL).isEqualTo(0xC010B40E);
        assertThat(GpioV2Abi.LINE_SET_VALUES_IOCTL).isEqualTo(0xC010B40F);
    }

    @Test
    void flagValuesMatchTheKernelHeader() {
        assertThat(GpioV2Abi.FLAG_ACTIVE_LOW).isEqualTo(0x2);
        assertThat(GpioV2Abi.FLAG_INPUT).isEqualTo(0x4);
        assertThat(GpioV2Abi.FLAG_OUTPUT).isEqualTo(0x8);
        assertThat(GpioV2Abi.FLAG_EDGE_RISING).isEqualTo(0x10);
        assertThat(GpioV2Abi.FLAG_EDGE_FALLING).isEqualTo(0x20);
        assertThat(GpioV2Abi.FLAG_BIAS_PULL_UP).isEqualTo(0x100);
        assertThat(GpioV2Abi.FLAG_BIAS_PULL_DOWN).isEqualTo(0x200);
        assertThat(GpioV2Abi.FLAG_BIAS_DISABLED).isEqualTo(0x400);
        assertThat(GpioV2Abi.FLAG_EVENT_CLOCK_REALTIME).isEqualTo(0x800);
    }

    @Test
    void inputRequestCarriesOffsetsFlagsDebounceAndConsumer() {
        var settings = new GpioChip.LineSettings(true, LineConfig.Bias.PULL_UP, 20_000);
        long flags = GpioV2Abi.inputFlags(settings);
        ByteBuffer b = GpioV2Abi.lineRequest(new int[] {17, 27}, flags, 20_000, false, false, "openvto");

        assertThat(flags).isEqualTo(0x4 | 0x10 | 0x20 | 0x800 | 0x2 | 0x100);
        assertThat(b.getInt(0)).isEqualTo(17);
        assertThat(b.getInt(4)).isEqualTo(27);
        assertThat(new String(b.array(), 256, 7, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("openvto");
        assertThat(b.get(263)).isZero();
        assertThat(b.getLong(288)).isEqualTo(flags);
        assertThat(b.getInt(296)).isEqualTo(1); // num_attrs
        assertThat(b.getInt(320)).isEqualTo(GpioV2Abi.ATTR_ID_DEBOUNCE);
        assertThat(b.getInt(328)).isEqualTo(20_000); // debounce_period_us
        assertThat(b.getLong(336)).isEqualTo(0b11); // mask: both lines
        assertThat(b.getInt(560)).isEqualTo(2); // num_lines
        assertThat(b.getInt(564)).isEqualTo(256); // event_buffer_size
    }

    @Test
    void outputRequestCarriesTheInitialValue() {
        var settings = new GpioChip.LineSettings(false, LineConfig.Bias.AS_IS, 0);
        ByteBuffer b = GpioV2Abi.lineRequest(new int[] {5}, GpioV2Abi.outputFlags(settings), 0, true, true, "openvto");

        assertThat(b.getLong(288)).isEqualTo(GpioV2Abi.FLAG_OUTPUT);
        assertThat(b.getInt(296)).isEqualTo(1);
        assertThat(b.getInt(320)).isEqualTo(GpioV2Abi.ATTR_ID_OUTPUT_VALUES);
        assertThat(b.getLong(328)).isEqualTo(1);
        assertThat(b.getLong(336)).isEqualTo(1);
    }

    @Test
    void eventsDecodeTimestampEdgeAndOffsetAndSkipUnknownIds() {
        ByteBuffer b = ByteBuffer.allocate(3 * 48).order(ByteOrder.nativeOrder());
        b.putLong(0, 1_700_000_000_123_456_789L).putInt(8, 1).putInt(12, 17).putInt(16, 1);
        b.putLong(48, 7L).putInt(56, 99).putInt(60, 3);
        b.putLong(96, 1_700_000_000_223_456_789L).putInt(104, 2).putInt(108, 17).putInt(112, 2);

        assertThat(GpioV2Abi.events(b.array(), b.capacity()))
                .containsExactly(
                        new GpioChip.Edge(17, true, 1_700_000_000_123_456_789L),
                        new GpioChip.Edge(17, false, 1_700_000_000_223_456_789L));
    }

    @Test
    void sequenceNumberGapsCountDiscardedEventsAcrossTheU32Wrap() {
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.nativeOrder());
        b.putInt(16, 0xFFFF_FFFE);
        assertThat(GpioV2Abi.seqno(b.array(), 0)).isEqualTo(0xFFFF_FFFEL);
        assertThat(GpioV2Abi.seqnoGap(-1, 7)).isZero();
        assertThat(GpioV2Abi.seqnoGap(6, 7)).isZero();
        assertThat(GpioV2Abi.seqnoGap(6, 10)).isEqualTo(3);
        assertThat(GpioV2Abi.seqnoGap(0xFFFF_FFFEL, 1)).isEqualTo(2);
    }

    @Test
    void lineValuesPutBitsThenMask() {
        ByteBuffer b = GpioV2Abi.lineValues(1, 3);
        assertThat(b.getLong(0)).isEqualTo(1);
        assertThat(b.getLong(8)).isEqualTo(3);
    }
}

package org.openvto.hardware.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The GPIO character device's v2 uAPI as bytes: struct layouts, flags and ioctl numbers of the Linux kernel's
 * {@code include/uapi/linux/gpio.h} (v2 since Linux 5.10; {@code EVENT_CLOCK_REALTIME} since 5.11). Offsets were
 * checked with {@code offsetof}/{@code sizeof} compiled against that header (linux-libc-dev 6.1, x86-64, and as
 * static assertions with {@code gcc -m32}, where a plain u64 is only 4-byte aligned); every 64-bit field is
 * {@code __aligned_u64}, so the layout is the same on arm64 and 32-bit ARM (not compiled for ARM here).
 * The ioctl numbers use the generic {@code _IOC} encoding (x86, ARM, arm64, RISC-V), not MIPS/PowerPC/SPARC's.
 * Pure functions; thread-safe.
 */
final class GpioV2Abi {
    private GpioV2Abi() {}

    static final int LINES_MAX = 64; // GPIO_V2_LINES_MAX
    static final int NUM_ATTRS_MAX = 10; // GPIO_V2_LINE_NUM_ATTRS_MAX
    static final int MAX_NAME_SIZE = 32; // GPIO_MAX_NAME_SIZE

    // enum gpio_v2_line_flag
    static final long FLAG_ACTIVE_LOW = 1L << 1;
    static final long FLAG_INPUT = 1L << 2;
    static final long FLAG_OUTPUT = 1L << 3;
    static final long FLAG_EDGE_RISING = 1L << 4;
    static final long FLAG_EDGE_FALLING = 1L << 5;
    static final long FLAG_BIAS_PULL_UP = 1L << 8;
    static final long FLAG_BIAS_PULL_DOWN = 1L << 9;
    static final long FLAG_BIAS_DISABLED = 1L << 10;
    static final long FLAG_EVENT_CLOCK_REALTIME = 1L << 11;

    // enum gpio_v2_line_attr_id
    static final int ATTR_ID_OUTPUT_VALUES = 2;
    static final int ATTR_ID_DEBOUNCE = 3;

    // enum gpio_v2_line_event_id
    static final int EVENT_RISING_EDGE = 1;
    static final int EVENT_FALLING_EDGE = 2;

    // struct gpio_v2_line_attribute: __u32 id; __u32 padding; union { __aligned_u64 flags, values; __u32 debounce }
    static final int ATTRIBUTE_SIZE = 16;
    // struct gpio_v2_line_config_attribute: struct gpio_v2_line_attribute attr; __aligned_u64 mask
    static final int CONFIG_ATTRIBUTE_SIZE = 24;
    // struct gpio_v2_line_config: __aligned_u64 flags; __u32 num_attrs; __u32 padding[5]; attrs[10]
    static final int CONFIG_SIZE = 272;
    static final int CONFIG_NUM_ATTRS = 8;
    static final int CONFIG_ATTRS = 32;

    // struct gpio_v2_line_request: __u32 offsets[64]; char consumer[32]; struct gpio_v2_line_config config;
    // __u32 num_lines; __u32 event_buffer_size; __u32 padding[5]; __s32 fd
    static final int REQUEST_SIZE = 592;
    static final int REQUEST_CONSUMER = 256;
    static final int REQUEST_CONFIG = 288;
    static final int REQUEST_NUM_LINES = 560;
    static final int REQUEST_EVENT_BUFFER_SIZE = 564;
    static final int REQUEST_FD = 588;

    // struct gpio_v2_line_values: __aligned_u64 bits; __aligned_u64 mask
    static final int VALUES_SIZE = 16;

    // struct gpio_v2_line_event: __aligned_u64 timestamp_ns; __u32 id, offset, seqno, line_seqno; __u32 padding[6]
    static final int EVENT_SIZE = 48;
    static final int EVENT_ID = 8;
    static final int EVENT_OFFSET = 12;
    static final int EVENT_SEQNO = 16;

    /**
     * Events the kernel buffers per input request before it drops some (its default is 16 per line; the maximum
     * 16 × GPIO_V2_LINES_MAX): a Wiegand frame is 52 edges in ~50 ms, so a reader thread delayed a few tens of
     * milliseconds must not lose bits.
     */
    static final int EVENT_BUFFER_SIZE = 256;

    private static final int IOC_WRITE = 1;
    private static final int IOC_READ = 2;
    private static final int GPIO_IOCTL_TYPE = 0xB4;

    static final int GET_LINE_IOCTL = iowr(0x07, REQUEST_SIZE); // GPIO_V2_GET_LINE_IOCTL = 0xC250B407
    static final int LINE_GET_VALUES_IOCTL = iowr(0x0E, VALUES_SIZE); // 0xC010B40E
    static final int LINE_SET_VALUES_IOCTL = iowr(0x0F, VALUES_SIZE); // 0xC010B40F

    /** {@code _IOWR(0xB4, nr, size)} in the generic encoding: dir << 30 | size << 16 | type << 8 | nr. */
    static int iowr(int nr, int size) {
        return ((IOC_READ | IOC_WRITE) << 30) | (size << 16) | (GPIO_IOCTL_TYPE << 8) | nr;
    }

    /** The line flags for an input request with both edges, timestamps from {@code CLOCK_REALTIME}. */
    static long inputFlags(GpioChip.LineSettings settings) {
        return FLAG_INPUT | FLAG_EDGE_RISING | FLAG_EDGE_FALLING | FLAG_EVENT_CLOCK_REALTIME | common(settings);
    }

    static long outputFlags(GpioChip.LineSettings settings) {
        return FLAG_OUTPUT | common(settings);
    }

    private static long common(GpioChip.LineSettings settings) {
        long flags = settings.activeLow() ? FLAG_ACTIVE_LOW : 0;
        return flags
                | switch (settings.bias()) {
                    case AS_IS -> 0;
                    case PULL_UP -> FLAG_BIAS_PULL_UP;
                    case PULL_DOWN -> FLAG_BIAS_PULL_DOWN;
                    case DISABLED -> FLAG_BIAS_DISABLED;
                };
    }

    /**
     * A {@code struct gpio_v2_line_request} for {@code offsets}, all lines with {@code flags}, plus the debounce
     * attribute when {@code debounceMicros > 0} and the output values attribute when {@code output}.
     */
    static ByteBuffer lineRequest(
            int[] offsets, long flags, int debounceMicros, boolean output, boolean initial, String consumer) {
        if (offsets.length == 0 || offsets.length > LINES_MAX) {
            throw new IllegalArgumentException("1 to " + LINES_MAX + " lines, not " + offsets.length);
        }
        ByteBuffer b = ByteBuffer.allocate(REQUEST_SIZE).order(ByteOrder.nativeOrder());
        for (int i = 0; i < offsets.length; i++) {
            b.putInt(i * 4, offsets[i]);
        }
        byte[] name = consumer.getBytes(StandardCharsets.US_ASCII);
        b.put(REQUEST_CONSUMER, name, 0, Math.min(name.length, MAX_NAME_SIZE - 1)); // NUL-terminated
        long allLines = offsets.length == 64 ? -1L : (1L << offsets.length) - 1;
        b.putLong(REQUEST_CONFIG, flags);
        int attrs = 0;
        if (debounceMicros > 0) {
            putAttribute(b, attrs++, ATTR_ID_DEBOUNCE, debounceMicros & 0xFFFF_FFFFL, allLines);
        }
        if (output) {
            putAttribute(b, attrs++, ATTR_ID_OUTPUT_VALUES, initial ? allLines : 0, allLines);
        }
        b.putInt(REQUEST_CONFIG + CONFIG_NUM_ATTRS, attrs);
        b.putInt(REQUEST_NUM_LINES, offsets.length);
        b.putInt(REQUEST_EVENT_BUFFER_SIZE, output ? 0 : EVENT_BUFFER_SIZE);
        return b;
    }

    private static void putAttribute(ByteBuffer b, int index, int id, long value, long mask) {
        int at = REQUEST_CONFIG + CONFIG_ATTRS + index * CONFIG_ATTRIBUTE_SIZE;
        b.putInt(at, id);
        // the union: flags/values are u64; debounce_period_us is a u32 at the union's start, so on a little-endian
        // machine the low half of a u64 write is the same bytes; write it as a u32 to be right on big-endian too
        if (id == ATTR_ID_DEBOUNCE) {
            b.putInt(at + 8, (int) value);
        } else {
            b.putLong(at + 8, value);
        }
        b.putLong(at + ATTRIBUTE_SIZE, mask);
    }

    /** The file descriptor the kernel wrote into a line request. */
    static int requestFd(ByteBuffer request) {
        return request.getInt(REQUEST_FD);
    }

    /** A {@code struct gpio_v2_line_values}. */
    static ByteBuffer lineValues(long bits, long mask) {
        return ByteBuffer.allocate(VALUES_SIZE)
                .order(ByteOrder.nativeOrder())
                .putLong(0, bits)
                .putLong(8, mask);
    }

    static long valueBits(ByteBuffer values) {
        return values.getLong(0);
    }

    /** The request-wide {@code seqno} (u32) of event {@code index} in {@code bytes}. */
    static long seqno(byte[] bytes, int index) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        return Integer.toUnsignedLong(b.getInt(index * EVENT_SIZE + EVENT_SEQNO));
    }

    /** Events missing between sequence numbers {@code last} and {@code next} (u32, wrapping); none before the first. */
    static long seqnoGap(long last, long next) {
        return last < 0 ? 0 : (next - last - 1) & 0xFFFF_FFFFL;
    }

    /**
     * Decodes the whole {@code struct gpio_v2_line_event}s in {@code bytes[0, length)}; an event of an unknown id is
     * skipped (the kernel may add kinds), a trailing partial event cannot happen (the kernel returns whole events).
     */
    static List<GpioChip.Edge> events(byte[] bytes, int length) {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.nativeOrder());
        List<GpioChip.Edge> edges = new ArrayList<>(length / EVENT_SIZE);
        for (int at = 0; at + EVENT_SIZE <= length; at += EVENT_SIZE) {
            int id = b.getInt(at + EVENT_ID);
            if (id == EVENT_RISING_EDGE || id == EVENT_FALLING_EDGE) {
                edges.add(new GpioChip.Edge(b.getInt(at + EVENT_OFFSET), id == EVENT_RISING_EDGE, b.getLong(at)));
            }
        }
        return edges;
    }
}

package org.openvto.hardware.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Splits the byte stream of a Linux input device ({@code /dev/input/eventN}) into {@code struct input_event}s
 * ({@code include/uapi/linux/input.h}): {@code struct timeval time; __u16 type; __u16 code; __s32 value}. With
 * 64-bit {@code time_t} (arm64, x86-64, and 32-bit userspace built with 64-bit time) the timeval is 16 bytes and an
 * event 24 (checked with {@code sizeof}/{@code offsetof} against linux-libc-dev 6.1 on x86-64); a classic 32-bit
 * userspace has an 8-byte timeval (16-byte events). Reads may end anywhere: a partial event waits for the rest.
 * The timeval is the evdev default clock, CLOCK_REALTIME. Not thread-safe (one reader thread).
 */
final class EvdevParser {
    static final int EV_SYN = 0;
    static final int EV_KEY = 1;

    /** One event; {@code timeNanos} is the timeval as nanoseconds since the epoch. */
    record InputEvent(long timeNanos, int type, int code, int value) {}

    private final int timevalBytes;
    private final ByteBuffer partial;
    private final Consumer<InputEvent> sink;

    /** @param timevalBytes 16 (64-bit time_t) or 8 (32-bit time_t) */
    EvdevParser(int timevalBytes, Consumer<InputEvent> sink) {
        if (timevalBytes != 16 && timevalBytes != 8) {
            throw new IllegalArgumentException("timeval is 8 or 16 bytes, not " + timevalBytes);
        }
        this.timevalBytes = timevalBytes;
        this.partial = ByteBuffer.allocate(timevalBytes + 8).order(ByteOrder.nativeOrder());
        this.sink = sink;
    }

    int eventSize() {
        return partial.capacity();
    }

    /** Feeds {@code length} bytes read from the device; calls the sink for each completed event. */
    void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            partial.put(bytes[i]);
            if (!partial.hasRemaining()) {
                sink.accept(decode());
                partial.clear();
            }
        }
    }

    /** Drops a partial event (the device was reopened). */
    void reset() {
        partial.clear();
    }

    private InputEvent decode() {
        long seconds = timevalBytes == 16 ? partial.getLong(0) : partial.getInt(0);
        long micros = timevalBytes == 16 ? partial.getLong(8) : partial.getInt(4);
        int type = Short.toUnsignedInt(partial.getShort(timevalBytes));
        int code = Short.toUnsignedInt(partial.getShort(timevalBytes + 2));
        int value = partial.getInt(timevalBytes + 4);
        return new InputEvent(seconds * 1_000_000_000L + micros * 1000, type, code, value);
    }
}

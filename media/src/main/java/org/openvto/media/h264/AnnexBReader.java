package org.openvto.media.h264;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * The incremental form of {@link AnnexB#split}: an Annex-B byte stream fed in arbitrary chunks (pipe reads) comes
 * out as the same NAL units, start codes split across chunks included. A unit is complete only when the next start
 * code (or {@link #finish}) arrives, so the last unit of a chunk waits for the following one.
 *
 * <p><b>Limits.</b> A unit longer than {@link #MAX_NAL} bytes is dropped whole (a runaway or non-H.264 stream must
 * not exhaust memory) and counted in {@link #dropped()}.
 *
 * <p>Not thread-safe: one reader per stream, fed from the thread that reads it. Never throws on any input.
 */
public final class AnnexBReader {
    /** The largest NAL unit kept: far above a 1080p IDR at any sane bitrate. */
    public static final int MAX_NAL = 4 << 20;

    private final Consumer<byte[]> sink;
    private final ByteArrayOutputStream unit = new ByteArrayOutputStream(64 * 1024);
    private boolean inUnit; // a start code was seen: bytes belong to a unit
    private boolean oversized;
    private int zeros; // zero bytes seen but not yet written: they may be the next start code's
    private long dropped;

    /** @param sink receives each complete NAL unit (without start code), on the feeding thread */
    public AnnexBReader(Consumer<byte[]> sink) {
        this.sink = sink;
    }

    /** Feeds {@code length} bytes of {@code data} from {@code offset}; complete units go to the sink. */
    public void feed(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == 0) {
                zeros++;
            } else if (b == 1 && zeros >= 2) {
                endUnit(); // the pending zeros are the start code's (or trailing_zero_8bits)
                inUnit = true;
                zeros = 0;
            } else {
                append(b);
            }
        }
    }

    /** Ends the stream: the unit in progress, if any, goes to the sink (trailing zero bytes dropped). */
    public void finish() {
        endUnit();
        inUnit = false;
        zeros = 0;
    }

    /** Units dropped for exceeding {@link #MAX_NAL}. */
    public long dropped() {
        return dropped;
    }

    private void append(byte b) {
        if (inUnit && !oversized) {
            for (; zeros > 0; zeros--) {
                unit.write(0);
            }
            unit.write(b);
            if (unit.size() > MAX_NAL) {
                oversized = true;
                unit.reset();
            }
        }
        zeros = 0;
    }

    private void endUnit() {
        if (oversized) {
            dropped++;
        } else if (inUnit && unit.size() > 0) {
            sink.accept(unit.toByteArray());
        }
        unit.reset();
        oversized = false;
    }
}

package org.openvto.media.video.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.openvto.media.h264.AnnexB;
import org.openvto.media.video.AccessUnit;

/**
 * Groups the NAL units of an Annex-B stream without timestamps (an encoder's stdout) into {@link AccessUnit}s, by
 * the first-VCL-NAL rules of H.264 §7.4.1.2.3: a new access unit begins at an access unit delimiter, SEI, SPS, PPS
 * (or types 14…18) once the current one has a slice, or at a slice whose {@code first_mb_in_slice} is 0.
 *
 * <p><b>What comes out.</b> Access units start at a key frame (IDR): pictures before the first one are dropped, as
 * a decoder could not use them. Each key frame's units are its SPS and PPS, then the rest; when the encoder did not
 * repeat them before an IDR the latest ones seen are inserted (and an IDR before any SPS/PPS is dropped). Access
 * unit delimiters and filler data are left out (RTP needs neither). Since an access unit is known to be complete
 * only when the next one begins, each is delivered one picture late (or at {@link #flush}).
 *
 * <p>Not thread-safe: one assembler per stream, fed on its reading thread; the sink is called on that thread.
 */
public final class AccessUnitAssembler {
    private static final int SEI = 6;
    private static final int SPS = 7;
    private static final int PPS = 8;
    private static final int AUD = 9;
    private static final int FILLER = 12;
    private static final int IDR = 5;

    private final Consumer<AccessUnit> sink;
    private final LongSupplier micros;
    private final List<byte[]> current = new ArrayList<>();
    private boolean currentHasSlice;
    private boolean keySeen;
    private byte[] sps;
    private byte[] pps;
    private long dropped;

    /**
     * @param sink receives each complete access unit
     * @param micros the timestamp for an access unit as it completes (the stream carries none)
     */
    public AccessUnitAssembler(Consumer<AccessUnit> sink, LongSupplier micros) {
        this.sink = sink;
        this.micros = micros;
    }

    /** Adds the next NAL unit (without start code) of the stream. */
    public void nal(byte[] nal) {
        int type = AnnexB.type(nal);
        if (type < 0) {
            return;
        }
        boolean slice = type >= 1 && type <= 5;
        boolean startsUnit = type == AUD || type == SEI || type == SPS || type == PPS || (type >= 14 && type <= 18);
        if (currentHasSlice && (startsUnit || (slice && firstMbIsZero(nal)))) {
            emit();
        }
        if (type == SPS) {
            sps = nal;
        } else if (type == PPS) {
            pps = nal;
        }
        if (type != AUD && type != FILLER) {
            current.add(nal);
            currentHasSlice |= slice;
        }
    }

    /** The stream ended: the access unit in progress is complete. */
    public void flush() {
        if (currentHasSlice) {
            emit();
        }
        current.clear();
    }

    /** The latest sequence parameter set seen. */
    public Optional<byte[]> sps() {
        return Optional.ofNullable(sps);
    }

    /** The latest picture parameter set seen. */
    public Optional<byte[]> pps() {
        return Optional.ofNullable(pps);
    }

    /** Pictures dropped: before the first key frame, or a key frame without known SPS/PPS. */
    public long dropped() {
        return dropped;
    }

    /**
     * Whether a slice's {@code first_mb_in_slice}, the first ue(v) of its header, is 0: ue(v) codes 0 as a single
     * 1 bit, so that is the top bit of the byte after the NAL header (no emulation prevention can precede it).
     */
    static boolean firstMbIsZero(byte[] slice) {
        return slice.length > 1 && (slice[1] & 0x80) != 0;
    }

    private void emit() {
        List<byte[]> nals = List.copyOf(current);
        current.clear();
        currentHasSlice = false;
        boolean key = nals.stream().anyMatch(n -> AnnexB.type(n) == IDR);
        if (key) {
            nals = withParameterSets(nals);
            if (nals == null) {
                dropped++;
                return;
            }
            keySeen = true;
        } else if (!keySeen) {
            dropped++;
            return;
        }
        sink.accept(new AccessUnit(nals, micros.getAsLong(), key, System.nanoTime()));
    }

    /** SPS, PPS first (the unit's own or the latest seen), then the other units; null if none is known. */
    private List<byte[]> withParameterSets(List<byte[]> nals) {
        List<byte[]> spss = new ArrayList<>();
        List<byte[]> ppss = new ArrayList<>();
        List<byte[]> rest = new ArrayList<>();
        for (byte[] nal : nals) {
            int type = AnnexB.type(nal);
            (type == SPS ? spss : type == PPS ? ppss : rest).add(nal);
        }
        if (spss.isEmpty() && sps != null) {
            spss.add(sps);
        }
        if (ppss.isEmpty() && pps != null) {
            ppss.add(pps);
        }
        if (spss.isEmpty() || ppss.isEmpty()) {
            return null;
        }
        List<byte[]> out = new ArrayList<>(spss);
        out.addAll(ppss);
        out.addAll(rest);
        return out;
    }
}

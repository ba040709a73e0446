package org.openvto.media.video.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openvto.media.video.AccessUnit;
import org.openvto.media.video.StreamFormat;

/**
 * What a source that receives encoded pictures (an external encoder, a relayed camera) learns from its key frames:
 * the stream's format from the latest SPS/PPS, and a snapshot by decoding the latest IDR (once per key frame: it
 * costs tens of milliseconds). Thread-safe; decoding runs on the caller's thread outside the lock.
 */
public final class KeyFrames {
    private final int fps;
    private AccessUnit latest;
    private AccessUnit snapshotOf;
    private byte[] snapshot;
    private StreamFormat format;

    /** @param fps the nominal frame rate put in the {@link StreamFormat} */
    public KeyFrames(int fps) {
        this.fps = fps;
    }

    /** A key frame whose access unit starts with SPS and PPS. */
    public synchronized void keyFrame(AccessUnit key) {
        latest = key;
        List<byte[]> nals = key.nals();
        if (nals.size() < 2) {
            return;
        }
        byte[] sps = nals.get(0);
        byte[] pps = nals.get(1);
        if (format != null && Arrays.equals(format.sps(), sps) && Arrays.equals(format.pps(), pps)) {
            return;
        }
        H264Pictures.size(sps).ifPresent(wh -> format = new StreamFormat(wh[0], wh[1], fps, sps, pps));
    }

    public synchronized Optional<StreamFormat> format() {
        return Optional.ofNullable(format);
    }

    /** The latest key frame as a JPEG; empty before one or when it cannot be decoded. */
    public Optional<byte[]> snapshotJpeg() {
        AccessUnit key;
        synchronized (this) {
            key = latest;
            if (key == null) {
                return Optional.empty();
            }
            if (key == snapshotOf) {
                return Optional.of(snapshot);
            }
        }
        Optional<byte[]> jpeg;
        try {
            jpeg = H264Pictures.decodeKeyFrame(key.nals()).map(Jpeg::encode);
        } catch (RuntimeException e) {
            jpeg = Optional.empty();
        }
        synchronized (this) {
            if (jpeg.isPresent()) {
                snapshotOf = key;
                snapshot = jpeg.get();
            }
        }
        return jpeg;
    }
}

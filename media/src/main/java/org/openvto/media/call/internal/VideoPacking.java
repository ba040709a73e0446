package org.openvto.media.call.internal;

import java.util.ArrayList;
import java.util.List;
import org.openvto.media.h264.H264Packetizer;
import org.openvto.media.video.AccessUnit;

/**
 * A picture's RTP payloads per packetization mode (RFC 6184 §6.2, §6.3), cut once however many parties get it: the
 * stream hands the same unit to each in turn. Mode 1: single NAL unit packets and FU-A fragments; mode 0: single NAL
 * unit packets only, so a NAL unit larger than a packet cannot be sent and is dropped (and counted). Guarded by the
 * call's lock.
 */
final class VideoPacking {
    /** The payloads, and how many NAL units mode 0 had to leave out. */
    record Packed(H264Packetizer.Packed payloads, int oversize) {}

    private final int maxPayload;
    private final H264Packetizer packetizer;
    private final AccessUnit[] unit = new AccessUnit[2];
    private final Packed[] packed = new Packed[2];

    VideoPacking(int maxPayload) {
        this.maxPayload = maxPayload;
        this.packetizer = new H264Packetizer(maxPayload);
    }

    Packed of(AccessUnit u, int mode) {
        if (unit[mode] != u) {
            packed[mode] = mode == 1 ? new Packed(packetizer.pack(u.nals()), 0) : singleNalOnly(u);
            unit[mode] = u;
        }
        return packed[mode];
    }

    private Packed singleNalOnly(AccessUnit u) {
        List<byte[]> fitting = new ArrayList<>(u.nals().size());
        for (byte[] nal : u.nals()) {
            if (nal.length <= maxPayload) {
                fitting.add(nal);
            }
        }
        return new Packed(packetizer.pack(fitting), u.nals().size() - fitting.size());
    }
}

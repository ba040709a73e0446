package org.openvto.media.h264;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6184 packetization mode 1 for one stream: each NAL unit that fits the payload size goes in one packet (§5.6
 * single NAL unit packet); a larger one is cut into FU-A fragments (§5.8): FU indicator = the NAL's F and NRI with
 * type 28, FU header = S on the first, E on the last, and the NAL's type; the NAL header byte itself is not sent.
 * The marker bit is set on the last packet of the access unit (§5.1). No STAP-A aggregation (allowed, not
 * required). Stateless, thread-safe.
 */
public final class H264Packetizer {
    /** FU-A's NAL unit type (RFC 6184 Table 1). */
    public static final int FU_A = 28;

    private final int maxPayload;

    /**
     * @param maxPayload the largest RTP payload, e.g. 1,400 bytes for a 1,500-byte MTU with IP, UDP and RTP headers
     *                   (at least 3: an FU-A needs 2 header bytes and 1 byte of data)
     */
    public H264Packetizer(int maxPayload) {
        if (maxPayload < 3) {
            throw new IllegalArgumentException("the payload size must be at least 3 bytes: " + maxPayload);
        }
        this.maxPayload = maxPayload;
    }

    /** One RTP payload and whether it carries the marker bit. */
    public record Payload(byte[] data, boolean marker) {}

    /** The payloads of one access unit (its NAL units in decoding order), the last one marked. */
    public List<Payload> packetize(List<byte[]> accessUnit) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] nal : accessUnit) {
            if (nal.length == 0) {
                continue;
            }
            if (nal.length <= maxPayload) {
                out.add(nal.clone());
            } else {
                fragment(nal, out);
            }
        }
        List<Payload> payloads = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            payloads.add(new Payload(out.get(i), i == out.size() - 1));
        }
        return payloads;
    }

    /**
     * The payloads of one access unit laid end to end in one array, as {@link #packetize} cuts them: payload
     * {@code i} is {@code data[offsets[i] .. offsets[i] + lengths[i])}; only the last one carries the marker. One
     * allocation an access unit, so a server packetises a picture once and every viewer copies from it.
     */
    public record Packed(byte[] data, int[] offsets, int[] lengths) {
        public int count() {
            return offsets.length;
        }
    }

    /** {@link #packetize} into one array (see {@link Packed}). */
    public Packed pack(List<byte[]> accessUnit) {
        int count = 0;
        int size = 0;
        int chunk = maxPayload - 2;
        for (byte[] nal : accessUnit) {
            if (nal.length == 0) {
                continue;
            }
            if (nal.length <= maxPayload) {
                count++;
                size += nal.length;
            } else {
                int fragments = (nal.length - 1 + chunk - 1) / chunk;
                count += fragments;
                size += nal.length - 1 + 2 * fragments;
            }
        }
        byte[] data = new byte[size];
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        int at = 0;
        int i = 0;
        for (byte[] nal : accessUnit) {
            if (nal.length == 0) {
                continue;
            }
            if (nal.length <= maxPayload) {
                System.arraycopy(nal, 0, data, at, nal.length);
                offsets[i] = at;
                lengths[i++] = nal.length;
                at += nal.length;
                continue;
            }
            int indicator = (nal[0] & 0xE0) | FU_A;
            int type = nal[0] & 0x1F;
            for (int pos = 1; pos < nal.length; pos += chunk) {
                int len = Math.min(chunk, nal.length - pos);
                offsets[i] = at;
                lengths[i++] = 2 + len;
                data[at] = (byte) indicator;
                data[at + 1] = (byte) ((pos == 1 ? 0x80 : 0) | (pos + len == nal.length ? 0x40 : 0) | type);
                System.arraycopy(nal, pos, data, at + 2, len);
                at += 2 + len;
            }
        }
        return new Packed(data, offsets, lengths);
    }

    private void fragment(byte[] nal, List<byte[]> out) {
        int indicator = (nal[0] & 0xE0) | FU_A;
        int type = nal[0] & 0x1F;
        int chunk = maxPayload - 2;
        for (int pos = 1; pos < nal.length; pos += chunk) {
            int len = Math.min(chunk, nal.length - pos);
            byte[] p = new byte[2 + len];
            p[0] = (byte) indicator;
            p[1] = (byte) ((pos == 1 ? 0x80 : 0) | (pos + len == nal.length ? 0x40 : 0) | type);
            System.arraycopy(nal, pos, p, 2, len);
            out.add(p);
        }
    }
}

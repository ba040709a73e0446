package org.openvto.media.sdp.internal;

import java.util.Optional;
import org.openvto.media.h264.H264Fmtp;

/**
 * RFC 6184 §8.1/§8.2.2 for a sender of one fixed stream (the camera's): may it go to a receiver that declared this
 * {@code profile-level-id} and {@code packetization-mode}, and what does an answer say. Profiles per ITU-T H.264 §A.2
 * and the constraint flags of §7.4.2.1.1: a stream may go where every profile the receiver's profile_idc and
 * constraint_set0–2 flags require is one the stream conforms to.
 */
public final class H264Profiles {
    private static final int BASELINE = 1;
    private static final int MAIN = 2;
    private static final int EXTENDED = 4;

    private H264Profiles() {}

    /**
     * Whether our stream (its fmtp: our offer's, or our capability's) can be sent to a receiver with that fmtp: the same
     * packetization mode (§8.2.2 "MUST be used symmetrically"), a profile that decodes ours, and a level not below
     * ours. An fmtp that is not H.264's never matches.
     */
    public static boolean sendable(Optional<String> ours, Optional<String> theirs) {
        Optional<H264Fmtp> o = H264Fmtp.parse(ours.orElse(""));
        Optional<H264Fmtp> t = H264Fmtp.parse(theirs.orElse(""));
        return o.isPresent()
                && t.isPresent()
                && o.get().packetizationMode() == t.get().packetizationMode()
                && decodes(t.get().profileLevelId(), o.get().profileLevelId())
                && level(t.get().profileLevelId()) >= level(o.get().profileLevelId());
    }

    /**
     * The answer's {@code profile-level-id}: the offer's profile (profile_idc and constraint flags, kept as §8.2.2
     * requires) with our level — never above the offer's, as {@link #sendable} checked, so it is right with and
     * without {@code level-asymmetry-allowed}.
     */
    public static String answer(String offered, String ours) {
        int profile = Integer.parseInt(offered.substring(0, 2), 16);
        int iop = Integer.parseInt(offered.substring(2, 4), 16);
        boolean oneB = level(ours) == LEVEL_1B;
        int levelIdc;
        if (profile == 66 || profile == 77 || profile == 88) {
            iop = oneB ? iop | 0x10 : iop & ~0x10; // constraint_set3 spells level 1b for these (§8.1)
            levelIdc = oneB ? 11 : level(ours) / 2;
        } else {
            levelIdc = oneB ? 9 : level(ours) / 2; // level 1b is level_idc 9 for the others
        }
        return String.format("%02x%02x%02x", profile, iop, levelIdc);
    }

    /** Level 1b on the scale of {@link #level}: between 1 (20) and 1.1 (22). */
    private static final int LEVEL_1B = 21;

    /** The level as twice level_idc (3.1 is 62), so that 1b, however written, sorts between 1 and 1.1. */
    static int level(String profileLevelId) {
        int profile = Integer.parseInt(profileLevelId.substring(0, 2), 16);
        int iop = Integer.parseInt(profileLevelId.substring(2, 4), 16);
        int idc = Integer.parseInt(profileLevelId.substring(4, 6), 16);
        boolean oneB = (idc == 11 && (iop & 0x10) != 0 && (profile == 66 || profile == 77 || profile == 88))
                || (idc == 9 && profile != 66 && profile != 77 && profile != 88);
        return oneB ? LEVEL_1B : 2 * idc;
    }

    /** Whether a decoder of {@code receiver}'s profile decodes a stream of {@code stream}'s (levels aside). */
    static boolean decodes(String receiver, String stream) {
        int rp = Integer.parseInt(receiver.substring(0, 2), 16);
        int ri = Integer.parseInt(receiver.substring(2, 4), 16);
        int sp = Integer.parseInt(stream.substring(0, 2), 16);
        int si = Integer.parseInt(stream.substring(2, 4), 16);
        if (rp == sp && (ri & 0xE0 & ~si) == 0) {
            return true; // its own profile, with no flag the stream lacks
        }
        // A Baseline-family receiver's constraint_set2 says nothing it needs: 42e0 is how phones (baresip, Linphone,
        // browsers) write Constrained Baseline, the same decoder as 42c0; a CB stream need not obey Extended.
        int needed = flags(ri) & (rp == 66 ? ~EXTENDED : ~0);
        switch (rp) {
            case 66 -> needed |= BASELINE;
            case 77 -> needed |= MAIN;
            case 88 -> needed |= EXTENDED;
            // High, High 10, High 4:2:2, High 4:4:4 decoders decode Main streams (§A.2.4–A.2.7); their intra-only
            // variants (constraint_set3) do not decode P slices.
            case 100, 110, 122, 244 -> {
                if (rp != 100 && (ri & 0x10) != 0) {
                    return false;
                }
                needed |= MAIN;
            }
            default -> {
                return false;
            }
        }
        int conforms = flags(si) | (sp == 66 ? BASELINE : 0) | (sp == 77 ? MAIN : 0) | (sp == 88 ? EXTENDED : 0);
        return (needed & ~conforms) == 0;
    }

    /** constraint_set0/1/2: the stream obeys Baseline, Main, Extended. */
    private static int flags(int iop) {
        return ((iop & 0x80) != 0 ? BASELINE : 0) | ((iop & 0x40) != 0 ? MAIN : 0) | ((iop & 0x20) != 0 ? EXTENDED : 0);
    }
}

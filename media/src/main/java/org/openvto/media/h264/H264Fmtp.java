package org.openvto.media.h264;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The H.264 format parameters of an SDP {@code a=fmtp} line (RFC 6184 §8.1): {@code profile-level-id} (the SPS's
 * profile_idc, constraint flags and level_idc as 6 hex digits), {@code packetization-mode=1} and {@code
 * sprop-parameter-sets} (the SPS and PPS in base64, so a player can decode before the first in-band SPS). {@link
 * #parse} reads what a peer offers; a malformed line is an empty result, never an exception. Immutable.
 *
 * @param profileLevelId six hex digits, lower case ({@code 42e01f}: constrained baseline, level 3.1)
 * @param parameterSets  the SPS then the PPS, empty when not known
 */
public record H264Fmtp(String profileLevelId, int packetizationMode, List<byte[]> parameterSets) {
    public H264Fmtp {
        if (!profileLevelId.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("profile-level-id must be 6 hex digits: " + profileLevelId);
        }
        profileLevelId = profileLevelId.toLowerCase(Locale.ROOT);
        parameterSets = parameterSets.stream().map(byte[]::clone).toList();
    }

    /** From the stream's SPS and PPS NAL units (header byte included). */
    public static H264Fmtp of(byte[] sps, byte[] pps) {
        if (AnnexB.type(sps) != 7 || sps.length < 4 || AnnexB.type(pps) != 8) {
            throw new IllegalArgumentException("need an SPS (type 7, at least 4 bytes) and a PPS (type 8)");
        }
        String pli = String.format("%02x%02x%02x", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
        return new H264Fmtp(pli, 1, List.of(sps, pps));
    }

    /** {@code profile-level-id=42e01f;packetization-mode=1;sprop-parameter-sets=Z0Lg…,aM4…} */
    public String format() {
        StringBuilder b = new StringBuilder("profile-level-id=")
                .append(profileLevelId)
                .append(";packetization-mode=")
                .append(packetizationMode);
        if (!parameterSets.isEmpty()) {
            b.append(";sprop-parameter-sets=");
            for (int i = 0; i < parameterSets.size(); i++) {
                b.append(i == 0 ? "" : ",").append(Base64.getEncoder().encodeToString(parameterSets.get(i)));
            }
        }
        return b.toString();
    }

    /**
     * Reads the parameters of an {@code a=fmtp:<pt> …} value (after the payload type). Missing {@code
     * profile-level-id} means 420010 (baseline 1.0, RFC 6184 §8.1); missing {@code packetization-mode} means 0.
     */
    public static Optional<H264Fmtp> parse(String parameters) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String part : parameters.split(";")) {
            String kv = part.strip();
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                if (!kv.isEmpty()) {
                    return Optional.empty();
                }
                continue;
            }
            p.put(
                    kv.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    kv.substring(eq + 1).strip());
        }
        String pli = p.getOrDefault("profile-level-id", "420010");
        String mode = p.getOrDefault("packetization-mode", "0");
        if (!pli.matches("[0-9a-fA-F]{6}") || !mode.matches("[0-2]")) {
            return Optional.empty();
        }
        List<byte[]> sets = List.of();
        String sprop = p.get("sprop-parameter-sets");
        if (sprop != null && !sprop.isEmpty()) {
            try {
                sets = java.util.Arrays.stream(sprop.split(","))
                        .map(s -> Base64.getDecoder().decode(s.strip()))
                        .toList();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new H264Fmtp(pli, Integer.parseInt(mode), sets));
    }

    /** The profile_idc: 66 baseline, 77 main, 100 high. */
    public int profileIdc() {
        return Integer.parseInt(profileLevelId.substring(0, 2), 16);
    }

    /** The level_idc × 10: 31 for level 3.1. */
    public int levelIdc() {
        return Integer.parseInt(profileLevelId.substring(4, 6), 16);
    }
}

package org.openvto.media.call.internal;

import java.util.random.RandomGenerator;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.call.CallStats;
import org.openvto.media.call.PeerMedia;
import org.openvto.media.call.VideoState;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.ViewerGate;

/** One remote party of a call (one forked branch's monitor) and its legs. Guarded by the call's lock. */
final class Party {
    final String id;
    final PeerMedia media;
    final Leg audio; // null without an audio leg
    final Leg video; // null without a video leg
    final DtmfDetector dtmf = new DtmfDetector();
    final ViewerGate gate = new ViewerGate(); // video starts at a key frame (RFC 6184 §8.4: SPS/PPS in band)
    VideoState videoState = VideoState.NONE;
    EncodedStream.Subscription subscription;
    boolean holdsSlot;
    boolean removed;
    long oversizeNals;

    // audio frames gathered into one packet of ptime (RFC 4566 a=ptime)
    private final byte[] packet;
    private int frames;
    private long packetMicros;
    private long firstMicros = -1;
    boolean audioMarker = true; // RFC 3551 §4.1: the first packet of a talkspurt

    Party(String id, PeerMedia media, RandomGenerator random) {
        this.id = id;
        this.media = media;
        this.audio = media.audio()
                .map(a -> new Leg(a.rtp(), a.rtcp(), a.payloadType(), AudioSource.CLOCK_RATE, random))
                .orElse(null);
        this.video = media.video()
                .map(v -> new Leg(v.rtp(), v.rtcp(), v.payloadType(), 90_000, random))
                .orElse(null);
        this.packet = new byte[media.audio().map(a -> a.ptimeMillis() / 20).orElse(1) * AudioSource.FRAME_BYTES];
    }

    boolean sendsAudio() {
        return audio != null && media.audio().orElseThrow().send();
    }

    boolean receivesAudio() {
        return audio != null && media.audio().orElseThrow().receive();
    }

    boolean wantsVideo() {
        return media.video().map(PeerMedia.Video::send).orElse(false);
    }

    /**
     * Adds one 20 ms frame (already in the party's codec); returns the packet once it holds ptime of audio, else
     * null. {@link #packetMicros()} is then its media time from this party's first frame.
     */
    byte[] addFrame(byte[] g711, long micros) {
        if (firstMicros < 0) {
            firstMicros = micros;
        }
        if (frames == 0) {
            packetMicros = micros - firstMicros;
        }
        System.arraycopy(g711, 0, packet, frames * AudioSource.FRAME_BYTES, AudioSource.FRAME_BYTES);
        frames++;
        if (frames * AudioSource.FRAME_BYTES < packet.length) {
            return null;
        }
        frames = 0;
        return packet.clone();
    }

    long packetMicros() {
        return packetMicros;
    }

    CallStats.PeerStats stats() {
        return new CallStats.PeerStats(
                id,
                videoState,
                audio == null ? CallStats.LegStats.NONE : audio.stats(),
                video == null ? CallStats.LegStats.NONE : video.stats(),
                oversizeNals,
                gate.dropped());
    }
}
